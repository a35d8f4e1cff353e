// The model's own file, not its index: see "Hot paths" in docs/ARCHITECTURE.md.
import { runToEnd } from "../core/steps";
import {
  NumberFormats,
  RESULT_SHEET_PREFIX,
  type ResultChart,
  type ResultSheet,
  resultColumn as col,
} from "../model/resultSheet";
import type { WardAnalysis } from "../../geo/wardLayers";
import type { Assessment } from "../core/computeAssessment";
import type { TableResult } from "../core/compute/tableResult";
import { countOf, formatCount } from "../core/format/formatNumbers";
import { KEY_CHANGES, keyFindings } from "../core/keyFindings";
import { morileResultSheet } from "./morileSheet";
import { SheetBuilder, significanceLabel } from "./sheetBuilder";
import { extractSheet, interventionSheet, patternsSheet } from "./extractSheets";
import { wardsResultSheet } from "./wardsSheet";

/** Names of the sheets one run writes (each starts with the result prefix). */
export const ResultSheetNames = {
  summary: `${RESULT_SHEET_PREFIX}Summary`,
  tables: `${RESULT_SHEET_PREFIX}Tables`,
  months: `${RESULT_SHEET_PREFIX}Months`,
  findings: `${RESULT_SHEET_PREFIX}Findings`,
} as const;

const numberFormat = (value: number | null): string =>
  value !== null && !Number.isInteger(value) ? NumberFormats.decimal1 : NumberFormats.integer;

// The eight ways a CSP Tables row can format its earlier value, latest value and change,
// built once: a hundred thousand rows then share them rather than each holding an array.
const VALUE_FORMATS = Array.from({ length: 8 }, (_, k) => {
  const format = (bit: number): string => (k & bit ? NumberFormats.decimal1 : NumberFormats.integer);
  return Object.freeze([null, null, null, null, null, format(4), null, format(2), format(1)]);
});

function valueFormats(
  earlier: number | null,
  latest: number | null,
  change: number | null,
): readonly (string | null)[] {
  const decimal = (value: number | null): number => (numberFormat(value) === NumberFormats.decimal1 ? 1 : 0);
  return VALUE_FORMATS[decimal(earlier) * 4 + decimal(latest) * 2 + decimal(change)];
}

function tableName(result: TableResult): string {
  return result.table.title ?? `${result.table.labelHeader || "Table"} (${result.table.range})`;
}

function summarySheet(assessment: Assessment): ResultSheet {
  const b = new SheetBuilder();
  const count = (severity: string): number => assessment.findings.filter((f) => f.severity === severity).length;
  b.add("note", [
    `${countOf(assessment.tables.length, "table")} read from ${countOf(assessment.sheetsRead, "sheet")}; ${countOf(count("error"), "error")}, ${countOf(count("warning"), "warning")} and ${countOf(count("info"), "note")} in ${ResultSheetNames.findings}.`,
  ]);
  const home = assessment.homeArea;
  if (home) {
    const how = {
      option: "as named for this run",
      settings: "from the Settings sheet",
      inferred:
        "inferred: the only area of the tables that their titles name; name it on a Settings sheet (Home area | name) to be sure",
    }[home.source];
    b.add("note", [`Home area: ${home.name} (${how}).`]);
  }
  // The ten findings that matter most lead, as the report's "Key changes"; then every headline
  // in the workbook's order.
  const key = keyFindings(assessment).slice(0, KEY_CHANGES);
  if (key.length > 0) {
    b.add("section", ["Key changes", "", "", null]);
    for (const f of key) b.add("data", [f.sheet, f.table ?? "", f.text, f.pValue]);
    b.add("section", ["All headlines, by table", "", "", null]);
  }
  let current = "";
  for (const h of assessment.headlines) {
    const group = `${h.sheet} – ${h.table ?? "untitled table"}`;
    if (group !== current) {
      b.add("section", [h.sheet, h.table ?? "", "", null]);
      current = group;
    }
    b.add("data", [h.sheet, h.table ?? "", h.text, h.pValue]);
  }
  return b.sheet(ResultSheetNames.summary, [
    col("Sheet", 22, NumberFormats.text),
    col("Table", 40, NumberFormats.text),
    col("Headline", 110, NumberFormats.text),
    col("p-value", 10, "0.000"),
  ]);
}

