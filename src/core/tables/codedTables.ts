// The model's own files, not its index: see "Hot paths" in docs/ARCHITECTURE.md.
import { type CellValue, cellText, isEmptyCell } from "../../model/cellValue";
import { sheetRangeRef } from "../../model/cellRef";
import { type SheetGrid, gridCell, gridFormat, gridWidth } from "../../model/grid";
import type { Finding } from "../findings";
import { type ParsedCell, parseNumberCell } from "../parse/parseNumber";
import { type Period, parsePeriod } from "../parse/parsePeriod";
import type { Block } from "./findBlocks";
import { stripFootnotes } from "./footnotes";
import { MarkerTally } from "./publishedMarkers";
import { isNumberStoredAsText, textNumbersFinding } from "./textNumbers";
import { carryAcross, groupedHeader, isCountUnit, isUnitText, joinedHeader, repeatedNames } from "./headerRows";
import { isAggregateLabel, isNonCountHeader } from "./labels";
import type { DiscoveredTable, SourceCell, TableRow, ValueColumn } from "./table";

/** A GSS code: the ONS code of a ward, district, CSP, force, region or country. */
export const GSS_CODE = /^[EWSNK]\d{8}$/;

// Countries, England and Wales, the UK and GB, and English regions: always subtotals of areas.
const AGGREGATE_CODE = /^(K0[234]|E92|W92|S92|N92|E12)/;
const AGGREGATE_NAME = /^(england and wales|england|wales|scotland|northern ireland|united kingdom|great britain)\b/i;
const MIN_ROWS = 5;
const HEADER_ROWS = 6;

const text = (v: CellValue): string => cellText(v);
const isCode = (v: CellValue): boolean => typeof v === "string" && GSS_CODE.test(v.trim());

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

