// The model's own files, not its index: see "Hot paths" in docs/ARCHITECTURE.md.
import { type CellValue, cellText, isEmptyCell } from "../../model/cellValue";
import { sheetRangeRef } from "../../model/cellRef";
import { type SheetGrid, gridCell, gridFormat, gridWidth } from "../../model/grid";
import type { Finding } from "../findings";
import { type ParsedCell, parseNumberCell } from "../parse/parseNumber";
import { type Period, parsePeriod } from "../parse/parsePeriod";
import type { Block } from "./findBlocks";
import { areaCode, stripFootnotes } from "./footnotes";
import { MarkerTally } from "./publishedMarkers";
import { isNumberStoredAsText, textNumbersFinding } from "./textNumbers";
import {
  type HeaderRowTexts,
  isGroupRow,
  isUnitsRow,
  joinedHeader,
  namedColumn,
  repeatedNames,
  spannedTexts,
} from "./headerRows";
import { isAggregateLabel, isNonCountHeader } from "./labels";
import type { DiscoveredTable, SourceCell, TableRow, ValueColumn } from "./table";

// Countries, England and Wales, the UK and GB, and English regions: always subtotals of areas.
const AGGREGATE_CODE = /^(K0[234]|E92|W92|S92|N92|E12)/;
const AGGREGATE_NAME = /^(england and wales|england|wales|scotland|northern ireland|united kingdom|great britain)\b/i;
const MIN_ROWS = 5;
const HEADER_ROWS = 6;

const text = (v: CellValue): string => cellText(v);
const isCode = (v: CellValue): boolean => typeof v === "string" && areaCode(v) !== null;

/** The coded tables of a sheet, each with the region it covers (the general reader leaves those alone). */
export interface CodedTables {
  readonly tables: { readonly table: DiscoveredTable; readonly region: Block }[];
}

/**
 * Tables of areas as ONS, the Home Office and public-health publications lay them out: a
 * column of GSS codes beside a column of names, under a header of up to three rows (a group
 * row above the column names, some columns named only there; a units row below them), with
 * empty spacer columns inside, footnote markers glued to names, text markers in number cells
 * and notes below. Each row is labelled by its name and keeps its code; country, region and
 * England-and-Wales rows are aggregates. Found from the codes, so any table of wards,
 * districts, CSPs or forces is read the same way.
 */
export function findCodedTables(grid: SheetGrid): CodedTables {
  const tables: { table: DiscoveredTable; region: Block }[] = [];
  const width = gridWidth(grid);
  const bottom = grid.top + grid.values.length - 1;
  let r = grid.top;
  while (r <= bottom) {
    const codeColumn = codeColumnOf(grid, r, width);
    if (codeColumn === null) {
      r += 1;
      continue;
    }
    const read = readCodedTable(grid, r, codeColumn, width);
    if (read) {
      for (const table of read.tables) tables.push({ table, region: read.region });
      r = read.region.bottom + 1;
    } else r += 1;
  }
  return { tables };
}

/** The column of a row's GSS code among its first three cells, or null. */
function codeColumnOf(grid: SheetGrid, row: number, width: number): number | null {
  for (let c = grid.left; c < grid.left + Math.min(3, width); c += 1) {
    const v = gridCell(grid, row, c);
    if (isEmptyCell(v)) continue;
    return isCode(v) ? c : null;
  }
  return null;
}

function rowEmpty(grid: SheetGrid, row: number, from: number, to: number): boolean {
  for (let c = from; c <= to; c += 1) if (!isEmptyCell(gridCell(grid, row, c))) return false;
  return true;
}

/** A value column as read, with its sheet column and its name in the names row. */
type CodedColumn = ValueColumn & {
  readonly index: number;
  readonly name: string;
  readonly unit: string | null;
  readonly group: string | null;
};

