import { cellText } from "../../model";
import { type CalendarDay, calendarDay, dayNumber, namedDates, weekdayOf } from "../calendar/namedDates";
import { SIGNIFICANCE_LEVEL, formatPValue } from "../compute/significance";
import { formatCount } from "../format/formatNumbers";
import { poissonTestPValue } from "../stats/poissonPValue";
import { ANTISOCIAL_BEHAVIOUR } from "./crimeGroups";
import type { IncidentCounts } from "./incidentCounts";
import { monthNumber } from "./recordDate";

/** The category a profile is drawn for: domestic abuse (the flag), or one crime group. */
export const DOMESTIC_ABUSE = "Domestic abuse";

/** One named date (all its occurrences in the period) against the same weekdays' average. */
export interface NamedDateResult {
  readonly name: string;
  /** The dates it fell on, dd/mm/yyyy. */
  readonly dates: readonly string[];
  readonly observed: number;
  /** The average of the same weekdays in the period (named dates excluded), summed over its dates. */
  readonly expected: number;
  /** observed / expected (null when nothing was expected). */
  readonly ratio: number | null;
  readonly pValue: number | null;
  readonly significant: boolean;
  readonly wording: string;
}

/** When a category's records happen: by month and weekday, by hour and weekday, and on named dates. */
export interface TemporalPatterns {
  readonly category: string;
  /** First and last day of the period profiled, dd/mm/yyyy. */
  readonly from: string;
  readonly to: string;
  readonly total: number;
  /** Counts by calendar month (January first) and weekday (Monday first). */
  readonly monthWeekday: readonly (readonly number[])[];
  /** Counts by hour (0–23) and weekday, from records that give a time; null when none do. */
  readonly hourWeekday: readonly (readonly number[])[] | null;
  readonly timedRecords: number;
  /** Average records per day for each weekday, named dates excluded: the baseline. */
  readonly weekdayAverage: readonly number[];
  readonly namedDates: readonly NamedDateResult[];
}

/** `dd/mm/yyyy`, as UK users write dates (the model's one date format). */
export const ukDate = (d: CalendarDay): string => cellText(new Date(Date.UTC(d.year, d.month - 1, d.day)));

/** The category's index test on a cell, or null when the extract has no such category. */
function selector(
  counts: IncidentCounts,
  category: string,
): ((cell: { group: number; da: boolean }) => boolean) | null {
  if (category.toLowerCase() === DOMESTIC_ABUSE.toLowerCase())
    return counts.hasDomesticAbuse ? (cell) => cell.da : null;
  if (/^all( crime)?$/i.test(category)) {
    const asb = counts.groups.indexOf(ANTISOCIAL_BEHAVIOUR);
    return (cell) => cell.group !== asb;
  }
  const group = counts.groups.findIndex((g) => g.toLowerCase() === category.toLowerCase());
  return group < 0 ? null : (cell) => cell.group === group;
}

/** The categories a profile can be drawn for in these counts. */
export function profileCategories(counts: IncidentCounts): string[] {
  return [...(counts.hasDomesticAbuse ? [DOMESTIC_ABUSE] : []), "All crime", ...counts.groups];
}

/**
 * The temporal profile of one category over days `from`..`to` (inclusive, days since 1970):
 * month × weekday and hour × weekday counts, and every named date (bank holidays, Valentine's
 * Day, Father's Day, Christmas Eve, New Year's Eve) against the average of the same weekday
 * on ordinary days, with an exact Poisson test of the difference. Null when the extract has
 * no such category (no DA flag column, or no such crime group).
 */
export function temporalPatterns(
  counts: IncidentCounts,
  category: string,
  from: number,
  to: number,
): TemporalPatterns | null {
  const selected = selector(counts, category);
  if (!selected || to < from) return null;
  const daily = new Float64Array(to - from + 1);
  const monthWeekday = Array.from({ length: 12 }, () => new Array<number>(7).fill(0));
  let total = 0;
  for (const cell of counts.days) {
    // A month-only record (police.uk) has no day: it cannot be put on a weekday or a date.
    if (cell.monthOnly || cell.day < from || cell.day > to || !selected(cell)) continue;
    daily[cell.day - from] += cell.count;
    monthWeekday[calendarDay(cell.day).month - 1][weekdayOf(cell.day)] += cell.count;
    total += cell.count;
  }
  const [firstMonth, lastMonth] = [monthNumber(calendarDay(from)), monthNumber(calendarDay(to))];
  const hourWeekday = Array.from({ length: 24 }, () => new Array<number>(7).fill(0));
  let timedRecords = 0;
  for (const cell of counts.hours) {
    if (cell.month < firstMonth || cell.month > lastMonth || !selected(cell)) continue;
    hourWeekday[cell.hour][cell.weekday] += cell.count;
    timedRecords += cell.count;
  }

  // Named dates in the period, grouped by name; the baseline leaves all of them out.
  const occurrences = new Map<string, number[]>();
  const named = new Set<number>();
  for (let year = calendarDay(from).year; year <= calendarDay(to).year; year += 1) {
    for (const d of namedDates(year)) {
      const day = dayNumber(d);
      if (day < from || day > to) continue;
      named.add(day);
      // Substitute days share their holiday's name in the table, so "Boxing Day" counts both.
      const name = d.name.replace(/ \(substitute day\)$/, "");
      occurrences.set(name, [...(occurrences.get(name) ?? []), day]);
    }
  }
  const sums = new Array<number>(7).fill(0);
  const days = new Array<number>(7).fill(0);
  for (let day = from; day <= to; day += 1) {
    if (named.has(day)) continue;
    sums[weekdayOf(day)] += daily[day - from];
    days[weekdayOf(day)] += 1;
  }
  const weekdayAverage = sums.map((s, w) => (days[w] > 0 ? s / days[w] : 0));
  const results: NamedDateResult[] = [...occurrences].map(([name, list]) => {
    const observed = list.reduce((sum, day) => sum + daily[day - from], 0);
    const expected = list.reduce((sum, day) => sum + weekdayAverage[weekdayOf(day)], 0);
    const pValue = expected > 0 ? poissonTestPValue(observed, expected) : null;
    const significant = pValue !== null && pValue < SIGNIFICANCE_LEVEL;
    const ratio = expected > 0 ? observed / expected : null;
    const times = list.length === 1 ? "" : ` over ${list.length} days`;
    const wording =
      pValue === null
        ? `${formatCount(observed)} records${times}; no baseline for these weekdays`
        : `${formatCount(observed)} records${times} against ${formatCount(expected, 1)} on the same weekdays: ${
            significant ? (observed > expected ? "higher than" : "lower than") : "within"
          } normal day-to-day variation (${formatPValue(pValue)})`;
    return {
      name,
      dates: list.map((day) => ukDate(calendarDay(day))),
      observed,
      expected,
      ratio,
      pValue,
      significant,
      wording,
    };
  });
  return {
    category,
    from: ukDate(calendarDay(from)),
    to: ukDate(calendarDay(to)),
    total,
    monthWeekday,
    hourWeekday: timedRecords > 0 ? hourWeekday : null,
    timedRecords,
    weekdayAverage,
    namedDates: results.sort((a, b) => (b.ratio ?? 0) - (a.ratio ?? 0)),
  };
}
