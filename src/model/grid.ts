import type { CellValue } from "./cellValue";

/**
 * One worksheet as a rectangle of cells: its used range, read once. `top` and `left` are
 * the zero-based sheet coordinates of `values[0][0]`, so every cell keeps its real address.
 */
export interface SheetGrid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  /** Rows of cells; rows may be shorter than the widest row (missing cells are empty). */
  readonly values: readonly (readonly CellValue[])[];
  /** Number formats aligned with `values` (`"0%"`, `"#,##0"`, `"General"`), where known. */
  readonly numberFormats?: readonly (readonly (string | null)[])[];
  /**
   * True when the sheet is one of ours (a result sheet written by an earlier run). Adapters
   * leave such a sheet's cells unread (`unreadResultSheet`): the core never uses them.
   */
  readonly isResultSheet?: boolean;
}

/** A result sheet of an earlier run, listed by name with its cells left unread. */
export function unreadResultSheet(name: string): SheetGrid {
  return { name, top: 0, left: 0, values: [], numberFormats: [], isResultSheet: true };
}

/** A whole workbook as the core sees it. */
export interface WorkbookGrids {
  readonly sheets: readonly SheetGrid[];
  /**
   * What the adapter could not do as it promises, each a clause about the workbook for the
   * Findings sheet and the pane: read or written through ExcelJS (and what that loses),
   * damaged parts left out.
   */
  readonly fileNotes?: readonly string[];
}

/** The cell at sheet coordinates, or `null` outside the grid. */
export function gridCell(grid: SheetGrid, row: number, column: number): CellValue {
  const r = grid.values[row - grid.top];
  if (!r) return null;
  const v = r[column - grid.left];
  return v === undefined ? null : v;
}

/** The number format at sheet coordinates, or `null` when unknown. */
export function gridFormat(grid: SheetGrid, row: number, column: number): string | null {
  const r = grid.numberFormats?.[row - grid.top];
  return r?.[column - grid.left] ?? null;
}

/** The width of the widest row. */
export function gridWidth(grid: SheetGrid): number {
  let width = 0;
  for (const row of grid.values) width = Math.max(width, row.length);
  return width;
}

/**
 * Gathers a sheet's non-empty cells in any order, then lays them out as a grid over their
 * bounding rectangle (the used range), so readers need not know the sheet's size first. Each
 * row's cells are kept in place as they come (nulls between them), and the grid is those rows
 * trimmed to the used range: a second copy of every cell, or four numbers kept per cell until
 * the end, took three times the memory of the grid on a pasted police.uk download.
 */
export class GridCollector {
  /** By sheet row: the row's cells from column 0, null where empty; a row with none is absent. */
  private readonly cellRows: CellValue[][] = [];
  /** By sheet row, only for rows with a number format: formats from column 0. */
  private readonly formatRows: (string | null)[][] = [];
  private top = Infinity;
  private left = Infinity;
  private bottom = -1;
  private right = -1;

  /** Adds the cell at zero-based sheet coordinates. */
  add(row: number, column: number, value: CellValue, format: string | null): void {
    put(this.cellRows, row, column, value);
    if (format !== null) put(this.formatRows, row, column, format);
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
    if (column < this.left) this.left = column;
    if (column > this.right) this.right = column;
  }

  grid(name: string): SheetGrid {
    if (this.bottom < 0) return { name, top: 0, left: 0, values: [], numberFormats: [] };
    const { top, left } = this;
    const height = this.bottom - top + 1;
    const width = this.right - left + 1;
    const values: CellValue[][] = new Array(height);
    // Rows with no number format share one row of nulls: a sheet of plain counts keeps one
    // array for its formats rather than one per row.
    const unformatted: readonly (string | null)[] = Object.freeze(new Array<string | null>(width).fill(null));
    const numberFormats: (readonly (string | null)[])[] = new Array(height);
    for (let r = 0; r < height; r += 1) {
      values[r] = usedPart(this.cellRows[top + r], left, width);
      const formats = this.formatRows[top + r];
      numberFormats[r] = formats ? usedPart(formats, left, width) : unformatted;
    }
    return { name, top, left, values, numberFormats };
  }
}

/** Puts a value at (row, column) of rows kept from column 0, nulls filling the gaps before it. */
function put<T>(rows: (T | null)[][], row: number, column: number, value: T): void {
  let cells = rows[row];
  if (cells === undefined) {
    cells = [];
    rows[row] = cells;
  }
  while (cells.length < column) cells.push(null);
  if (cells.length === column) cells.push(value);
  else cells[column] = value;
}

/** A row kept from column 0 as the grid holds it: from `left`, `width` long, null where empty. */
function usedPart<T>(cells: (T | null)[] | undefined, left: number, width: number): (T | null)[] {
  if (cells === undefined) return new Array<T | null>(width).fill(null);
  const row = left > 0 ? cells.slice(left) : cells;
  while (row.length < width) row.push(null);
  return row;
}
