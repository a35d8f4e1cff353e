import { type SheetGrid, cellText, sheetCellRef } from "../../model";
import { type Finding, finding } from "../findings";
import { countOf, formatCount } from "../format/formatNumbers";
import type { YearMonth } from "../options";
import { parseNumberCell } from "../parse/parseNumber";
import type { Period } from "../parse/parsePeriod";
import { SHORT_MONTHS } from "../calendar/namedDates";
import { type AggregatedRow, aggregatedTable } from "./aggregatedTable";
import { withComputedTotal } from "./computedTotal";
import { isAggregateLabel } from "./labels";
import { type MonthColumnLayout, layoutRange, monthName } from "./monthColumns";
import type { DiscoveredTable, SourceCell } from "./table";

/** What a month-column table is read for: the partnership's own area, and the last month compared. */
export interface MonthColumnChoices {
  readonly homeArea: string | null;
  readonly end: YearMonth | null;
}

/** The tables a month-column sheet gives, and how it was read. */
export interface MonthColumnRead {
  readonly tables: DiscoveredTable[];
  readonly findings: Finding[];
}

/** One data row: its label cells' text by label column, and its count in each month column. */
interface MonthRow {
  readonly row: number;
  readonly labels: readonly string[];
  readonly counts: readonly number[];
}

/** Two twelve-month windows, the earlier first, as first and last month numbers. */
type Windows = readonly [readonly [number, number], readonly [number, number]];

// Words that say the rows count crime (the Metropolitan Police's major classes, police.uk's types).
const CRIME_WORDS = /crime|offen[cs]e|burglary|theft|robbery|violen|drug|criminal damage|arson|shoplifting|weapon/i;

const windowLabel = ([first, last]: readonly [number, number]): string =>
  `${SHORT_MONTHS[first % 12]} ${String(Math.floor(first / 12)).slice(2)} – ${SHORT_MONTHS[last % 12]} ${String(Math.floor(last / 12)).slice(2)}`;
const windowName = ([first, last]: readonly [number, number]): string => `${monthName(first)} – ${monthName(last)}`;
const sum = (values: readonly number[], from: number, to: number): number => {
  let total = 0;
  for (let i = from; i <= to; i += 1) total += values[i];
  return total;
};

/** The rows under the header, with the months' counts in month order; cells that are not numbers count as none. */
function readRows(grid: SheetGrid, layout: MonthColumnLayout, first: number, span: number) {
  const rows: MonthRow[] = [];
  const skipped: { cell: string; text: string }[] = [];
  const notNumbers: string[] = [];
  for (let r = layout.headerRow + 1 - grid.top; r < grid.values.length; r += 1) {
    const cells = grid.values[r];
    const labels = layout.labels.map((l) => cellText(cells[l.column - grid.left] ?? null).trim());
    const counts = new Array<number>(span).fill(0);
    let any = false;
    for (const { column, month } of layout.months) {
      const parsed = parseNumberCell(cells[column - grid.left] ?? null, null);
      if (parsed.kind === "number") {
        counts[month - first] += parsed.value;
        any = true;
      } else if (parsed.kind === "missing" && parsed.reason !== "empty")
        notNumbers.push(sheetCellRef(grid.name, grid.top + r, column));
    }
    if (!any && labels.every((l) => l === "")) continue;
    const total = layout.labels.findIndex((l, i) => l.role !== "area" && isAggregateLabel(labels[i]));
    if (total >= 0) {
      skipped.push({ cell: sheetCellRef(grid.name, grid.top + r, layout.labels[total].column), text: labels[total] });
      continue;
    }
    rows.push({ row: grid.top + r, labels, counts });
  }
  return { rows, skipped, notNumbers };
}

/** The rows of the partnership's area when the sheet holds several, and what was said of the choice. */
function rowsOfArea(
  grid: SheetGrid,
  layout: MonthColumnLayout,
  rows: MonthRow[],
  homeArea: string | null,
  findings: Finding[],
): MonthRow[] {
  const area = layout.labels.findIndex((l) => l.role === "area");
  if (area < 0) return rows;
  const areas = [...new Set(rows.map((r) => r.labels[area]).filter((a) => a !== ""))];
  if (areas.length < 2) return rows;
  const header = layout.labels[area].header;
  const list = `${areas.slice(0, 6).join(", ")}${areas.length > 6 ? ", …" : ""}`;
  if (!homeArea) {
    findings.push(
      finding(
        grid.name,
        "",
        "warning",
        "many-areas",
        `the sheet holds ${areas.length} areas in its ${header} column (${list}); every area's rows are added together until the partnership's own area is named`,
      ),
    );
    return rows;
  }
  const wanted = homeArea.trim().toLowerCase();
  const own = rows.filter((r) => r.labels[area].toLowerCase() === wanted);
  if (own.length === 0) {
    findings.push(
      finding(
        grid.name,
        "",
        "warning",
        "area-not-found",
        `no row of the ${header} column is ${homeArea} (it holds ${list}); every area's rows are added together`,
      ),
    );
    return rows;
  }
  return own;
}

