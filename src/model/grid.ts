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
  /** True when the sheet is one of ours (a result sheet written by an earlier run). */
  readonly isResultSheet?: boolean;
}

/** A whole workbook as the core sees it. */
export interface WorkbookGrids {
  readonly sheets: readonly SheetGrid[];
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
