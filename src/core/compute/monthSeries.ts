import { clean, finiteOrNull } from "./compareValues";

/** What a month-by-month table says for each period, and the seasonal shape across periods. */
export interface MonthSeries {
  /** Per period (column), aligned with the table's periods. */
  readonly totals: readonly (number | null)[];
  readonly peaks: readonly ({ readonly month: string; readonly value: number } | null)[];
  /**
   * Per month row, the average over periods of (month / that period's monthly mean):
   * 1 is an average month, 1.5 half as busy again. `null` where a month has no values.
   */
  readonly seasonalIndex: readonly { readonly month: string; readonly index: number | null }[];
}

/**
 * Totals, peak month and seasonal index of a month series (rows are months, columns periods).
 *
 * @example
 * monthSeries(["Jan", "Feb"], [[10, 20], [30, 20]]).seasonalIndex //= [{ month: "Jan", index: 0.75 }, { month: "Feb", index: 1.25 }]
 */
export function monthSeries(months: readonly string[], values: readonly (readonly (number | null)[])[]): MonthSeries {
  const periods = values[0]?.length ?? 0;
  const totals: (number | null)[] = [];
  const peaks: ({ month: string; value: number } | null)[] = [];
  const means: (number | null)[] = [];
  for (let p = 0; p < periods; p += 1) {
    let total = 0;
    let count = 0;
    let peak: { month: string; value: number } | null = null;
    months.forEach((month, m) => {
      const v = values[m][p];
      if (v === null) return;
      total += v;
      count += 1;
      if (!peak || v > peak.value) peak = { month, value: v };
    });
    totals.push(count > 0 ? finiteOrNull(clean(total)) : null);
    peaks.push(peak);
    means.push(count > 0 && total > 0 && Number.isFinite(total) ? total / count : null);
  }
  const seasonalIndex = months.map((month, m) => {
    const ratios: number[] = [];
    for (let p = 0; p < periods; p += 1) {
      const v = values[m][p];
      const mean = means[p];
      if (v !== null && mean !== null) ratios.push(v / mean);
    }
    const index = ratios.length > 0 ? finiteOrNull(ratios.reduce((a, b) => a + b, 0) / ratios.length) : null;
    return { month, index };
  });
  return { totals, peaks, seasonalIndex };
}
