// The model's own files, not its index: see "Hot paths" in docs/ARCHITECTURE.md.
import { isEmptyCell } from "../../model/cellValue";
import { type SheetGrid, gridWidth } from "../../model/grid";

/** A rectangle of a sheet in zero-based sheet coordinates, bounds inclusive. */
export interface Block {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Splits a sheet into blocks of cells separated by fully empty rows or columns (recursive
 * XY-cut), so tables stacked or side by side come apart. Written here rather than taken from
 * a library because it is a dozen lines over our own grid type and no maintained package
 * works on cell grids. O(cells × depth).
 *
 * @example
 * findBlocks({ name: "S", top: 0, left: 0, values: [["A", 1, null, "B", 2], ["C", 3, null, "D", 4]] }).length //= 2
 */
export function findBlocks(grid: SheetGrid): Block[] {
  const height = grid.values.length;
  const width = gridWidth(grid);
  if (height === 0 || width === 0) return [];
  // One flag per cell, row after row, in one array: a typed array per row cost more than its flags.
  const filled = new Uint8Array(height * width);
  for (let r = 0; r < height; r += 1) {
    const row = grid.values[r];
    for (let c = 0; c < row.length; c += 1) if (!isEmptyCell(row[c])) filled[r * width + c] = 1;
  }
  const blocks: Block[] = [];
  cut({ flags: filled, width }, 0, height - 1, 0, width - 1, blocks);
  return blocks
    .map((b) => ({
      top: b.top + grid.top,
      bottom: b.bottom + grid.top,
      left: b.left + grid.left,
      right: b.right + grid.left,
    }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Which cells of the grid are filled: `flags[row * width + column]`. */
interface Filled {
  readonly flags: Uint8Array;
  readonly width: number;
}

function cut(filled: Filled, top: number, bottom: number, left: number, right: number, out: Block[]): void {
  const { flags, width } = filled;
  const rowUsed = (r: number): boolean => {
    for (let c = left; c <= right; c += 1) if (flags[r * width + c]) return true;
    return false;
  };
  const colUsed = (c: number): boolean => {
    for (let r = top; r <= bottom; r += 1) if (flags[r * width + c]) return true;
    return false;
  };
  while (top <= bottom && !rowUsed(top)) top += 1;
  while (bottom >= top && !rowUsed(bottom)) bottom -= 1;
  if (top > bottom) return;
  while (left <= right && !colUsed(left)) left += 1;
  while (right >= left && !colUsed(right)) right -= 1;

  const bands = runs(top, bottom, rowUsed);
  if (bands.length > 1) {
    for (const [a, b] of bands) cut(filled, a, b, left, right, out);
    return;
  }
  const columns = runs(left, right, colUsed);
  if (columns.length > 1) {
    for (const [a, b] of columns) cut(filled, top, bottom, a, b, out);
    return;
  }
  out.push({ top, bottom, left, right });
}

/** Maximal runs of used indexes in [from, to]. */
function runs(from: number, to: number, used: (i: number) => boolean): [number, number][] {
  const result: [number, number][] = [];
  let start = -1;
  for (let i = from; i <= to + 1; i += 1) {
    const u = i <= to && used(i);
    if (u && start < 0) start = i;
    if (!u && start >= 0) {
      result.push([start, i - 1]);
      start = -1;
    }
  }
  return result;
}