/** The data rows from `first`: their last row, how many are coded, and whether a names column labels them; null when too few. */
function dataRows(
  grid: SheetGrid,
  first: number,
  codeColumn: number,
  right: number,
): { last: number; hasNames: boolean } | null {
  const nameColumn = codeColumn + 1;
  // Data rows: coded rows, and rows with a name but no code (published subtotals such as
  // "England (excluding Greater Manchester Police)"), up to an empty row or a note.
  let last = first;
  let coded = 0;
  for (let r = first; r < grid.top + grid.values.length; r += 1) {
    const code = gridCell(grid, r, codeColumn);
    const name = text(gridCell(grid, r, nameColumn));
    if (isCode(code)) coded += 1;
    else if (!(isEmptyCell(code) && name !== "" && name.length <= 80 && !rowEmpty(grid, r, nameColumn + 1, right)))
      break;
    last = r;
  }
  if (coded < MIN_ROWS) return null;
  const names = range(first, last).filter(
    (r) =>
      text(gridCell(grid, r, nameColumn)) !== "" &&
      parseNumberCell(gridCell(grid, r, nameColumn), null).kind === "missing",
  ).length;
  return { last, hasNames: names >= coded / 2 };
}

/** Where a coded table's header lies: its rows, the names row, and the title, group and units rows among them. */
interface CodedHeader {
  readonly headerTop: number;
  readonly namesRow: number | undefined;
  readonly titleRows: number[];
  readonly groupRows: HeaderRowTexts[];
  readonly unitRows: HeaderRowTexts[];
}

/**
 * The header: up to a few rows above the data, up to an empty row (title lines above that); one
 * empty row may stand between the header and the data (ONS leaves one under its units). The
 * names row names the code column ("Area Code"), else it is the fullest header row; the rows
 * above and below it are read as every table's header rows are.
 */
function codedHeader(
  grid: SheetGrid,
  first: number,
  codeColumn: number,
  valueStart: number,
  right: number,
): CodedHeader {
  const nameColumn = codeColumn + 1;
  const gap = first - 1 >= grid.top && rowEmpty(grid, first - 1, grid.left, right) ? 1 : 0;
  let headerTop = first - gap;
  while (
    headerTop - 1 >= grid.top &&
    first - (headerTop - 1) <= HEADER_ROWS &&
    !rowEmpty(grid, headerTop - 1, grid.left, right)
  )
    headerTop -= 1;
  const headerRows = range(headerTop, first - 1 - gap);
  const fullness = (r: number): number =>
    range(codeColumn, right).filter((c) => text(gridCell(grid, r, c)) !== "").length;
  const namesRow =
    headerRows.find((r) => text(gridCell(grid, r, codeColumn)) !== "" && text(gridCell(grid, r, nameColumn)) !== "") ??
    [...headerRows].sort((a, b) => fullness(b) - fullness(a) || b - a)[0];
  const texts = (r: number): HeaderRowTexts => ({
    label: rowText(grid, r, valueStart - 1),
    values: range(valueStart, right).map((c) => text(gridCell(grid, r, c))),
  });
  const titleRows: number[] = [];
  const groupRows: HeaderRowTexts[] = [];
  const unitRows: HeaderRowTexts[] = [];
  for (const r of headerRows) {
    if (namesRow === undefined || r === namesRow) continue;
    const row = texts(r);
    if (r > namesRow) {
      if (isUnitsRow(row)) unitRows.push(row);
    } else if (isGroupRow(row)) groupRows.push(row);
    else titleRows.push(r);
  }
  return { headerTop, namesRow, titleRows, groupRows, unitRows };
}

/**
 * The value columns: every column right of the labels that holds a number in the data, named
 * by its names-row cell, else its group (a merged or spanning group cell names every column
 * under it until the next). Spacer columns, empty throughout, are left out.
 */
function codedColumns(
  grid: SheetGrid,
  rows: { first: number; last: number },
  header: CodedHeader,
  span: { valueStart: number; right: number },
  clean: (raw: string) => string,
): CodedColumn[] {
  const { valueStart, right } = span;
  const { namesRow } = header;
  const groups = spannedTexts(header.groupRows, clean);
  const units = spannedTexts(header.unitRows, clean);
  const rawNames = range(valueStart, right).map((c) =>
    namesRow === undefined ? "" : clean(text(gridCell(grid, namesRow, c))),
  );
  const repeated = repeatedNames(rawNames);
  const columns: CodedColumn[] = [];
  for (let c = valueStart; c <= right; c += 1) {
    const k = c - valueStart;
    const numbers = range(rows.first, rows.last).filter(
      (r) => parseNumberCell(gridCell(grid, r, c), gridFormat(grid, r, c)).kind === "number",
    ).length;
    if (numbers === 0) continue;
    const group = groups[k] || null;
    const name = rawNames[k];
    const unit = units[k] || null;
    // Names repeated under each group ("% involving a knife") take the group before them.
    const named = namedColumn(name, group, unit, repeated);
    columns.push({
      name,
      header: named.header || `Column ${c + 1}`,
      headerCell: { row: namesRow ?? header.headerTop, column: c },
      period: null,
      nonCount: named.nonCount,
      index: c,
      unit,
      group,
    });
  }
  return columns;
}

