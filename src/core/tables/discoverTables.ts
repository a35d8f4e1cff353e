// The model's own files, not its index: see "Hot paths" in docs/ARCHITECTURE.md.
import { type CellValue, cellText, isEmptyCell } from "../../model/cellValue";
import { sheetCellRef, sheetRangeRef } from "../../model/cellRef";
import { type SheetGrid, gridCell, gridFormat } from "../../model/grid";
import { type Finding, finding } from "../findings";
import { type ParsedCell, parseNumberCell } from "../parse/parseNumber";
import { looksLikeMonths, parsePeriod } from "../parse/parsePeriod";
import { findCodedTables } from "./codedTables";
import { stripFootnotes } from "./footnotes";
import { type Block, findBlocks } from "./findBlocks";
import { joinDetachedHeaders } from "./detachedHeaders";
import { carryAcross, groupedHeader, isCountUnit, isUnitText, repeatedNames } from "./headerRows";
import { headerRole, isAggregateLabel, isNonCountHeader } from "./labels";
import { MarkerTally, isPublishedMarker } from "./publishedMarkers";
import { isNumberStoredAsText, textNumbersFinding } from "./textNumbers";
import type { DerivedColumn, DiscoveredTable, SourceCell, TableRow, ValueColumn } from "./table";

/** One cell of a block, carrying its sheet address through any turning round. */
interface BlockCell extends SourceCell {
  readonly value: CellValue;
  readonly format: string | null;
}

/**
 * A block seen as a matrix of indexes into the sheet: matrix row i, column j is the sheet
 * cell at `lines[i]`, `across[j]` (or the other way about once turned round). Slicing and
 * turning round copy indexes, never cells, so a table of a million cells makes no object
 * per cell. Both index lists ascend.
 */
interface Matrix {
  readonly grid: SheetGrid;
  readonly lines: readonly number[];
  readonly across: readonly number[];
  readonly turned: boolean;
}

function range(from: number, to: number): number[] {
  const indexes: number[] = [];
  for (let i = from; i <= to; i += 1) indexes.push(i);
  return indexes;
}

/** The sheet address of matrix cell (i, j). */
function addressAt(m: Omit<Matrix, "grid">, i: number, j: number): SourceCell {
  return m.turned ? { row: m.across[j], column: m.lines[i] } : { row: m.lines[i], column: m.across[j] };
}

function valueAt(m: Matrix, i: number, j: number): CellValue {
  return m.turned ? gridCell(m.grid, m.across[j], m.lines[i]) : gridCell(m.grid, m.lines[i], m.across[j]);
}

function formatAt(m: Matrix, i: number, j: number): string | null {
  return m.turned ? gridFormat(m.grid, m.across[j], m.lines[i]) : gridFormat(m.grid, m.lines[i], m.across[j]);
}

/** Where the cells of a table's rows stand: matrix columns of its values and derived values. */
interface RowLayout {
  /** The table's matrix without its grid, so a kept table does not keep the sheet's cells. */
  readonly matrix: Omit<Matrix, "grid">;
  readonly valueColumns: readonly number[];
  readonly derivedColumns: readonly number[];
}

/**
 * A table row that works out its cells' addresses when asked: only findings name cells, so a
 * table of a hundred thousand rows keeps no address objects for them.
 */
class SheetRow implements TableRow {
  readonly #line: number;
  readonly #layout: RowLayout;

  constructor(
    readonly label: string,
    readonly aggregate: boolean,
    readonly values: readonly ParsedCell[],
    readonly derived: readonly ParsedCell[],
    line: number,
    layout: RowLayout,
  ) {
    this.#line = line;
    this.#layout = layout;
  }