function* tablesSheet(assessment: Assessment): Generator<void, ResultSheet, void> {
  const b = new SheetBuilder();
  // Published tables of areas add each row's GSS code and the table's unit (only then, so
  // other workbooks' sheets keep their columns).
  const published = assessment.tables.some(
    (t) => t.table.unit !== undefined || t.table.rows.some((r) => r.code !== undefined),
  );
  for (const result of assessment.tables) {
    yield;
    const { table } = result;
    const last = table.columns.length - 1;
    const periods = table.kind !== "categories";
    result.rows.forEach((row, i) => {
      const earlier = periods && last >= 1 ? row.values[last - 1] : null;
      const latest = row.values[last];
      const codeAndUnit = published ? [table.rows[i].code ?? null, table.columns[last].unit ?? table.unit ?? null] : [];
      b.add(
        "data",
        [
          table.sheet,
          tableName(result),
          row.label,
          row.aggregate ? "Yes" : "",
          periods && last >= 1 ? table.columns[last - 1].header : "",
          earlier,
          table.columns[last].header,
          latest,
          row.change,
          row.pctChange,
          row.share,
          row.rank,
          row.cumulativeShare,
          row.significance?.pValue ?? null,
          significanceLabel(row),
          ...codeAndUnit,
        ],
        valueFormats(earlier, latest, row.change),
      );
    });
  }
  const codeColumns = published ? [col("Code", 12, NumberFormats.text), col("Unit", 24, NumberFormats.text)] : [];
  return b.sheet(ResultSheetNames.tables, [
    col("Sheet", 22, NumberFormats.text),
    col("Table", 40, NumberFormats.text),
    col("Row", 34, NumberFormats.text),
    col("Total row", 10, NumberFormats.text),
    col("Earlier period", 22, NumberFormats.text),
    col("Earlier value", 13, NumberFormats.integer),
    col("Latest period", 22, NumberFormats.text),
    col("Latest value", 13, NumberFormats.integer),
    col("Change", 10, NumberFormats.integer),
    col("% change", 10, NumberFormats.percent1),
    col("Share of total", 13, NumberFormats.percent1),
    col("Rank", 7, NumberFormats.integer),
    col("Cumulative share", 15, NumberFormats.percent1),
    col("p-value", 9, "0.000"),
    col("Significance", 24, NumberFormats.text),
    ...codeColumns,
  ]);
}

function monthsSheet(assessment: Assessment): ResultSheet | null {
  const monthTables = assessment.tables.filter((t) => t.months);
  if (monthTables.length === 0) return null;
  const width = Math.max(...monthTables.map((t) => t.table.columns.length)) + 2;
  const b = new SheetBuilder(width);
  const charts: ResultChart[] = [];
  for (const result of monthTables) {
    const months = result.months;
    if (!months) continue;
    const { table } = result;
    b.add("section", [`${tableName(result)} (${table.sheet})`]);
    const headerRow = b.add("section", ["Month", ...table.columns.map((c) => c.header), "Seasonal index"]);
    const dataRows = result.rows.filter((r) => !r.aggregate);
    dataRows.forEach((row, i) => {
      b.add(
        "data",
        [row.label, ...row.values, months.seasonalIndex[i]?.index ?? null],
        ["@", ...row.values.map(numberFormat), NumberFormats.decimal2],
      );
    });
    const lastRow = b.rows.length - 1;
    b.add("data", ["Total", ...months.totals, null], ["@", ...months.totals.map(numberFormat)]);
    b.add("data", ["Peak month", ...months.peaks.map((p) => (p ? `${p.month} (${p.value})` : null))]);
    // The table's unusual months, said under it and marked on its chart.
    const unusual = assessment.unusualMonths.filter(
      (u) => u.place && u.sheet === table.sheet && u.table === table.title && result.rows[u.place.row] !== undefined,
    );
    if (unusual.length > 0)
      b.add("note", [
        `Unusual months (marked on the chart): ${unusual
          .map(
            (u) =>
              `${u.month} ${u.direction === "above" ? "high" : "low"}, ${u.count} against ${formatCount(u.expected, 1)}`,
          )
          .join("; ")}`,
      ]);
    b.add("data", []);
    charts.push({
      kind: "line",
      title: tableName(result),
      firstRow: headerRow,
      lastRow,
      categoryColumn: 0,
      seriesColumns: table.columns.map((_, i) => i + 1),
      highlights: unusual.map((u) => ({
        series: u.place!.column,
        point: dataRows.indexOf(result.rows[u.place!.row]),
      })),
    });
  }
  return b.sheet(
    ResultSheetNames.months,
    Array.from({ length: width }, (_, i) =>
      i === 0 ? col("Month series", 24, NumberFormats.text) : col("", 14, NumberFormats.integer),
    ),
    charts,
  );
}

