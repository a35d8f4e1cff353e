import type { TableResult } from "./compute/tableResult";
import { tableNotEvents } from "./compute/computeTable";
import { monthRowWords } from "./headlines/rowSubject";
import { type MonthCounts, type UnusualMonth, unusualMonths } from "./compute/unusualMonths";
import { formatCount } from "./format/formatNumbers";
import type { Headline } from "./headlines/writeHeadlines";
import type { IncidentAnalysis } from "./incidents/incidentAnalysis";
import { isoMonth, monthWords } from "./incidents/extractSummary";
import { monthIndex } from "./parse/parsePeriod";

/**
 * A month-by-month table as one series: its periods (columns) in order, each period's months
 * (rows) in the order written, so "Oct 2018/19" follows "Sep 2017/18".
 */
function tableSeries(result: TableResult): MonthCounts | null {
  const { table } = result;
  // The test counts events: a series of durations or of items found in batches is not tested.
  if (table.kind !== "months" || !result.months || tableNotEvents(table) !== null) return null;
  const rows = result.rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.aggregate && monthIndex(r.label) !== null);
  if (rows.length !== 12) return null; // a series only when each period holds a whole year of months
  const months: string[] = [];
  const counts: (number | null)[] = [];
  const places: { row: number; column: number }[] = [];
  table.columns.forEach((_, c) => {
    for (const { r, i } of rows) {
      months.push(monthRowWords(result, r.label, c));
      counts.push(r.values[c]);
      places.push({ row: i, column: c });
    }
  });
  return { series: table.title ?? table.sheet, sheet: table.sheet, table: table.title, months, counts, places };
}

/** An extract's months, crime and anti-social behaviour apart, every month of its span in place. */
function extractSeries(analysis: IncidentAnalysis): MonthCounts[] {
  const { extract } = analysis;
  if (!extract.span || extract.months.length === 0) return [];
  const byMonth = new Map(extract.months.map((m) => [m.month, m]));
  const [y, m] = extract.span.from.split("-").map(Number);
  const first = y * 12 + m - 1;
  const months = Array.from({ length: extract.span.months }, (_, k) => isoMonth(first + k));
  const names = months.map((_, k) => monthWords(first + k));
  const series = (what: string, pick: (m: { crime: number; antisocialBehaviour: number }) => number): MonthCounts => ({
    series: `${analysis.source}: ${what}`,
    sheet: analysis.source,
    table: null,
    months: names,
    // A month with no record at all is a missing file or a gap, not a month of none.
    counts: months.map((month) => {
      const found = byMonth.get(month);
      return found ? pick(found) : null;
    }),
  });
  const out = [series("crime", (x) => x.crime)];
  if (extract.months.some((x) => x.antisocialBehaviour > 0))
    out.push(series("anti-social behaviour", (x) => x.antisocialBehaviour));
  return out;
}

/** Every month series of a run that is tested for unusual months: month-by-month tables and extracts. */
export function runMonthSeries(tables: readonly TableResult[], incidents: readonly IncidentAnalysis[]): MonthCounts[] {
  return [...tables.map(tableSeries).filter((s): s is MonthCounts => s !== null), ...incidents.flatMap(extractSeries)];
}

/** The unusual months of every month series of a run: month-by-month tables and extracts. */
export function runUnusualMonths(
  tables: readonly TableResult[],
  incidents: readonly IncidentAnalysis[],
): UnusualMonth[] {
  return unusualMonths(runMonthSeries(tables, incidents));
}

/** "p = 0.0004" or "p < 0.0001". */
const pWords = (p: number): string => (p < 0.0001 ? "p < 0.0001" : `p = ${p.toPrecision(2)}`);

/** An unusual month as a sentence for the key findings. */
export function unusualMonthHeadline(month: UnusualMonth): Headline {
  const against =
    month.baseline === "same month a year earlier"
      ? `${formatCount(month.expected)} in the same month a year earlier`
      : `a mean of ${formatCount(month.expected, 1)} a month over the months before`;
  return {
    sheet: month.sheet,
    table: month.table,
    label: `${month.month} (unusual month)`,
    text: `${month.series}: ${month.month} was unusually ${month.direction === "above" ? "high" : "low"}, ${formatCount(month.count)} against ${against} (${pWords(month.adjustedP)} after allowing for every month tested).`,
    pValue: month.adjustedP,
    significant: true,
  };
}