  get labelCell(): SourceCell {
    return addressAt(this.#layout.matrix, this.#line, 0);
  }

  get valueCells(): SourceCell[] {
    return this.#layout.valueColumns.map((j) => addressAt(this.#layout.matrix, this.#line, j));
  }

  get derivedCells(): SourceCell[] {
    return this.#layout.derivedColumns.map((j) => addressAt(this.#layout.matrix, this.#line, j));
  }
}

/** Row i of the matrix as cells: for the few header and title rows, not the body. */
function rowCells(m: Matrix, i: number): BlockCell[] {
  return m.across.map((_, j) => ({ ...addressAt(m, i, j), value: valueAt(m, i, j), format: formatAt(m, i, j) }));
}

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

/**
 * Blocks side by side that are one table with empty spacer columns inside (as published
 * tables space their column groups): the block to the right has no labels of its own (its
 * first column holds more numbers than text) and ends on the same row, so its rows carry on the
 * rows to the left. A block with its own labels is a second table beside the first.
 */
function acrossSpacers(grid: SheetGrid, blocks: Block[]): Block[] {
  const out = [...blocks];
  const carriesOn = (left: Block, right: Block): boolean => {
    if (
      right.left <= left.right ||
      right.left - left.right > 3 ||
      right.bottom !== left.bottom ||
      Math.abs(right.top - left.top) > 3
    )
      return false;
    if (left.right - left.left < 1) return false;
    let numbers = 0;
    let words = 0;
    for (let r = Math.max(left.top, right.top) + 1; r <= right.bottom; r += 1) {
      const v = parseNumberCell(gridCell(grid, r, right.left), null);
      if (v.kind === "number") numbers += 1;
      else if (v.reason === "text") words += 1;
    }
    // Header rows (a group name, the periods, a unit) are words; the rows below are numbers.
    return numbers > words;
  };
  const overlaps = (a: Block, b: Block): boolean =>
    a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left;
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i += 1) {
      const right = out.findIndex((b) => carriesOn(out[i], b));
      if (right < 0) continue;
      const [a, b] = [out[i], out[right]];
      const whole = { top: Math.min(a.top, b.top), bottom: a.bottom, left: a.left, right: b.right };
      // The right part's own header cells, apart from its numbers where a units row stands
      // under the left part only, are inside the whole and go with it; anything else in the
      // way keeps the two apart.
      const headerOfRight = (o: Block): boolean =>
        o.top >= whole.top && o.bottom < b.top && o.left >= b.left && o.right <= b.right;
      const inside = out.filter((o) => o !== a && o !== b && overlaps(o, whole));
      if (!inside.every(headerOfRight)) continue;
      out[i] = whole;
      for (const o of [b, ...inside]) out.splice(out.indexOf(o), 1);
      merged = true;
    }
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

const isText = (v: CellValue): boolean =>
  typeof v === "string" && v.trim() !== "" && parseNumberCell(v, null).kind === "missing";

/** A one-line block of text just above a table (a blank row between) is that table's title. */
function detachedTitles(grid: SheetGrid, blocks: Block[]): { byBlock: Map<Block, string>; consumed: Set<Block> } {
  const byBlock = new Map<Block, string>();
  const consumed = new Set<Block>();
  for (const title of blocks) {
    if (title.top !== title.bottom) continue;
    const cells: CellValue[] = [];
    for (let c = title.left; c <= title.right; c += 1) cells.push(gridCell(grid, title.top, c));
    const filled = cells.filter((v) => !isEmptyCell(v));
    if (filled.length === 0 || filled.length > 2 || !filled.every(isText)) continue;
    const below = blocks
      .filter(
        (b) =>
          b !== title &&
          b.top > title.bottom &&
          b.top - title.bottom <= 3 &&
          b.left <= title.left &&
          title.left <= b.right &&
          b.bottom > b.top,
      )
      .sort((a, b) => a.top - b.top)[0];
    if (!below || byBlock.has(below)) continue;
    byBlock.set(below, filled.map(cellText).join(" "));
    consumed.add(title);
  }
  return { byBlock, consumed };
}

/**
 * Text with a publication's footnote markers taken off ("Surrey7", "Total3", "2018/19 [x]").
 * Only text where a digit follows a letter, a bracket or an apostrophe, three digits run
 * together or a bracket opens can hold one: anything else ("Category 12") is returned as it
 * is, on the per-row path.
 */
const MAY_HAVE_NOTES = /[A-Za-z)'’]\d|\d{3}|\[/;
const withoutFootnotes = (text: string): string => (MAY_HAVE_NOTES.test(text) ? stripFootnotes(text).text : text);

const nonEmpty = (row: BlockCell[]): BlockCell[] => row.filter((c) => !isEmptyCell(c.value));
const isHeaderLike = (row: BlockCell[]): boolean => {
  const cells = nonEmpty(row);
  return cells.length >= 2 && cells.every((c) => isText(c.value) || parsePeriod(c.value) !== null);
};
const isTitleRow = (row: BlockCell[]): boolean => {
  const cells = nonEmpty(row);
  return (
    cells.length >= 1 && cells.length <= Math.max(1, Math.floor(row.length / 2)) && cells.every((c) => isText(c.value))
  );
};
/** A group row over a names row: nothing over the labels, names over some value columns, the names row at least as full. */
const isGroupOver = (row: BlockCell[], next: BlockCell[]): boolean => {
  const cells = nonEmpty(row);
  return (
    isEmptyCell(row[0].value) &&
    cells.length >= 1 &&
    cells.every((c) => isText(c.value) || parsePeriod(c.value) !== null) &&
    nonEmpty(next).length >= cells.length
  );
};
const norm = (v: CellValue): string => cellText(v).toLowerCase().replace(/\s+/g, " ");

function columnSlice(m: Matrix, from: number, to: number): Matrix {
  return { ...m, across: m.across.slice(from, to) };
}

function transpose(m: Matrix): Matrix {
  return { grid: m.grid, lines: m.across, across: m.lines, turned: !m.turned };
}

/**
 * Columns where a second table starts on the same header row (repeated label header or
 * periods). A period repeated after an empty spacer column is not a second table: with nothing
 * to label its rows, it is the same table's next group of columns.
 */
function sideBySideSplits(m: Matrix, headerRow: number): number[] {
  const header = rowCells(m, headerRow);
  const spacer = (j: number): boolean =>
    range(headerRow, m.lines.length - 1).every((i) => isEmptyCell(valueAt(m, i, j)));
  const splits: number[] = [];
  let start = 0;
  const first = (): string => norm(header[start].value);
  for (let j = start + 1; j < header.length; j += 1) {
    const text = norm(header[j].value);
    if (text !== "" && text === first() && j > start + 1) {
      splits.push(j);
      start = j;
      continue;
    }
    const period = parsePeriod(header[j].value);
    if (!period) continue;
    for (let i = start + 1; i < j - 1; i += 1) {
      const earlier = parsePeriod(header[i].value);
      if (
        earlier &&
        earlier.order === period.order &&
        earlier.kind === period.kind &&
        !parsePeriod(header[j - 1].value) &&
        !spacer(j - 1)
      ) {
        splits.push(j - 1);
        start = j - 1;
        break;
      }
    }
  }
  return splits;
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

  // Rows above the header that stand over the value columns and not the labels are group rows
  // ("Victim-based crime" over four offence columns); the rest are titles.
  const above = range(0, k - 1).map((i) => rowCells(m, i));
  const isGroupRow = (row: BlockCell[]): boolean => isEmptyCell(row[0].value) && nonEmpty(row).length > 0;
  const titleParts = above
    .filter((row) => !isGroupRow(row))
    .map((row) =>
      withoutFootnotes(
        nonEmpty(row)
          .map((c) => cellText(c.value))
          .join(" "),
      ),
    )
    .filter((t) => t !== "");
  const groupRows = above.filter(isGroupRow);
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
  const across = (rows: BlockCell[][]): string[] =>
    carryAcross(
      body.across.map((_, j) =>
        withoutFootnotes(
          rows
            .map((row) => cellText(row[j].value))
            .filter(Boolean)
            .join(" "),
        ),
      ),
    );
  const groups = transposed || groupRows.length === 0 ? null : across(groupRows);
  // A units row right under the header ("Numbers", "Rate per 1,000 population") says what the
  // columns hold; it is not a row of data.
  let units: string[] | null = null;
  if (!transposed && body.lines.length > 2 && isUnitsRow(rowCells(body, 1))) {
    units = across([rowCells(body, 1)]);
    body = { ...body, lines: [body.lines[0], ...body.lines.slice(2)] };
  }
  // Periods under two or more groups ("Alcohol related": 2018/19, 2019/20; "Drug related": the
  // same years) are a comparison per group: one table each, as the publication's groups are.
  if (groups) {
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
      return;
    }
  }
  const table = buildTable(sheet, body, title, nearTitle, transposed, { groups, units });
  if (table) tables.push(table);
}

