import { NumberFormats, RESULT_SHEET_PREFIX, type ResultChart, type ResultSheet, resultColumn as col } from "../../model";
import { MONTH_NAMES, WEEKDAYS } from "../calendar/namedDates";
import type { TableResult } from "../compute/computeTable";
import { formatCount } from "../format/formatNumbers";
import { type IncidentAnalysis, interventionTableTitle } from "../incidents";
import { SheetBuilder, significanceLabel } from "./sheetBuilder";

export const IncidentSheetNames = {
  patterns: `${RESULT_SHEET_PREFIX}Patterns`,
  intervention: `${RESULT_SHEET_PREFIX}Intervention`,
} as const;

const WEEKDAY_COLUMNS = [1, 2, 3, 4, 5, 6, 7];
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * When the profiled category happens, for each extract: month × weekday and hour × weekday
 * counts with totals (and charts of them), then the named dates against the same weekdays.
 */
export function patternsSheet(incidents: readonly IncidentAnalysis[]): ResultSheet | null {
  const profiled = incidents.filter((i) => i.patterns && i.patterns.total > 0);
  if (profiled.length === 0) return null;
  const b = new SheetBuilder(9);
  const charts: ResultChart[] = [];
  const counts = Array<string>(8).fill(NumberFormats.integer);
  for (const { source, patterns } of profiled) {
    if (!patterns) continue;
    b.add("section", [`${patterns.category}, ${source}: ${formatCount(patterns.total)} records, ${patterns.from} – ${patterns.to}`]);
    const monthHeader = b.add("section", ["Month", ...WEEKDAYS, "Total"]);
    patterns.monthWeekday.forEach((row, m) => b.add("data", [MONTH_NAMES[m], ...row, sum(row)], ["@", ...counts]));
    charts.push({ kind: "line", title: `${patterns.category} by month and weekday`, firstRow: monthHeader, lastRow: b.rows.length - 1, categoryColumn: 0, seriesColumns: WEEKDAY_COLUMNS });
    const weekdayTotals = WEEKDAYS.map((_, w) => sum(patterns.monthWeekday.map((row) => row[w])));
    b.add("data", ["Total", ...weekdayTotals, patterns.total], ["@", ...counts]);
    b.add("note", ["Average a day (named dates excluded)", ...patterns.weekdayAverage], ["@", ...Array<string>(7).fill(NumberFormats.decimal1)]);
    b.add("data", []);
    if (patterns.hourWeekday) {
      b.add("section", [`By hour of the day (${formatCount(patterns.timedRecords)} records with a time)`]);
      const hourHeader = b.add("section", ["Hour", ...WEEKDAYS, "Total"]);
      patterns.hourWeekday.forEach((row, h) => b.add("data", [`${String(h).padStart(2, "0")}:00–${String(h).padStart(2, "0")}:59`, ...row, sum(row)], ["@", ...counts]));
      charts.push({ kind: "line", title: `${patterns.category} by hour and weekday`, firstRow: hourHeader, lastRow: b.rows.length - 1, categoryColumn: 0, seriesColumns: WEEKDAY_COLUMNS });
      b.add("data", []);
    } else {
      b.add("note", ["No hour profile: the extract gives no times."]);
      b.add("data", []);
    }
    b.add("section", ["Named date", "Dates", "Records", "Expected", "Ratio", "p-value", "Compared with the same weekdays"]);
    for (const d of patterns.namedDates) {
      b.add("data", [d.name, d.dates.join(", "), d.observed, d.expected, d.ratio, d.pValue, d.wording],
        ["@", "@", NumberFormats.integer, NumberFormats.decimal1, NumberFormats.decimal2, "0.000", "@"]);
    }
    b.add("data", []);
  }
  return b.sheet(IncidentSheetNames.patterns, [col("Temporal patterns", 36, NumberFormats.text), col("", 24), ...Array.from({ length: 6 }, () => col("", 11, NumberFormats.integer)), col("", 11, NumberFormats.integer)], charts);
}

/**
 * Each intervention as the seed's Town Centre analysis shows it: for every intervention and
 * comparison ward, crime by group before and after the start, with the change, % change and
 * whether it is beyond normal variation (the rows the core computed for the same tables).
 */
export function interventionSheet(incidents: readonly IncidentAnalysis[], tables: readonly TableResult[]): ResultSheet | null {
  const impacts = incidents.flatMap((i) => i.interventions);
  if (impacts.length === 0) return null;
  const byTitle = new Map(tables.map((t) => [t.table.title, t]));
  const b = new SheetBuilder(9);
  for (const impact of impacts) {
    b.add("section", [`${impact.name}: ${impact.periods[1]} against ${impact.periods[0]}`]);
    b.add("section", ["Ward", "Role", "Crime group", "Before", "After", "Change", "% change", "p-value", "Significance"]);
    for (const ward of impact.wards) {
      const result = byTitle.get(interventionTableTitle(impact.name, ward));
      if (!result) continue;
      for (const row of result.rows) {
        b.add("data", [
          ward.ward,
          ward.role === "intervention" ? "Intervention" : "Comparison",
          row.label,
          row.values[0],
          row.values[1],
          row.change,
          row.pctChange,
          row.significance?.pValue ?? null,
          significanceLabel(row),
        ]);
      }
    }
    if (impact.unknownWards.length > 0) b.add("note", [`No records in: ${impact.unknownWards.join(", ")}`]);
    b.add("data", []);
  }
  return b.sheet(IncidentSheetNames.intervention, [
    col("Ward", 26, NumberFormats.text),
    col("Role", 13, NumberFormats.text),
    col("Crime group", 30, NumberFormats.text),
    col("Before", 10, NumberFormats.integer),
    col("After", 10, NumberFormats.integer),
    col("Change", 10, NumberFormats.integer),
    col("% change", 10, NumberFormats.percent1),
    col("p-value", 9, "0.000"),
    col("Significance", 24, NumberFormats.text),
  ]);
}
