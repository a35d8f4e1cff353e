// The model's own files, not its index: see "Hot paths" in docs/ARCHITECTURE.md.
import { type CellValue, cellText, isEmptyCell } from "../../model/cellValue";
import { sheetCellRef, sheetRangeRef } from "../../model/cellRef";
import type { SheetGrid } from "../../model/grid";
import { type Finding, finding } from "../findings";
import { type ParsedCell, parseNumberCell } from "../parse/parseNumber";
import { looksLikeMonths, parsePeriod } from "../parse/parsePeriod";
import { findCodedTables } from "./codedTables";
import { withoutFootnotes } from "./footnotes";
import { type Block, findBlocks } from "./findBlocks";
import { joinDetachedHeaders } from "./detachedHeaders";
import { acrossSpacers, detachedTitles } from "./blockLayout";
import {
  type BlockCell,
  type Matrix,
  type RowLayout,
  SheetRow,
  addressAt,
  columnSlice,
  formatAt,
  isGroupOver,
  isHeaderLike,
  isTitleRow,
  nonEmpty,
  range,
  rowCells,
  transpose,
  valueAt,
} from "./blockMatrix";
import { sideBySideSplits } from "./sideBySide";
import { noteMissing } from "./missingCells";
import { type HeaderRowTexts, isGroupRow, isUnitsRow, spannedTexts } from "./headerRows";
import { type ColumnRoles, type HeaderExtras, columnRoles } from "./columnRoles";
import { isAggregateLabel } from "./labels";
import { MarkerTally, isPublishedMarker } from "./publishedMarkers";
import { isNumberStoredAsText, textNumbersFinding } from "./textNumbers";
import type { DiscoveredTable, TableRow } from "./table";

/**
 * Finds every table on a sheet with no template: several tables per sheet (stacked or side
 * by side), a title line above each, periods in any written form and any order, years down
 * the rows (turned round), typed derived columns, comment columns and aggregate rows.
 *
 * @example
 * discoverTables({ name: "Crime", top: 0, left: 0, values: [["Crime type", "2018/19", "2019/20"], ["Drug offences", 318, 394], ["Robbery", 60, 75], ["Total", 378, 469]] })[0].columns.map((c) => c.header) //= ["2018/19", "2019/20"]
 */
export function discoverTables(grid: SheetGrid): DiscoveredTable[] {
  // Published tables of areas (GSS codes beside names) are read first, as published; the
  // blocks they cover, spacer columns, header rows and notes below included, are theirs.
  const coded = findCodedTables(grid);
  const placed: { top: number; table: DiscoveredTable }[] = coded.tables.map(({ table, region }) => ({
    top: region.top,
    table,
  }));
  // Notes further down are blocks of text only, which make no table.
  const covered = (b: Block): boolean =>
    coded.tables.some(
      ({ region: r }) => b.top <= r.bottom && b.bottom >= r.top && b.left <= r.right && b.right >= r.left,
    );
  const blocks = joinDetachedHeaders(
    grid,
    acrossSpacers(
      grid,
      findBlocks(grid).filter((b) => !covered(b)),
    ),
  );
  const titles = detachedTitles(grid, blocks);
  for (const block of blocks) {
    if (titles.consumed.has(block)) continue;
    const matrix: Matrix = {
      grid,
      lines: range(block.top, block.bottom),
      across: range(block.left, block.right),
      turned: false,
    };
    const found: DiscoveredTable[] = [];
    readBlock(grid.name, matrix, titles.byBlock.get(block) ?? null, found);
    for (const table of found) placed.push({ top: block.top, table });
  }
  // Stable: tables of one block keep their order.
  return placed.sort((a, b) => a.top - b.top).map((p) => p.table);
}

