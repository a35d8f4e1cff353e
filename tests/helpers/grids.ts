import type { CellValue, SheetGrid } from "../../src/model";

/** A sheet grid from rows of cells, starting at A1 unless told otherwise; frozen so mutation throws. */
export function sheet(
  name: string,
  rows: CellValue[][],
  options: { top?: number; left?: number; formats?: (string | null)[][] } = {},
): SheetGrid {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values = rows.map((r) => Object.freeze([...r, ...Array<CellValue>(width - r.length).fill(null)]));
  return Object.freeze({
    name,
    top: options.top ?? 0,
    left: options.left ?? 0,
    values: Object.freeze(values),
    numberFormats: options.formats ? Object.freeze(options.formats.map((r) => Object.freeze([...r]))) : undefined,
  });
}