/** A units row: no label, and every filled cell over the values a unit. */
function isUnitsRow(row: BlockCell[]): boolean {
  const values = nonEmpty(row.slice(1));
  return (
    isEmptyCell(row[0].value) &&
    values.length > 0 &&
    values.every((c) => typeof c.value === "string" && isUnitText(c.value))
  );
}

/** What rows above and below the header say of each matrix column: its group and its unit. */
interface HeaderExtras {
  readonly groups: readonly string[] | null;
  readonly units: readonly string[] | null;
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
  const bodyRows = range(1, m.lines.length - 1);
  let columns: (ValueColumn & { index: number })[] = [];
  const derived: (DerivedColumn & { index: number })[] = [];
  const categories: (ValueColumn & { index: number })[] = [];

  const names = header.map((cell) => withoutFootnotes(cellText(cell.value)));
  const repeated = repeatedNames(names);
  for (let j = 1; j < header.length; j += 1) {
    const cell = header[j];
    // A spacer column, named only by the group it stands under, holds nothing.
    if (names[j] === "" && bodyRows.every((i) => isEmptyCell(valueAt(m, i, j)))) continue;
    const group = extras.groups?.[j] || null;
    const unit = extras.units?.[j] || null;
    const text = groupedHeader(names[j], group, repeated);
    const period = parsePeriod(typeof cell.value === "string" || group ? text : cell.value);
    const at = { row: cell.row, column: cell.column };
    const described = { ...(unit ? { unit } : {}), ...(group ? { group } : {}) };
    if (period) {
      columns.push({
        header: period.label,
        headerCell: at,
        period,
        nonCount: unit !== null && !isCountUnit(unit),
        index: j,
        ...described,
      });
      continue;
    }
    const role = headerRole(text);
    if (role === "difference" || role === "pctChange") {
      derived.push({ header: text, role, headerCell: at, index: j });
      continue;
    }
    if (role === "comment" || role === "coordinate") continue;
    const parsed = bodyRows.map((i) => parseNumberCell(valueAt(m, i, j), formatAt(m, i, j)));
    const numbers = parsed.filter((p) => p.kind === "number").length;
    const words = parsed.filter((p) => p.kind === "missing" && p.reason === "text").length;
    const filled = bodyRows.filter((i) => !isEmptyCell(valueAt(m, i, j))).length;
    // A headed column of numbers and suppressed markers is data even when every value is
    // suppressed; an unheaded one needs at least one number.
    const headed = text !== "";
    if ((numbers >= 1 || headed) && words * 2 <= filled && (filled > 0 || headed)) {
      categories.push({
        header: text || `Column ${j + 1}`,
        headerCell: at,
        period: null,
        nonCount: isNonCountHeader(text) || (unit !== null && !isCountUnit(unit)),
        index: j,
        ...described,
      });
    }
  }