function readBlock(
  sheet: string,
  m: Matrix,
  outerTitle: string | null,
  tables: DiscoveredTable[],
  knownTitleRows?: number,
): void {
  let k = knownTitleRows ?? 0;
  if (knownTitleRows === undefined) {
    while (
      m.lines.length - k >= 3 &&
      k < 3 &&
      isHeaderLike(rowCells(m, k + 1)) &&
      (isTitleRow(rowCells(m, k)) || isGroupOver(rowCells(m, k), rowCells(m, k + 1)))
    )
      k += 1;
  }
  if (m.lines.length - k < 2) return;

  const splits = sideBySideSplits(m, k);
  if (splits.length > 0) {
    const edges = [0, ...splits, m.across.length];
    for (let s = 0; s + 1 < edges.length; s += 1) {
      readBlock(sheet, columnSlice(m, edges[s], edges[s + 1]), s === 0 ? outerTitle : null, tables, k);
    }
    return;
  }

  // Rows above the header are group rows or titles, as every table's header rows are read.
  const above = range(0, k - 1).map((i) => rowCells(m, i));
  const titleParts = above
    .filter((row) => !isGroupRow(headerTexts(row)))
    .map((row) =>
      withoutFootnotes(
        nonEmpty(row)
          .map((c) => cellText(c.value))
          .join(" "),
      ),
    )
    .filter((t) => t !== "");
  const groupRows = above.map(headerTexts).filter(isGroupRow);
  const nearTitle = titleParts.join(" – ") || null;
  const title = [outerTitle, nearTitle].filter((t): t is string => !!t).join(" – ") || null;
  let body: Matrix = { ...m, lines: m.lines.slice(k) };
  let transposed = false;
  const headerPeriods = rowCells(body, 0)
    .slice(1)
    .filter((c) => parsePeriod(c.value)).length;
  // Only a table without periods across may have them down the rows.
  if (
    headerPeriods < 2 &&
    range(1, body.lines.length - 1).filter((i) => parsePeriod(valueAt(body, i, 0))).length >= 2
  ) {
    body = transpose(body);
    transposed = true;
  }
  // By matrix column: the label column's first, empty.
  const across = (rows: HeaderRowTexts[]): string[] => ["", ...spannedTexts(rows, withoutFootnotes)];
  const groups = transposed || groupRows.length === 0 ? null : across(groupRows);
  let units: string[] | null = null;
  const underHeader = body.lines.length > 2 ? headerTexts(rowCells(body, 1)) : null;
  if (!transposed && underHeader && isUnitsRow(underHeader)) {
    units = across([underHeader]);
    body = { ...body, lines: [body.lines[0], ...body.lines.slice(2)] };
  }
  const perGroup = groups ? tablesPerGroup(sheet, body, groups, units, title, nearTitle, transposed) : null;
  if (perGroup) {
    tables.push(...perGroup);
    return;
  }
  const table = buildTable(sheet, body, title, nearTitle, transposed, { groups, units });
  if (table) tables.push(table);
}

/**
 * Periods under two or more groups ("Alcohol related": 2018/19, 2019/20; "Drug related": the
 * same years) are a comparison per group: one table each, as the publication's groups are.
 * Null when the groups are not that.
 */
function tablesPerGroup(
  sheet: string,
  body: Matrix,
  groups: readonly string[],
  units: readonly string[] | null,
  title: string | null,
  nearTitle: string | null,
  transposed: boolean,
): DiscoveredTable[] | null {
  const tables: DiscoveredTable[] = [];
  const header = rowCells(body, 0);
  const periodColumns = range(1, header.length - 1).filter(
    (j) => parsePeriod(withoutFootnotes(cellText(header[j].value))) !== null,
  );
  const named = [...new Set(periodColumns.map((j) => groups[j]).filter(Boolean))];
  if (named.length >= 2 && named.every((g) => periodColumns.filter((j) => groups[j] === g).length >= 2)) {
    for (const group of named) {
      const own = range(1, header.length - 1).filter((j) => groups[j] === group);
      const pick = <T>(list: readonly T[]): T[] => [list[0], ...own.map((j) => list[j])];
      const slice: Matrix = { ...body, across: pick(body.across) };
      const table = buildTable(sheet, slice, [title, group].filter(Boolean).join(" – "), nearTitle, transposed, {
        groups: null,
        units: units && pick(units),
      });
      if (table) tables.push(table);
    }
    return tables;
  }
  return null;
}

/** A matrix row as header text: its label cell's and each value column's. */
const headerTexts = (row: BlockCell[]): HeaderRowTexts => ({
  label: cellText(row[0].value),
  values: row.slice(1).map((c) => cellText(c.value)),
});

/**
 * The table's body rows: labels, values (each parsed, a missing one said as a finding) and
 * derived figures; notes under the table are passed over and an unlabelled row is a finding.
 */
