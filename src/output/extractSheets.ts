import { NumberFormats, RESULT_SHEET_PREFIX, type ResultChart, type ResultSheet, resultColumn as col } from "../model";
import { MONTH_NAMES, WEEKDAYS } from "../core/calendar/namedDates";
import type { TableResult } from "../core/compute/tableResult";
import { formatCount } from "../core/format/formatNumbers";
import { type IncidentAnalysis, type TemporalPatterns, interventionTableTitle } from "../core/incidents";
import { POLICE_UK_ATTRIBUTION } from "../core/incidents/attribution";
import { SheetBuilder, significanceLabel } from "./sheetBuilder";

export const IncidentSheetNames = {
  extract: `${RESULT_SHEET_PREFIX}Extract`,
  patterns: `${RESULT_SHEET_PREFIX}Patterns`,
  intervention: `${RESULT_SHEET_PREFIX}Intervention`,
} as const;

const WEEKDAY_COLUMNS = [1, 2, 3, 4, 5, 6, 7];
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * Each extract as a whole, whatever span it covers: how many records were read and where they
 * fall, then the borough's records by month (with a line chart), by category as the extract
 * names them, by ward and by LSOA.
 */
export function extractSheet(incidents: readonly IncidentAnalysis[]): ResultSheet | null {
  if (incidents.length === 0) return null;
  const b = new SheetBuilder(4);
  const charts: ResultChart[] = [];
  const int = NumberFormats.integer;
  for (const { source, extract } of incidents) {
    b.add("section", [`${source}: ${formatCount(extract.records)} records read`]);
    b.add("data", ["In the borough's wards", extract.located], ["@", int]);
    b.add("data", ["Outside every ward (not the borough's)", extract.outsideBoundaries], ["@", int]);
    b.add(
      "data",
      [
        extract.unlocatedExcluded ? "Without a location (left out)" : "Without a location (counted, in no ward)",
        extract.unlocated,
      ],
      ["@", int],
    );
    b.add("data", ["Counted in the borough's totals", extract.counted], ["@", int]);
    if (extract.forces.length > 0)
      b.add("note", [`Whose data: ${extract.forces.map((f) => `${f.force} (${formatCount(f.count)})`).join(", ")}.`]);
    if (extract.policeUk) b.add("note", [POLICE_UK_ATTRIBUTION]);
    if (extract.monthOnly) b.add("note", ["The extract gives months only (no days or times)."]);
    b.add("data", []);
    const monthHeader = b.add("section", ["Month", "Records", "Crime", "Anti-social behaviour"]);
    for (const m of extract.months)
      b.add("data", [m.month, m.count, m.crime, m.antisocialBehaviour], ["@", int, int, int]);
    if (extract.months.length > 1)
      charts.push({
        kind: "line",
        title: `${source}: records by month`,
        firstRow: monthHeader,
        lastRow: b.rows.length - 1,
        categoryColumn: 0,
        seriesColumns: [2, 3],
      });
    b.add("data", []);
    b.add("section", ["Category", "Records", "Share"]);
    for (const c of extract.byCategory)
      b.add(
        "data",
        [c.category, c.count, extract.counted > 0 ? c.count / extract.counted : null],
        ["@", int, NumberFormats.percent1],
      );
    b.add("data", []);
    if (extract.byWard.length > 0) {
      b.add("section", ["Ward", "Records", "Crime", "Anti-social behaviour"]);
      for (const w of extract.byWard)
        b.add("data", [w.name, w.count, w.crime, w.antisocialBehaviour], ["@", int, int, int]);
      b.add("data", []);
    }
    if (extract.byLsoa.length > 0) {
      b.add("section", ["LSOA", "LSOA code", "Records"]);
      for (const l of extract.byLsoa) b.add("data", [l.name, l.code, l.count], ["@", "@", int]);
      b.add("data", []);
    }
  }
  return b.sheet(
    IncidentSheetNames.extract,
    [
      col("Extract", 44, NumberFormats.text),
      col("", 14, NumberFormats.integer),
      col("", 12, NumberFormats.integer),
      col("", 22, NumberFormats.integer),
    ],
    charts,
  );
}

const COUNTS = Array<string>(8).fill(NumberFormats.integer);

/** A line a weekday over the rows from a header row down. */
const weekdayChart = (title: string, firstRow: number, lastRow: number): ResultChart => ({
  kind: "line",
  title,
  firstRow,
  lastRow,
  categoryColumn: 0,
  seriesColumns: WEEKDAY_COLUMNS,
});

