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
 * bounding rectangle (the used range), so readers need not know the sheet's size first.
 */
export class GridCollector {
  private readonly rows: number[] = [];
  private readonly columns: number[] = [];
  private readonly values: CellValue[] = [];
  private readonly formats: (string | null)[] = [];
  private top = Infinity;
  private left = Infinity;
  private bottom = -1;
  private right = -1;

  /** Adds the cell at zero-based sheet coordinates. */
  add(row: number, column: number, value: CellValue, format: string | null): void {
    this.rows.push(row);
    this.columns.push(column);
    this.values.push(value);
    this.formats.push(format);
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
    const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
    // Rows with no number format share one row of nulls: a sheet of plain counts keeps one
    // array for its formats rather than one per row.
    const unformatted: readonly (string | null)[] = Object.freeze(new Array<string | null>(width).fill(null));
    const numberFormats: (readonly (string | null)[])[] = new Array(height).fill(unformatted);
    for (let i = 0; i < this.values.length; i += 1) {
      const r = this.rows[i] - top;
      values[r][this.columns[i] - left] = this.values[i];
      const format = this.formats[i];
      if (format === null) continue;
      if (numberFormats[r] === unformatted) numberFormats[r] = new Array<string | null>(width).fill(null);
      (numberFormats[r] as (string | null)[])[this.columns[i] - left] = format;
    }
    return { name, top, left, values, numberFormats };
  }
}