/**
 * The windows compared: the twelve months ending at `end` (else the latest month of the
 * columns) against the twelve before; the earlier is null when the columns do not reach it.
 */
function windowsOf(months: readonly number[], end: YearMonth | null): Windows | null {
  const present = new Set(months);
  const last = end ? end.year * 12 + end.month - 1 : Math.max(...months);
  const covered = (from: number, to: number): boolean => {
    for (let m = from; m <= to; m += 1) if (!present.has(m)) return false;
    return true;
  };
  if (!covered(last - 11, last)) return null;
  return covered(last - 23, last - 12)
    ? [
        [last - 23, last - 12],
        [last - 11, last],
      ]
    : null;
}

/** The thing the rows count, for titles and the total: crime, when the labels say so. */
function subjectOf(grid: SheetGrid, layout: MonthColumnLayout, rows: readonly MonthRow[]): string {
  const words = [grid.name, ...layout.labels.map((l) => l.header)];
  const categories = layout.labels.flatMap((l, i) => (l.role === "category" ? [i] : []));
  for (const row of rows.slice(0, 200)) for (const i of categories) words.push(row.labels[i]);
  return words.some((w) => CRIME_WORDS.test(w)) ? "Crime" : /^sheet\d*$/i.test(grid.name) ? "Records" : grid.name;
}

/** What each label column is called in titles and the reading's sentence: type, subtype, ward, area. */
function roleNames(layout: MonthColumnLayout): string[] {
  let categories = 0;
  return layout.labels.map((l) => {
    if (l.role !== "category") return l.role;
    categories += 1;
    return categories === 1 ? "type" : categories === 2 ? "subtype" : l.header;
  });
}

/** A row of totals, with the label of the row it stands under (a subtype's type). */
type TotalRow = AggregatedRow & { readonly parent: string };

/** Adds up rows by a key, keeping each key's label, code, parent label and first cell. */
function totalsBy(
  rows: readonly MonthRow[],
  by: {
    readonly key: (row: MonthRow) => string;
    readonly label: (row: MonthRow) => string;
    readonly values: (row: MonthRow) => number[];
    readonly labelCell: (row: MonthRow) => SourceCell;
    readonly code?: (row: MonthRow) => string;
    readonly parent?: (row: MonthRow) => string;
  },
): TotalRow[] {
  const byKey = new Map<string, { -readonly [K in keyof TotalRow]: TotalRow[K] } & { values: number[] }>();
  for (const row of rows) {
    const k = by.key(row);
    const counts = by.values(row);
    const found = byKey.get(k);
    if (found) counts.forEach((v, i) => (found.values[i] += v));
    else
      byKey.set(k, {
        label: by.label(row),
        values: counts,
        code: by.code?.(row) || undefined,
        labelCell: by.labelCell(row),
        parent: by.parent?.(row) ?? "",
      });
  }
  const totals = [...byKey.values()].filter((r) => r.label !== "");
  // A label that stands under two parents (a subtype named alike under two types) is told apart by its parent.
  const uses = new Map<string, number>();
  for (const r of totals) uses.set(r.label, (uses.get(r.label) ?? 0) + 1);
  return totals.map((r) =>
    (uses.get(r.label) ?? 0) > 1 && r.parent ? { ...r, label: `${r.label} (${r.parent})` } : r,
  );
}