/** Hour × weekday counts with totals and their chart, or a note that the extract gives no times. */
function hourRows(b: SheetBuilder, patterns: TemporalPatterns, charts: ResultChart[]): void {
  if (!patterns.hourWeekday) {
    b.add("note", ["No hour profile: the extract gives no times."]);
    b.add("data", []);
    return;
  }
  b.add("section", [`By hour of the day (${formatCount(patterns.timedRecords)} records with a time)`]);
  const hourHeader = b.add("section", ["Hour", ...WEEKDAYS, "Total"]);
  patterns.hourWeekday.forEach((row, h) =>
    b.add(
      "data",
      [`${String(h).padStart(2, "0")}:00–${String(h).padStart(2, "0")}:59`, ...row, sum(row)],
      ["@", ...COUNTS],
    ),
  );
  charts.push(weekdayChart(`${patterns.category} by hour and weekday`, hourHeader, b.rows.length - 1));
  b.add("data", []);
}

/** The named dates against the same weekdays: records, expected, ratio, p-value and the words. */
function namedDatesRows(b: SheetBuilder, namedDates: TemporalPatterns["namedDates"]): void {
  b.add("section", [
    "Named date",
    "Dates",
    "Records",
    "Expected",
    "Ratio",
    "p-value",
    "Compared with the same weekdays",
  ]);
  for (const d of namedDates) {
    b.add(
      "data",
      [d.name, d.dates.join(", "), d.observed, d.expected, d.ratio, d.pValue, d.wording],
      ["@", "@", NumberFormats.integer, NumberFormats.decimal1, NumberFormats.decimal2, "0.000", "@"],
    );
  }
}

/**
 * When the profiled category happens, for each extract: month × weekday and hour × weekday
 * counts with totals (and charts of them), then the named dates against the same weekdays.
 */
export function patternsSheet(incidents: readonly IncidentAnalysis[]): ResultSheet | null {
  const profiled = incidents.filter((i) => i.patterns && i.patterns.total > 0);
  if (profiled.length === 0) return null;
  const b = new SheetBuilder(9);
  const charts: ResultChart[] = [];
  for (const { source, patterns } of profiled) {
    if (!patterns) continue;
    b.add("section", [
      `${patterns.category}, ${source}: ${formatCount(patterns.total)} records, ${patterns.from} – ${patterns.to}`,
    ]);
    const monthHeader = b.add("section", ["Month", ...WEEKDAYS, "Total"]);
    patterns.monthWeekday.forEach((row, m) => b.add("data", [MONTH_NAMES[m], ...row, sum(row)], ["@", ...COUNTS]));
    charts.push(weekdayChart(`${patterns.category} by month and weekday`, monthHeader, b.rows.length - 1));
    const weekdayTotals = WEEKDAYS.map((_, w) => sum(patterns.monthWeekday.map((row) => row[w])));
    b.add("data", ["Total", ...weekdayTotals, patterns.total], ["@", ...COUNTS]);
    b.add(
      "note",
      ["Average a day (named dates excluded)", ...patterns.weekdayAverage],
      ["@", ...Array<string>(7).fill(NumberFormats.decimal1)],
    );
    b.add("data", []);
    hourRows(b, patterns, charts);
    namedDatesRows(b, patterns.namedDates);
    b.add("data", []);
  }
  return b.sheet(
    IncidentSheetNames.patterns,
    [
      col("Temporal patterns", 36, NumberFormats.text),
      col("", 24),
      ...Array.from({ length: 6 }, () => col("", 11, NumberFormats.integer)),
      col("", 11, NumberFormats.integer),
    ],
    charts,
  );
}

/**
 * Each intervention as the seed's Town Centre analysis shows it: for every intervention and
 * comparison ward, crime by group before and after the start, with the change, % change and
 * whether it is beyond normal variation (the rows the core computed for the same tables).
 */
export function interventionSheet(
  incidents: readonly IncidentAnalysis[],
  tables: readonly TableResult[],
): ResultSheet | null {
  const impacts = incidents.flatMap((i) => i.interventions);
  if (impacts.length === 0) return null;
  const byTitle = new Map(tables.map((t) => [t.table.title, t]));
  const b = new SheetBuilder(9);
  for (const impact of impacts) {
    b.add("section", [`${impact.name}: ${impact.periods[1]} against ${impact.periods[0]}`]);
    b.add("section", [
      "Ward",
      "Role",
      "Crime group",
      "Before",
      "After",
      "Change",
      "% change",
      "p-value",
      "Significance",
    ]);
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
