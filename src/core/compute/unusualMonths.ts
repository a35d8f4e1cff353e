import { poissonComparisonPValue, poissonRatePValue } from "../stats/poissonComparison";
import { median } from "simple-statistics";
import { benjaminiHochberg } from "../stats/falseDiscovery";

/** A month series to test: counts in month order, one a month with none missing between. */
export interface MonthCounts {
  /** What the series is, as the findings name it ("Needle finds", "Crime (police.uk)"). */
  readonly series: string;
  readonly months: readonly string[];
  readonly counts: readonly (number | null)[];
  /** Where each month's count stands, when the series is a table's: its row and column there. */
  readonly places?: readonly { readonly row: number; readonly column: number }[];
  /** The sheet and table the series comes from, for headlines. */
  readonly sheet: string;
  readonly table: string | null;
}

/** A month whose count is unlikely to be chance about its baseline. */
export interface UnusualMonth {
  readonly series: string;
  readonly sheet: string;
  readonly table: string | null;
  /** The month's row and column in its table, when the series is a table's. */
  readonly place: { readonly row: number; readonly column: number } | null;
  readonly month: string;
  readonly count: number;
  /** The baseline: the same month a year earlier, else the mean of the 12 months before. */
  readonly expected: number;
  readonly baseline: "same month a year earlier" | "mean of the months before";
  /** The exact two-sided Poisson p-value, and after Benjamini–Hochberg across every series of the run. */
  readonly p: number;
  readonly adjustedP: number;
  readonly direction: "above" | "below";
}

/** Months of a series before the first tested one: a year, so a baseline exists. */
const MIN_MONTHS = 13;
/** Under this share of the year's median month, a month is taken to be cut short, not low. */
const SHORT = 0.7;
/** The false discovery rate at which a month is called unusual. */
export const UNUSUAL_LEVEL = 0.01;

/**
 * The unusual months of every series of a run of 13 months or more: each month from the 13th
 * tested against its baseline (the same month a year earlier when it has a count, else the
 * mean of the 12 months before, those with counts) with an exact conditional Poisson test that allows for the
 * chance in the baseline too, then Benjamini–Hochberg across all
 * the months of all the series, and those under 1% kept. Counts only: a series holding a
 * fraction (a rate) is not tested. docs/UNUSUAL-MONTHS.md gives the rule and its measured
 * false-alarm rate.
 */
export function unusualMonths(all: readonly MonthCounts[]): UnusualMonth[] {
  const tests: Omit<UnusualMonth, "adjustedP">[] = [];
  for (const { series, months, counts, places, sheet, table } of all) {
    if (counts.length < MIN_MONTHS || counts.some((c) => c !== null && (!Number.isInteger(c) || c < 0))) continue;
    for (let i = 12; i < counts.length; i += 1) {
      const count = counts[i];
      if (count === null) continue;
      const lastYear = counts[i - 12];
      // A month cut short (under 70% of the year's median, a file cut off) is no baseline.
      const year = counts.slice(i - 12, i).filter((c): c is number => c !== null);
      const typical = year.length > 0 ? median(year) : 0;
      const before = year.filter((c) => c >= SHORT * typical);
      const sameMonth = lastYear !== null;
      // Without the same month a year earlier, the months of the year before that have counts.
      if (!sameMonth && before.length < 6) continue;
      const sum = before.reduce((a, b) => a + b, 0);
      const expected = sameMonth ? lastYear : sum / before.length;
      // The baseline is a count too, with chance in it: each test conditions on the two counts'
      // sum (exact), so a month is not flagged for a baseline that was itself low by chance.
      tests.push({
        series,
        sheet,
        table,
        place: places?.[i] ?? null,
        month: months[i],
        count,
        expected,
        baseline: sameMonth ? "same month a year earlier" : "mean of the months before",
        p: sameMonth ? poissonComparisonPValue(lastYear, count) : poissonRatePValue(count, sum, before.length),
        direction: count >= expected ? "above" : "below",
      });
    }
  }
  const adjusted = benjaminiHochberg(tests.map((t) => t.p));
  return tests.map((t, i) => ({ ...t, adjustedP: adjusted[i] })).filter((t) => t.adjustedP < UNUSUAL_LEVEL);
}
