/** How a value moved between two periods; `new` is a rise from zero, `n/a` a missing value. */
export type ChangeStatus = "rise" | "fall" | "unchanged" | "new" | "n/a";

/** The change between two values, explicit about zero and missing bases: never NaN or Infinity. */
export interface Comparison {
  readonly change: number | null;
  /** A fraction (0.239 for +23.9%), or null when the base is zero or missing. */
  readonly pctChange: number | null;
  readonly status: ChangeStatus;
}

/**
 * The number, or `null` when arithmetic on extreme values overflowed to Infinity or NaN.
 *
 * @example
 * finiteOrNull(NaN) //= null
 * finiteOrNull(3) //= 3
 */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * Rounds away floating-point noise (0.1 + 0.2) without hiding real decimals.
 *
 * @example
 * clean(0.1 + 0.2) //= 0.3
 */
export function clean(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/**
 * Change and % change from `previous` to `latest`.
 *
 * @example
 * compareValues(318, 394) //= { change: 76, pctChange: 0.2389937, status: "rise" }
 * compareValues(0, 5)     //= { change: 5, pctChange: null, status: "new" }
 */
export function compareValues(previous: number | null, latest: number | null): Comparison {
  const change = previous === null || latest === null ? null : finiteOrNull(clean(latest - previous));
  if (previous === null || latest === null || change === null) return { change: null, pctChange: null, status: "n/a" };
  if (previous === 0) {
    return latest === 0
      ? { change: 0, pctChange: null, status: "unchanged" }
      : { change, pctChange: null, status: latest > 0 ? "new" : "n/a" };
  }
  const pctChange = finiteOrNull(change / Math.abs(previous));
  if (pctChange === null) return { change, pctChange: null, status: "n/a" };
  const status = change > 0 ? "rise" : change < 0 ? "fall" : "unchanged";
  return { change, pctChange, status };
}
