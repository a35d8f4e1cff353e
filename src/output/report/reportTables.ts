// Tables as a person would publish them: whole, titled by their own title (never a cell
// reference), each once, and raw population tables summarised into age bands.
import { type TableResult, countOf, formatCount, formatPercent, formatSignedCount, tableSubjectLine } from "../../core";
import type { ReportTable } from "./reportTypes";

/** A table longer or wider than this goes whole to an appendix, with a line where it would stand. */
export const INLINE_ROWS = 40;
const INLINE_COLUMNS = 7;

const GENERIC_HEADER = /^(|label|item|category|categories|description|measure|indicator|name)$/i;

/**
 * A table's title as the report prints it: its own title line (a banner above it, such as
 * "ILLUSTRATIVE DATA …", goes to the table's note); an untitled table is named by its sheet and
 * what its rows are ("Youth offending by age"), never by a cell reference.
 */
export function tableTitle(result: TableResult): string {
  const line = tableSubjectLine(result.table);
  if (line) return line;
  const header = result.table.labelHeader.trim();
  return GENERIC_HEADER.test(header) ? result.table.sheet : `${result.table.sheet} by ${header.toLowerCase()}`;
}

/** The banner above a table's own title line ("ILLUSTRATIVE DATA, NOT REAL FIGURES: …"), or null. */
function banner(result: TableResult): string | null {
  const { title } = result.table;
  const line = tableSubjectLine(result.table);
  return title && line && title !== line ? title.slice(0, title.length - line.length).replace(/\s*–\s*$/, "") : null;
}

/** A signature of a table's rows and figures: two tables with the same are one table printed twice. */
export function tableSignature(result: TableResult): string {
  return JSON.stringify(result.rows.map((r) => [r.label, r.values]));
}

/** True for a table too long or wide to stand in the text: it goes whole to an appendix. */
export function tooBig(result: TableResult): boolean {
  const periods = result.table.kind !== "categories" && result.table.columns.length >= 2;
  return result.rows.length > INLINE_ROWS || (!periods && result.table.columns.length > INLINE_COLUMNS);
}

/**
 * A computed table as rows of worded figures: the last two periods with change, or the
 * categories; `labels` keeps only those rows (a mixed table split by theme). Whole: no row or
 * column is left out.
 */
export function reportTable(result: TableResult, labels?: ReadonlySet<string>, caption?: string): ReportTable {
  const { table } = result;
  const figure = (row: number, column: number): string => {
    const value = result.rows[row].values[column];
    if (value === null) return "–";
    const parsed = table.rows[row].values[column];
    return parsed?.kind === "number" && parsed.isPercent ? formatPercent(value) : formatCount(value, 1);
  };
  const periods = table.kind !== "categories" && table.columns.length >= 2;
  const last = table.columns.length - 1;
  const header = periods
    ? [table.labelHeader, table.columns[last - 1].header, table.columns[last].header, "Change", "% change"]
    : [table.labelHeader, ...table.columns.map((c) => c.header)];
  const rows: string[][] = [];
  result.rows.forEach((row, i) => {
    if (labels && !labels.has(row.label)) return;
    rows.push(
      periods
        ? [
            row.label,
            figure(i, last - 1),
            figure(i, last),
            row.change === null ? "–" : formatSignedCount(Math.round(row.change * 10) / 10),
            row.pctChange === null ? (row.status === "new" ? "new" : "–") : formatPercent(row.pctChange),
          ]
        : [row.label, ...table.columns.map((_, j) => figure(i, j))],
    );
  });
  const note = [banner(result), labels ? `Rows of ${tableTitle(result)} (${countOf(rows.length, "row")}).` : null]
    .filter(Boolean)
    .join(" ");
  return {
    caption: `${caption ?? tableTitle(result)} (${table.sheet})`,
    header: header.map((h) => h || " "),
    rows,
    note: note || null,
  };
}

/** Age bands of the demographics appendix, as analysts group residents. */
const AGE_BANDS: readonly [string, number, number][] = [
  ["0–9", 0, 9],
  ["10–17", 10, 17],
  ["18–24", 18, 24],
  ["25–44", 25, 44],
  ["45–64", 45, 64],
  ["65 and over", 65, 200],
];

/** True for a table of residents by single year of age (ONS's ward estimates): its columns are ages. */
export function isPopulationByAge(result: TableResult): boolean {
  const ages = result.table.columns.filter((c) => /^\d{1,3}\+?$/.test(c.header.trim()));
  return result.table.kind === "categories" && ages.length >= 20;
}

/** Residents by ward in age bands, with each ward's total: the single years summed (90 means 90 and over). */
export function demographicsTable(result: TableResult): ReportTable {
  const ages = result.table.columns.map((c) =>
    /^\d{1,3}\+?$/.test(c.header.trim()) ? Number.parseInt(c.header, 10) : null,
  );
  const rows = result.rows.map((row) => {
    const band = (low: number, high: number): number =>
      row.values.reduce<number>((sum, v, j) => {
        const age = ages[j];
        return age !== null && age >= low && age <= high ? sum + (v ?? 0) : sum;
      }, 0);
    const bands = AGE_BANDS.map(([, low, high]) => band(low, high));
    return [row.label, ...bands.map((b) => formatCount(b)), formatCount(bands.reduce((a, b) => a + b, 0))];
  });
  return {
    caption: `Residents by age band: ${tableTitle(result)} (${result.table.sheet})`,
    header: [result.table.labelHeader || "Ward", ...AGE_BANDS.map(([label]) => label), "All ages"],
    rows,
    note: `Summed from ${countOf(ages.filter((a) => a !== null).length, "single year of age", "single years of age")}.`,
  };
}