function findingsSheet(assessment: Assessment): ResultSheet {
  const rows = assessment.findings.map((f) => [
    f.severity === "error" ? "Error" : f.severity === "warning" ? "Warning" : "Note",
    f.cell,
    f.kind,
    f.stated,
    f.computed,
    f.message,
  ]);
  const formats = assessment.findings.map((f) => [
    null,
    null,
    null,
    numberFormatFor(f.stated, f.kind),
    numberFormatFor(f.computed, f.kind),
    null,
  ]);
  return {
    name: ResultSheetNames.findings,
    columns: [
      col("Severity", 10, NumberFormats.text),
      col("Cell", 28, NumberFormats.text),
      col("Kind", 22, NumberFormats.text),
      col("Stated", 12, NumberFormats.general),
      col("Computed", 12, NumberFormats.general),
      col("Message", 110, NumberFormats.text),
    ],
    rows:
      rows.length > 0
        ? rows
        : [["", "", "", null, null, "No findings: every total and derived column agrees with the data."]],
    cellFormats: formats,
  };
}

function numberFormatFor(value: number | string | null, kind: string): string | null {
  if (typeof value !== "number") return null;
  if (kind.startsWith("pct-")) return NumberFormats.percent1;
  return numberFormat(value);
}

/**
 * The result sheets of one assessment, in the order they are written.
 *
 * @example
 * buildResultSheets(computeAssessment({ sheets: [{ name: "Crime", top: 0, left: 0, values: [["Crime type", "2018/19", "2019/20"], ["Drug offences", 318, 394], ["Robbery", 60, 75], ["Total", 378, 469]] }] })).map((s) => s.name) //= ["CSP Summary", "CSP Tables", "CSP Findings"]
 */
export function buildResultSheets(assessment: Assessment, wards: WardAnalysis | null = null): ResultSheet[] {
  return runToEnd(resultSheetSteps(assessment, wards));
}

/** `buildResultSheets` a table at a time (the Tables sheet is most of the work): it yields before each table. */
export function* resultSheetSteps(
  assessment: Assessment,
  wards: WardAnalysis | null = null,
): Generator<void, ResultSheet[], void> {
  const months = monthsSheet(assessment);
  const morile = assessment.morile ? [morileResultSheet(assessment.morile)] : [];
  const extract = extractSheet(assessment.incidents);
  const patterns = patternsSheet(assessment.incidents);
  const intervention = interventionSheet(assessment.incidents, assessment.tables);
  const mapped = wards && wards.layers.length > 0 ? wardsResultSheet(wards) : null;
  const optional = [months, extract, patterns, intervention, mapped].filter((s): s is ResultSheet => s !== null);
  const tables = yield* tablesSheet(assessment);
  return [summarySheet(assessment), ...morile, tables, ...optional, findingsSheet(assessment)];
}