/** "type, subtype and ward". */
function joinWords(words: readonly string[]): string {
  return words.length < 2 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** The months of the two windows side by side (Feb against Feb), for the month series. */
function monthSeriesTable(
  sheet: string,
  subject: string,
  rows: readonly MonthRow[],
  windows: Windows,
  first: number,
  periods: readonly Period[],
  place: { range: string; origin: SourceCell },
): DiscoveredTable {
  const [earlier, later] = windows;
  const series: AggregatedRow[] = [];
  for (let k = 0; k < 12; k += 1) {
    const values = [earlier[0] + k, later[0] + k].map((month) => {
      let total = 0;
      for (const row of rows) total += row.counts[month - first];
      return total;
    });
    series.push({ label: SHORT_MONTHS[(later[0] + k) % 12], values });
  }
  return aggregatedTable(sheet, `${subject} by month`, "Month", periods, series, place, "months");
}

/**
 * Reads a month-column sheet as the tables an assessment compares: for each label column
 * (type, subtype, ward, area) the latest twelve months against the twelve before, with the
 * whole's total first in the type table; the months side by side for the month series; a
 * table of areas when the sheet holds several; and one finding that says how it was read.
 */
export function monthColumnTables(
  grid: SheetGrid,
  layout: MonthColumnLayout,
  choices: MonthColumnChoices,
): MonthColumnRead {
  const findings: Finding[] = [];
  const months = layout.months.map((m) => m.month);
  const first = Math.min(...months);
  const span = Math.max(...months) - first + 1;
  const read = readRows(grid, layout, first, span);
  const windows = windowsOf(months, choices.end);
  const range = layoutRange(grid, layout);
  if (read.notNumbers.length > 0)
    findings.push(
      finding(
        grid.name,
        read.notNumbers[0],
        "info",
        "month-not-a-number",
        `${countOf(read.notNumbers.length, "cell")} of the month columns hold text, not a count, and count as none`,
      ),
    );
  for (const s of read.skipped)
    findings.push(
      finding(grid.name, s.cell, "info", "total-row", `"${s.text}" is a total row; its months are not added again`),
    );
  const rows = rowsOfArea(grid, layout, read.rows, choices.homeArea, findings);
  const names = roleNames(layout);
  const subject = subjectOf(grid, layout, rows);
  if (!windows) {
    findings.push(
      finding(
        grid.name,
        "",
        "warning",
        "months-short",
        `its ${layout.months.length} monthly columns (${monthName(first)} – ${monthName(first + span - 1)}) do not hold the 24 months up to ${choices.end ? monthName(choices.end.year * 12 + choices.end.month - 1) : "the latest"} that two twelve-month periods need; nothing was compared`,
      ),
    );
    return { tables: [], findings };
  }
  const periods: Period[] = windows.map((w) => ({ label: windowLabel(w), kind: "span", order: w[1], months: 12 }));
  const pair = (row: MonthRow): number[] => windows.map(([a, b]) => sum(row.counts, a - first, b - first));
  const origin = (column: number): SourceCell => ({ row: layout.headerRow, column });
  const tables: DiscoveredTable[] = [];
  const categories = layout.labels.flatMap((l, i) => (l.role === "category" ? [i] : []));
  const wardCode = layout.labels.findIndex((l) => l.role === "ward code");
  const wardName = layout.labels.findIndex((l) => l.role === "ward");
  const area = layout.labels.findIndex((l) => l.role === "area");
  const place = (i: number) => ({ range, origin: origin(layout.labels[i].column) });
  const cellOf = (i: number) => (row: MonthRow) => ({ row: row.row, column: layout.labels[i].column });

  categories.forEach((i, depth) => {
    const parents = categories.slice(0, depth + 1);
    const byType = totalsBy(rows, {
      key: (row) => parents.map((p) => row.labels[p]).join("\u0000"),
      label: (row) => row.labels[i],
      values: pair,
      labelCell: cellOf(i),
      parent: depth > 0 ? (row) => row.labels[categories[depth - 1]] : undefined,
    });
    const title = `${subject} by ${names[i]} (${layout.labels[i].header})`;
    const table = aggregatedTable(grid.name, title, layout.labels[i].header, periods, byType, place(i));
    // The whole leads the type table only: every other table adds up to the same total.
    tables.push((depth === 0 ? withComputedTotal(table) : null) ?? table);
  });
  const ward = wardName >= 0 ? wardName : wardCode;
  if (ward >= 0) {
    const byWard = totalsBy(rows, {
      key: (row) => row.labels[wardCode >= 0 ? wardCode : ward],
      label: (row) => row.labels[ward],
      values: pair,
      labelCell: cellOf(ward),
      code: wardCode >= 0 ? (row) => row.labels[wardCode] : undefined,
    });
    tables.push(
      aggregatedTable(grid.name, `${subject} by ward`, layout.labels[ward].header, periods, byWard, place(ward)),
    );
  }
  if (area >= 0 && new Set(read.rows.map((r) => r.labels[area])).size > 1) {
    const byArea = totalsBy(read.rows, {
      key: (row) => row.labels[area],
      label: (row) => row.labels[area],
      values: pair,
      labelCell: cellOf(area),
    });
    tables.push(
      aggregatedTable(grid.name, `${subject} by area`, layout.labels[area].header, periods, byArea, place(area)),
    );
  }
  tables.push(
    monthSeriesTable(grid.name, subject, rows, windows, first, periods, {
      range,
      origin: origin(layout.months[0].column),
    }),
  );
  // A ward's name and code are one dimension; the area, once its rows are picked, is none.
  const filtered = rows !== read.rows;
  const described = [
    ...new Set(
      names
        .map((n, i) => (layout.labels[i].role === "ward code" ? "ward" : n))
        .filter((n) => n !== "area" || !filtered),
    ),
  ];
  findings.push(
    finding(
      grid.name,
      "",
      "info",
      "month-columns",
      `${layout.months.length} monthly columns, ${monthName(first)} – ${monthName(first + span - 1)}; compared ${windowName(windows[1])} with ${windowName(windows[0])}; ${formatCount(rows.length)} rows by ${joinWords(described)}`,
    ),
  );
  return { tables, findings };
}
