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
import { type LabelRole, type MonthColumnLayout, layoutRange, monthName } from "./monthColumns";
import type { DiscoveredTable, SourceCell } from "./table";
import { areaKey } from "../areaName";

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
  const wanted = areaKey(homeArea);
  const own = rows.filter((r) => areaKey(r.labels[area]) === wanted);
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

/** What the tables of one month-column sheet are built from. */
interface Reading {
  readonly grid: SheetGrid;
  readonly layout: MonthColumnLayout;
  readonly rows: readonly MonthRow[];
  /** Every area's rows, before the partnership's were picked. */
  readonly allRows: readonly MonthRow[];
  readonly windows: Windows;
  readonly first: number;
  readonly subject: string;
  readonly names: readonly string[];
}

/** The findings of reading the rows: month cells that are not counts, and total rows passed over. */
function rowFindings(grid: SheetGrid, read: ReturnType<typeof readRows>): Finding[] {
  const findings: Finding[] = [];
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
  return findings;
}

/**
 * The tables of a reading: one per category column (type, then subtype under it), the whole
 * leading the type table; one of wards (by code where the sheet gives codes); one of areas
 * when the sheet holds several; and the months side by side.
 */
function readingTables(r: Reading): DiscoveredTable[] {
  const { grid, layout, rows, windows, first } = r;
  const range = layoutRange(grid, layout);
  const periods: Period[] = windows.map((w) => ({ label: windowLabel(w), kind: "span", order: w[1], months: 12 }));
  const pair = (row: MonthRow): number[] => windows.map(([a, b]) => sum(row.counts, a - first, b - first));
  const place = (i: number) => ({ range, origin: { row: layout.headerRow, column: layout.labels[i].column } });
  const cellOf = (i: number) => (row: MonthRow) => ({ row: row.row, column: layout.labels[i].column });
  const table = (i: number, title: string, totals: AggregatedRow[]): DiscoveredTable =>
    aggregatedTable(grid.name, title, layout.labels[i].header, periods, totals, place(i));
  const role = (name: LabelRole): number => layout.labels.findIndex((l) => l.role === name);
  const tables: DiscoveredTable[] = [];
  const categories = layout.labels.flatMap((l, i) => (l.role === "category" ? [i] : []));
  categories.forEach((i, depth) => {
    const parents = categories.slice(0, depth + 1);
    const byType = totalsBy(rows, {
      key: (row) => parents.map((p) => row.labels[p]).join("\u0000"),
      label: (row) => row.labels[i],
      values: pair,
      labelCell: cellOf(i),
      parent: depth > 0 ? (row) => row.labels[categories[depth - 1]] : undefined,
    });
    const typed = table(i, `${r.subject} by ${r.names[i]} (${layout.labels[i].header})`, byType);
    // The whole leads the type table only: every other table adds up to the same total.
    tables.push((depth === 0 ? withComputedTotal(typed) : null) ?? typed);
  });
  const [wardCode, wardName, area] = [role("ward code"), role("ward"), role("area")];
  const ward = wardName >= 0 ? wardName : wardCode;
  if (ward >= 0)
    tables.push(
      table(
        ward,
        `${r.subject} by ward`,
        totalsBy(rows, {
          key: (row) => row.labels[wardCode >= 0 ? wardCode : ward],
          label: (row) => row.labels[ward],
          values: pair,
          labelCell: cellOf(ward),
          code: wardCode >= 0 ? (row) => row.labels[wardCode] : undefined,
        }),
      ),
    );
  if (area >= 0 && new Set(r.allRows.map((row) => row.labels[area])).size > 1) {
    const by = (row: MonthRow): string => row.labels[area];
    tables.push(
      table(
        area,
        `${r.subject} by area`,
        totalsBy(r.allRows, { key: by, label: by, values: pair, labelCell: cellOf(area) }),
      ),
    );
  }
  const monthsPlace = { range, origin: { row: layout.headerRow, column: layout.months[0].column } };
  tables.push(monthSeriesTable(grid.name, r.subject, rows, windows, first, periods, monthsPlace));
  return tables;
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
  const months = layout.months.map((m) => m.month);
  const first = Math.min(...months);
  const last = Math.max(...months);
  const read = readRows(grid, layout, first, last - first + 1);
  const findings = rowFindings(grid, read);
  const rows = rowsOfArea(grid, layout, read.rows, choices.homeArea, findings);
  const windows = windowsOf(months, choices.end);
  const span = `${layout.months.length} monthly columns, ${monthName(first)} – ${monthName(last)}`;
  if (!windows) {
    const end = choices.end ? monthName(choices.end.year * 12 + choices.end.month - 1) : "the latest";
    findings.push(
      finding(
        grid.name,
        "",
        "warning",
        "months-short",
        `its ${span} do not hold the 24 months up to ${end} that two twelve-month periods need; nothing was compared`,
      ),
    );
    return { tables: [], findings };
  }
  const names = roleNames(layout);
  const subject = subjectOf(grid, layout, rows);
  const tables = readingTables({ grid, layout, rows, allRows: read.rows, windows, first, subject, names });
  // A ward's name and code are one dimension; the area, once its rows are picked, is none.
  const described = new Set(
    names
      .map((n, i) => (layout.labels[i].role === "ward code" ? "ward" : n))
      .filter((n) => n !== "area" || rows === read.rows),
  );
  findings.push(
    finding(
      grid.name,
      "",
      "info",
      "month-columns",
      `${span}; compared ${windowName(windows[1])} with ${windowName(windows[0])}; ${formatCount(rows.length)} rows by ${joinWords([...described])}`,
    ),
  );
  return { tables, findings };
}