  // "Location | Count" under a title row "October-17 to September-18": the title is the period.
  if (columns.length === 0 && categories.length === 1 && nearTitle) {
    const period = parsePeriod(nearTitle);
    if (period) columns = [{ ...categories[0], header: period.label, period }];
  }
  const isPeriodTable = columns.length > 0;
  if (!isPeriodTable) columns = categories;
  if (columns.length === 0) return null;

  if (isPeriodTable) {
    const kinds = new Set(columns.map((c) => (c.period?.kind === "relative" ? "relative" : "dated")));
    if (kinds.size > 1) {
      findings.push(
        finding(
          sheet,
          sheetCellRef(sheet, header[0].row, header[0].column),
          "warning",
          "unordered-periods",
          "mixes relative periods (Last year / This year) with dated ones, so the columns are kept in sheet order",
        ),
      );
    } else {
      columns = [...columns].sort((a, b) => (a.period?.order ?? 0) - (b.period?.order ?? 0));
    }
    for (let i = 1; i < columns.length; i += 1) {
      if (columns[i].period?.order === columns[i - 1].period?.order && kinds.size === 1) {
        findings.push(
          finding(
            sheet,
            sheetCellRef(sheet, columns[i].headerCell.row, columns[i].headerCell.column),
            "warning",
            "duplicate-period",
            `period "${columns[i].header}" appears twice in one table`,
          ),
        );
      }
    }
  }

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

function noteMissing(
  sheet: string,
  cell: SourceCell,
  parsed: ParsedCell,
  label: string,
  column: string,
  findings: Finding[],
): void {
  if (parsed.kind !== "missing") return;
  const at = sheetCellRef(sheet, cell.row, cell.column);
  const where = `"${label}", ${column}`;
  if (parsed.reason === "text") {
    findings.push(
      finding(
        sheet,
        at,
        "warning",
        "not-a-number",
        `"${parsed.text}" is not a number (${where}); read as missing`,
        parsed.text,
        null,
      ),
    );
  } else if (parsed.reason === "error") {
    findings.push(
      finding(
        sheet,
        at,
        "warning",
        "cell-error",
        `Excel error ${parsed.text} (${where}); read as missing`,
        parsed.text,
        null,
      ),
    );
  } else if (parsed.reason === "suppressed") {
    findings.push(
      finding(
        sheet,
        at,
        "info",
        "suppressed-value",
        `suppressed value "${parsed.text}" (${where}) read as missing, not zero`,
        parsed.text,
        null,
      ),
    );
  } else {
    findings.push(finding(sheet, at, "info", "missing-value", `empty cell (${where}) read as missing, not zero`));
  }
}