function readCodedTable(
  grid: SheetGrid,
  first: number,
  codeColumn: number,
  width: number,
): { tables: DiscoveredTable[]; region: Block } | null {
  const sheet = grid.name;
  const right = grid.left + width - 1;
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
  const hasNames = names >= coded / 2;

  // The header: up to a few rows above the data, up to an empty row (title lines above that).
  // One empty row may stand between the header and the data (ONS leaves one under its units).
  const gap = first - 1 >= grid.top && rowEmpty(grid, first - 1, grid.left, right) ? 1 : 0;
  let headerTop = first - gap;
  while (
    headerTop - 1 >= grid.top &&
    first - (headerTop - 1) <= HEADER_ROWS &&
    !rowEmpty(grid, headerTop - 1, grid.left, right)
  )
    headerTop -= 1;
  const headerRows = range(headerTop, first - 1 - gap);
  // The names row names the code column ("Area Code"), else it is the fullest header row.
  const fullness = (r: number): number =>
    range(codeColumn, right).filter((c) => text(gridCell(grid, r, c)) !== "").length;
  const namesRow =
    headerRows.find((r) => text(gridCell(grid, r, codeColumn)) !== "" && text(gridCell(grid, r, nameColumn)) !== "") ??
    [...headerRows].sort((a, b) => fullness(b) - fullness(a) || b - a)[0];
  // Rows above the names row with cells over the value columns are group rows; rows with text
  // over the labels only are titles ("England and Wales").
  const valueStart = (hasNames ? nameColumn : codeColumn) + 1;
  const titleRows: number[] = [];
  const groupRows: number[] = [];
  const unitRows: number[] = [];
  for (const r of headerRows) {
    if (namesRow === undefined || r === namesRow) continue;
    const overValues = !rowEmpty(grid, r, valueStart, right);
    if (r < namesRow) (overValues ? groupRows : titleRows).push(r);
    else if (
      range(valueStart, right).every((c) => isEmptyCell(gridCell(grid, r, c)) || isUnitText(text(gridCell(grid, r, c))))
    )
      unitRows.push(r);
  }

  // Columns: every column right of the labels that holds a number or a marker in the data,
  // named by its names-row cell, else its group (a merged or spanning group cell names every
  // column under it until the next). Spacer columns, empty throughout, are left out.
  const notes = new Set<string>();
  const clean = (raw: string): string => {
    const stripped = stripFootnotes(raw);
    for (const n of stripped.notes) notes.add(n);
    return stripped.text;
  };
  const spanning = (rows: number[]): string[] =>
    carryAcross(
      range(valueStart, right).map((c) =>
        clean(
          rows
            .map((r) => text(gridCell(grid, r, c)))
            .filter(Boolean)
            .join(" "),
        ),
      ),
    );
  const groups = spanning(groupRows);
  const units = spanning(unitRows);
  const columns: CodedColumn[] = [];
  const rawNames = range(valueStart, right).map((c) =>
    namesRow === undefined ? "" : clean(text(gridCell(grid, namesRow, c))),
  );
  const repeated = repeatedNames(rawNames);
  for (let c = valueStart; c <= right; c += 1) {
    const k = c - valueStart;
    const filled = range(first, last).filter((r) => !isEmptyCell(gridCell(grid, r, c)));
    if (filled.length === 0) continue;
    const numbers = filled.filter(
      (r) => parseNumberCell(gridCell(grid, r, c), gridFormat(grid, r, c)).kind === "number",
    ).length;
    if (numbers === 0) continue;
    const group = groups[k] || null;
    const name = rawNames[k];
    // Names repeated under each group ("% involving a knife") take the group before them.
    const header = groupedHeader(name, group, repeated) || `Column ${c + 1}`;
    const unit = units[k] || null;
    columns.push({
      name,
      header,
      headerCell: { row: namesRow ?? headerTop, column: c },
      period: null,
      nonCount: isNonCountHeader(header) || (unit !== null && !isCountUnit(unit)),
      index: c,
      unit,
      group,
    });
  }
  if (columns.length === 0) return null;

  let markers = new MarkerTally();
  let textNumbers = 0;
  const labelled = range(first, last).map((r) => {
    const code = text(gridCell(grid, r, codeColumn));
    const named = hasNames
      ? stripFootnotes(text(gridCell(grid, r, nameColumn)))
      : { text: code, notes: [] as readonly string[] };
    const label = named.text || code;
    // The code says what an area is ("Kent" is a force here, not the county total it is in a
    // table of districts); a row without one is a published subtotal when its name says so.
    const aggregate = code ? AGGREGATE_CODE.test(code) : AGGREGATE_NAME.test(label) || isAggregateLabel(label);
    return { r, code, label, notes: named.notes, aggregate };
  });
  const rowsFor = (cols: readonly CodedColumn[]): TableRow[] =>
    labelled.map(({ r, code, label, notes: rowNotes, aggregate }) => ({
      label,
      labelCell: { row: r, column: hasNames ? nameColumn : codeColumn },
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
      ...(rowNotes.length > 0 ? { notes: rowNotes } : {}),
    }));

  const baseTitle = titleLines(grid, headerTop, titleRows, right).map(clean).filter(Boolean).join(" – ") || null;
  const labelHeader =
    namesRow === undefined ? "" : clean(text(gridCell(grid, namesRow, hasNames ? nameColumn : codeColumn)));
  const tables: DiscoveredTable[] = [];
  const make = (cols: readonly CodedColumn[], kind: DiscoveredTable["kind"], part: string | null): void => {
    markers = new MarkerTally();
    textNumbers = 0;
    const rows = rowsFor(cols);
    const corners = { top: first, left: cols[0].index, bottom: last, right: cols[cols.length - 1].index };
    const findings = [
      markers.finding(sheet, corners.top, corners.left, corners.bottom, corners.right),
      textNumbersFinding(sheet, textNumbers, corners),
    ].filter((f): f is Finding => f !== null);
    const unit = cols.find((c) => c.unit)?.unit ?? null;
    tables.push({
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
    });
  };
  const asPeriods = (cols: readonly CodedColumn[], label: (c: CodedColumn) => string): CodedColumn[] | null => {
    const periods = cols.map((c) => parsePeriod(label(c)));
    if (periods.some((p) => p === null)) return null;
    return cols
      .map((c, i) => ({ ...c, header: (periods[i] as Period).label, period: periods[i] }))
      .sort((a, b) => (a.period?.order ?? 0) - (b.period?.order ?? 0));
  };
  // Years across ("2002", "Mid-2016"): one table of periods. Periods in the group row over the
  // same measures ("Apr '07 to Mar '08": Number, Rate): one table of periods per measure.
  // Columns that fit neither (a "% change compared with" block after them) stay a table of categories.
  const byName = asPeriods(columns, (c) => c.name);
  if (byName) make(byName, "periods", null);
  else {
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
      make(periods, "periods", measure || null);
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
    if (left.length > 0) make(left, "categories", rest.size < columns.length ? "other columns" : null);
  }
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