function readRows(
  sheet: string,
  m: Matrix,
  columns: readonly ColumnRoles["columns"][number][],
  derived: ColumnRoles["derived"],
  findings: Finding[],
): { rows: TableRow[]; numbersSeen: number; markers: MarkerTally; textNumbers: number } {
  const bodyRows = range(1, m.lines.length - 1);
  const rows: TableRow[] = [];
  const layout: RowLayout = {
    matrix: { lines: m.lines, across: m.across, turned: m.turned },
    valueColumns: columns.map((c) => c.index),
    derivedColumns: derived.map((d) => d.index),
  };
  let numbersSeen = 0;
  let textNumbers = 0;
  const markers = new MarkerTally();
  // Plain loops: this runs once for every row of every table.
  const cellValues: CellValue[] = new Array(columns.length);
  for (const i of bodyRows) {
    const written = cellText(valueAt(m, i, 0));
    let label = withoutFootnotes(written);
    let filledValues = 0;
    for (let k = 0; k < columns.length; k += 1) {
      cellValues[k] = valueAt(m, i, columns[k].index);
      if (!isEmptyCell(cellValues[k])) filledValues += 1;
    }
    if (label === "" && filledValues === 0) continue;
    // Notes under a table: "Source: …", "Notes", "1. Figures under 5 are suppressed", "[note 3] …".
    if (
      filledValues === 0 &&
      (label.length > 60 || /^(source|sources|note|notes|\*|n\.?b\.?)\b|^(\d{1,2}[.):]|\[note\b)/i.test(written))
    )
      continue;
    if (label === "") {
      const labelCell = addressAt(m, i, 0);
      label = `Row ${labelCell.row + 1}`;
      findings.push(
        finding(
          sheet,
          sheetCellRef(sheet, labelCell.row, labelCell.column),
          "warning",
          "unlabelled-row",
          "row has values but no label",
        ),
      );
    }
    const values: ParsedCell[] = new Array(columns.length);
    for (let k = 0; k < columns.length; k += 1) {
      const v = (values[k] = parseNumberCell(cellValues[k], formatAt(m, i, columns[k].index)));
      if (v.kind === "number") {
        numbersSeen += 1;
        if (isNumberStoredAsText(cellValues[k], v)) textNumbers += 1;
      } else if (isPublishedMarker(v)) markers.add(v.text);
      else noteMissing(sheet, addressAt(m, i, columns[k].index), v, label, columns[k].header, findings);
    }
    const statedDerived: ParsedCell[] = new Array(derived.length);
    for (let k = 0; k < derived.length; k += 1)
      statedDerived[k] = parseNumberCell(valueAt(m, i, derived[k].index), formatAt(m, i, derived[k].index));
    rows.push(new SheetRow(label, isAggregateLabel(label), values, statedDerived, i, layout));
  }
  return { rows, numbersSeen, markers, textNumbers };
}

function buildTable(
  sheet: string,
  m: Matrix,
  title: string | null,
  nearTitle: string | null,
  transposed: boolean,
  extras: HeaderExtras,
): DiscoveredTable | null {
  const findings: Finding[] = [];
  const header = rowCells(m, 0);
  const roles = columnRoles(sheet, m, header, nearTitle, extras, findings);
  if (!roles) return null;
  const { columns, derived, isPeriodTable } = roles;

  const { rows, numbersSeen, markers, textNumbers } = readRows(sheet, m, columns, derived, findings);
  if (numbersSeen === 0) return null;

  const months = looksLikeMonths(rows.filter((r) => !r.aggregate).map((r) => r.label));
  const kind = isPeriodTable ? (months ? "months" : "periods") : "categories";
  // The indexes ascend, so the first and last cells are the corners, turned round or not.
  const topLeft = addressAt(m, 0, 0);
  const bottomRight = addressAt(m, m.lines.length - 1, m.across.length - 1);
  if (markers.size > 0 || textNumbers > 0) {
    const first = addressAt(m, 1, Math.min(...columns.map((c) => c.index)));
    const last = addressAt(m, m.lines.length - 1, Math.max(...columns.map((c) => c.index)));
    const said = [
      markers.finding(sheet, first.row, first.column, last.row, last.column),
      textNumbersFinding(sheet, textNumbers, {
        top: first.row,
        left: first.column,
        bottom: last.row,
        right: last.column,
      }),
    ];
    for (const f of said) if (f) findings.push(f);
  }
  const unit = columns.find((c) => c.unit)?.unit ?? null;
  const strip = <T extends { index: number }>(c: T): Omit<T, "index"> => {
    const { index: _index, ...rest } = c;
    return rest;
  };
  return {
    sheet,
    range: sheetRangeRef(sheet, topLeft.row, topLeft.column, bottomRight.row, bottomRight.column),
    title,
    labelHeader: cellText(header[0].value),
    kind,
    transposed,
    columns: columns.map(strip),
    derived: derived.map(strip),
    rows,
    findings,
    ...(unit ? { unit } : {}),
  };
}
