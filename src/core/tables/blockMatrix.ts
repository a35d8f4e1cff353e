import { type CellValue, cellText, isEmptyCell } from "../../model/cellValue";
import { type SheetGrid, gridCell, gridFormat } from "../../model/grid";
import type { ParsedCell } from "../parse/parseNumber";
import { parseNumberCell } from "../parse/parseNumber";
import { parsePeriod } from "../parse/parsePeriod";
import type { SourceCell, TableRow } from "./table";

// A block of a sheet as a matrix of indexes, sliced and turned round without copying cells, and
// the kinds of row a table's head is made of. The model's own files, not its index: see "Hot
// paths" in docs/ARCHITECTURE.md.

/** One cell of a block, carrying its sheet address through any turning round. */
export interface BlockCell extends SourceCell {
  readonly value: CellValue;
  readonly format: string | null;
}

/**
 * A block seen as a matrix of indexes into the sheet: matrix row i, column j is the sheet
 * cell at `lines[i]`, `across[j]` (or the other way about once turned round). Slicing and
 * turning round copy indexes, never cells, so a table of a million cells makes no object
 * per cell. Both index lists ascend.
 */
export interface Matrix {
  readonly grid: SheetGrid;
  readonly lines: readonly number[];
  readonly across: readonly number[];
  readonly turned: boolean;
}

export function range(from: number, to: number): number[] {
  const indexes: number[] = [];
  for (let i = from; i <= to; i += 1) indexes.push(i);
  return indexes;
}

/** The sheet address of matrix cell (i, j). */
export function addressAt(m: Omit<Matrix, "grid">, i: number, j: number): SourceCell {
  return m.turned ? { row: m.across[j], column: m.lines[i] } : { row: m.lines[i], column: m.across[j] };
}

export function valueAt(m: Matrix, i: number, j: number): CellValue {
  return m.turned ? gridCell(m.grid, m.across[j], m.lines[i]) : gridCell(m.grid, m.lines[i], m.across[j]);
}

export function formatAt(m: Matrix, i: number, j: number): string | null {
  return m.turned ? gridFormat(m.grid, m.across[j], m.lines[i]) : gridFormat(m.grid, m.lines[i], m.across[j]);
}

/** Where the cells of a table's rows stand: matrix columns of its values and derived values. */
export interface RowLayout {
  /** The table's matrix without its grid, so a kept table does not keep the sheet's cells. */
  readonly matrix: Omit<Matrix, "grid">;
  readonly valueColumns: readonly number[];
  readonly derivedColumns: readonly number[];
}

/**
 * A table row that works out its cells' addresses when asked: only findings name cells, so a
 * table of a hundred thousand rows keeps no address objects for them.
 */
export class SheetRow implements TableRow {
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
export function rowCells(m: Matrix, i: number): BlockCell[] {
  return m.across.map((_, j) => ({ ...addressAt(m, i, j), value: valueAt(m, i, j), format: formatAt(m, i, j) }));
}

export function columnSlice(m: Matrix, from: number, to: number): Matrix {
  return { ...m, across: m.across.slice(from, to) };
}

export function transpose(m: Matrix): Matrix {
  return { grid: m.grid, lines: m.across, across: m.lines, turned: !m.turned };
}

export const isText = (v: CellValue): boolean =>
  typeof v === "string" && v.trim() !== "" && parseNumberCell(v, null).kind === "missing";

export const nonEmpty = (row: BlockCell[]): BlockCell[] => row.filter((c) => !isEmptyCell(c.value));
export const isHeaderLike = (row: BlockCell[]): boolean => {
  const cells = nonEmpty(row);
  return cells.length >= 2 && cells.every((c) => isText(c.value) || parsePeriod(c.value) !== null);
};
export const isTitleRow = (row: BlockCell[]): boolean => {
  const cells = nonEmpty(row);
  return (
    cells.length >= 1 && cells.length <= Math.max(1, Math.floor(row.length / 2)) && cells.every((c) => isText(c.value))
  );
};
/** A group row over a names row: nothing over the labels, names over some value columns, the names row at least as full. */
export const isGroupOver = (row: BlockCell[], next: BlockCell[]): boolean => {
  const cells = nonEmpty(row);
  return (
    isEmptyCell(row[0].value) &&
    cells.length >= 1 &&
    cells.every((c) => isText(c.value) || parsePeriod(c.value) !== null) &&
    nonEmpty(next).length >= cells.length
  );
};
export const norm = (v: CellValue): string => cellText(v).toLowerCase().replace(/\s+/g, " ");