/** A coded row before its values: where it is, its code and label, notes, and whether it is a subtotal. */
interface LabelledRow {
  readonly r: number;
  readonly code: string;
  readonly label: string;
  readonly notes: readonly string[];
  readonly aggregate: boolean;
}

/** The rows' values in these columns, with the markers and numbers stored as text found among them. */
function rowsOf(
  grid: SheetGrid,
  labelled: readonly LabelledRow[],
  labelColumn: number,
  cols: readonly CodedColumn[],
): { rows: TableRow[]; markers: MarkerTally; textNumbers: number } {
  const markers = new MarkerTally();
  let textNumbers = 0;
  const rows = labelled.map(({ r, code, label, notes, aggregate }) => ({
    label,
    labelCell: { row: r, column: labelColumn },
    aggregate,
    values: cols.map((c): ParsedCell => {
      const value = gridCell(grid, r, c.index);
      const parsed = parseNumberCell(value, gridFormat(grid, r, c.index));
      if (parsed.kind === "missing" && parsed.reason !== "empty") markers.add(parsed.text);
      else if (isNumberStoredAsText(value, parsed)) textNumbers += 1;
      return parsed;
    }),
    valueCells: cols.map((c): SourceCell => ({ row: r, column: c.index })),
    derived: [],
    derivedCells: [],
    ...(code ? { code } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  }));
  return { rows, markers, textNumbers };
}

const asPeriods = (cols: readonly CodedColumn[], label: (c: CodedColumn) => string): CodedColumn[] | null => {
  const periods = cols.map((c) => parsePeriod(label(c)));
  if (periods.some((p) => p === null)) return null;
  return cols
    .map((c, i) => ({ ...c, header: (periods[i] as Period).label, period: periods[i] }))
    .sort((a, b) => (a.period?.order ?? 0) - (b.period?.order ?? 0));
};

/**
 * The columns as tables: years across ("2002", "Mid-2016") make one table of periods; periods
 * in the group row over the same measures ("Apr '07 to Mar '08": Number, Rate) one table of
 * periods per measure; columns that fit neither (a "% change compared with" block after them)
 * stay a table of categories.
 */
function columnTables(
  columns: readonly CodedColumn[],
): { cols: CodedColumn[]; kind: DiscoveredTable["kind"]; part: string | null }[] {
  const byName = asPeriods(columns, (c) => c.name);
  if (byName) return [{ cols: byName, kind: "periods", part: null }];
  const out: { cols: CodedColumn[]; kind: DiscoveredTable["kind"]; part: string | null }[] = [];
  const rest = new Set(columns);
  const measures = [...new Set(columns.map((c) => c.name))].filter(
    (m) => columns.filter((c) => c.name === m).length >= 2,
  );
  for (const measure of measures) {
    const periods = asPeriods(
      columns.filter((c) => c.name === measure && c.group),
      (c) => c.group ?? "",
    );
    if (!periods || periods.length < 2) continue;
    out.push({ cols: periods, kind: "periods", part: measure || null });
    for (const c of columns)
      if (c.name === measure && c.group && periods.some((p) => p.index === c.index)) rest.delete(c);
  }
  // Left over beside period tables, a column is named by its group and name together
  // ("% change January 2018 to December 2018 compared with: Apr '10 to Mar '11").
  const left = [...rest].map((c) => {
    if (rest.size === columns.length || !c.group || !c.name || c.header === joinedHeader(c.group, c.name)) return c;
    const header = joinedHeader(c.group, c.name);
    return { ...c, header, nonCount: c.nonCount || isNonCountHeader(header) };
  });
  if (left.length > 0)
    out.push({ cols: left, kind: "categories", part: rest.size < columns.length ? "other columns" : null });
  return out;
}

function readCodedTable(
  grid: SheetGrid,
  first: number,
  codeColumn: number,
  width: number,
): { tables: DiscoveredTable[]; region: Block } | null {
  const sheet = grid.name;
  const right = grid.left + width - 1;
  const nameColumn = codeColumn + 1;
  const data = dataRows(grid, first, codeColumn, right);
  if (!data) return null;
  const { last, hasNames } = data;
  const valueStart = (hasNames ? nameColumn : codeColumn) + 1;
  const header = codedHeader(grid, first, codeColumn, valueStart, right);
  const { headerTop, namesRow } = header;
  const notes = new Set<string>();
  const clean = (raw: string): string => {
    const stripped = stripFootnotes(raw);
    for (const n of stripped.notes) notes.add(n);
    return stripped.text;
  };
  const columns = codedColumns(grid, { first, last }, header, { valueStart, right }, clean);
  if (columns.length === 0) return null;

  const labelled = range(first, last).map((r): LabelledRow => {
    // A note glued to the code ("E230000118") is the code and a note; the row stays in the table.
    const coded = areaCode(text(gridCell(grid, r, codeColumn)));
    const code = coded?.code ?? text(gridCell(grid, r, codeColumn));
    const named = hasNames
      ? stripFootnotes(text(gridCell(grid, r, nameColumn)))
      : { text: code, notes: [] as readonly string[] };
    const label = named.text || code;
    // The code says what an area is ("Kent" is a force here, not the county total it is in a
    // table of districts); a row without one is a published subtotal when its name says so.
    const aggregate = code ? AGGREGATE_CODE.test(code) : AGGREGATE_NAME.test(label) || isAggregateLabel(label);
    return { r, code, label, notes: [...(coded?.notes ?? []), ...named.notes], aggregate };
  });
  const baseTitle = titleLines(grid, headerTop, header.titleRows, right).map(clean).filter(Boolean).join(" – ") || null;
  const labelHeader =
    namesRow === undefined ? "" : clean(text(gridCell(grid, namesRow, hasNames ? nameColumn : codeColumn)));
  const tables = columnTables(columns).map(({ cols, kind, part }): DiscoveredTable => {
    const { rows, markers, textNumbers } = rowsOf(grid, labelled, hasNames ? nameColumn : codeColumn, cols);
    const corners = { top: first, left: cols[0].index, bottom: last, right: cols[cols.length - 1].index };
    const findings = [
      markers.finding(sheet, corners.top, corners.left, corners.bottom, corners.right),
      textNumbersFinding(sheet, textNumbers, corners),
    ].filter((f): f is Finding => f !== null);
    const unit = cols.find((c) => c.unit)?.unit ?? null;
    return {
      sheet,
      range: sheetRangeRef(sheet, namesRow ?? headerTop, codeColumn, last, cols[cols.length - 1].index),
      title: [baseTitle, part].filter(Boolean).join(" – ") || null,
      labelHeader,
      kind,
      transposed: false,
      columns: cols.map(({ index: _index, name: _name, ...c }) => c),
      derived: [],
      rows,
      findings,
      ...(unit ? { unit } : {}),
      ...(notes.size > 0 ? { notes: [...notes] } : {}),
    };
  });
  const top = Math.min(headerTop, ...titleRowsAbove(grid, headerTop, right));
  return { tables, region: { top, bottom: last, left: grid.left, right } };
}

/** Title lines: the header's own title rows, then up to two text lines just above it (a blank between). */
function titleLines(grid: SheetGrid, headerTop: number, titleRows: readonly number[], right: number): string[] {
  const above = titleRowsAbove(grid, headerTop, right).map((r) => rowText(grid, r, right));
  return [...above, ...titleRows.map((r) => rowText(grid, r, right))];
}

function titleRowsAbove(grid: SheetGrid, headerTop: number, right: number): number[] {
  const rows: number[] = [];
  for (let r = headerTop - 1; r >= grid.top && headerTop - r <= 3; r -= 1) {
    if (rowEmpty(grid, r, grid.left, right)) continue;
    if (range(grid.left, right).filter((c) => !isEmptyCell(gridCell(grid, r, c))).length > 1) break;
    rows.unshift(r);
  }
  return rows;
}

function rowText(grid: SheetGrid, row: number, right: number): string {
  return range(grid.left, right)
    .map((c) => text(gridCell(grid, row, c)))
    .filter(Boolean)
    .join(" ");
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i += 1) out.push(i);
  return out;
}
