import { ckmeans, equalIntervalBreaks, quantile } from "simple-statistics";

/** How class breaks are chosen for a map. */
export type ClassMethod = "quantile" | "jenks" | "equal";

/** Class bounds for a legend: `breaks` has k + 1 values (minimum and maximum included). */
export interface Classification {
  readonly method: ClassMethod;
  readonly breaks: readonly number[];
  /** How many values fall in each of the k classes. */
  readonly counts: readonly number[];
}

/**
 * Class breaks for a choropleth by quantile (R type 7, simple-statistics `quantile`), natural
 * breaks or equal interval, always as k + 1 breaks read as upper bounds. Natural breaks use
 * simple-statistics `ckmeans` (Wang & Song 2011: the optimal partition minimising the
 * within-class sum of squares, Jenks's objective, O(k n log n)); its `jenks` returns class lower
 * bounds instead, so it is not used.
 * Fewer distinct values than classes give fewer classes rather than empty ones.
 *
 * @example
 * classify([1, 2, 4, 5, 7, 9, 10, 20], 3, "equal").breaks //= [1, 7.333, 13.667, 20]
 * @throws RangeError when there are no values or k < 1
 */
export function classify(values: readonly number[], k: number, method: ClassMethod): Classification {
  if (values.length === 0) throw new RangeError("classify requires at least 1 value");
  if (!Number.isInteger(k) || k < 1) throw new RangeError("classify requires at least 1 class");
  const sorted = [...values].sort((a, b) => a - b);
  const distinct = new Set(sorted).size;
  const classes = Math.max(1, Math.min(k, distinct));
  let breaks: number[];
  if (classes === 1) breaks = [sorted[0], sorted[sorted.length - 1]];
  else if (method === "jenks")
    breaks = [sorted[0], ...ckmeans(sorted, classes).map((cluster) => cluster[cluster.length - 1])];
  else if (method === "equal") breaks = equalIntervalBreaks(sorted, classes);
  else breaks = Array.from({ length: classes + 1 }, (_, i) => quantile(sorted, i / classes));
  return { method, breaks, counts: classCounts(sorted, breaks) };
}

/**
 * The class (0..k-1) of a value: upper bounds inclusive, as QGIS and Leaflet's legend read them.
 *
 * @example
 * classOf(5, [1, 4, 8, 12]) //= 1
 * classOf(1, [1, 4, 8, 12]) //= 0
 */
export function classOf(value: number, breaks: readonly number[]): number {
  for (let i = 1; i < breaks.length; i += 1) if (value <= breaks[i]) return i - 1;
  return breaks.length - 2;
}

function classCounts(sorted: readonly number[], breaks: readonly number[]): number[] {
  const counts = new Array<number>(Math.max(1, breaks.length - 1)).fill(0);
  for (const v of sorted) counts[classOf(v, breaks)] += 1;
  return counts;
}
