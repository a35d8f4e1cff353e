import { SHORT_MONTHS as MONTHS } from "../calendar/namedDates";
import type { WindowKind } from "../options";
import { monthNumber } from "./recordDate";

/** Two consecutive twelve-month periods, the earlier first. */
export interface ComparisonWindows {
  readonly labels: readonly [string, string];
  /** First and last month number (inclusive) of each period. */
  readonly ranges: readonly [readonly [number, number], readonly [number, number]];
}

const label = (first: number, last: number): string =>
  `${MONTHS[first % 12]} ${String(Math.floor(first / 12)).slice(2)} – ${MONTHS[last % 12]} ${String(Math.floor(last / 12)).slice(2)}`;

/**
 * The two periods to compare: rolling twelve months ending at `end` (the seed's November to
 * October), financial years (April to March) or calendar years ending at or before `end`.
 * `end` is `{ year, month }` of the last month with data.
 *
 * @example
 * comparisonWindows("nov-oct", { year: 2019, month: 10 }).labels //= ["Nov 17 – Oct 18", "Nov 18 – Oct 19"]
 * comparisonWindows("apr-mar", { year: 2019, month: 10 }).labels //= ["Apr 17 – Mar 18", "Apr 18 – Mar 19"]
 */
export function comparisonWindows(kind: WindowKind, end: { year: number; month: number }): ComparisonWindows {
  const last = monthNumber(end);
  let lastMonth: number;
  if (kind === "nov-oct") {
    // The latest complete November–October year on or before `end`.
    lastMonth = end.month >= 10 ? end.year * 12 + 9 : (end.year - 1) * 12 + 9;
    if (last < lastMonth) lastMonth -= 12;
  } else if (kind === "apr-mar") {
    lastMonth = end.month >= 3 ? end.year * 12 + 2 : (end.year - 1) * 12 + 2;
  } else {
    lastMonth = end.month === 12 ? end.year * 12 + 11 : (end.year - 1) * 12 + 11;
  }
  const current: [number, number] = [lastMonth - 11, lastMonth];
  const previous: [number, number] = [lastMonth - 23, lastMonth - 12];
  return { labels: [label(...previous), label(...current)], ranges: [previous, current] };
}

/**
 * 0 for the earlier period, 1 for the later, -1 outside both.
 *
 * @example
 * periodOf(comparisonWindows("nov-oct", { year: 2019, month: 10 }), 2019 * 12 + 9) //= 1
 * periodOf(comparisonWindows("nov-oct", { year: 2019, month: 10 }), 2017 * 12) //= -1
 */
export function periodOf(windows: ComparisonWindows, month: number): 0 | 1 | -1 {
  if (month >= windows.ranges[1][0] && month <= windows.ranges[1][1]) return 1;
  if (month >= windows.ranges[0][0] && month <= windows.ranges[0][1]) return 0;
  return -1;
}
