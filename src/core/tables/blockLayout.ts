import { type CellValue, cellText, isEmptyCell } from "../../model/cellValue";
import { type SheetGrid, gridCell } from "../../model/grid";
import { parseNumberCell } from "../parse/parseNumber";
import { isText } from "./blockMatrix";
import type { Block } from "./findBlocks";

// How a sheet's blocks of cells are put together before tables are read from them: parts of one
// table split by spacer columns joined, and a title line standing apart given to its table.

/**
 * Blocks side by side that are one table with empty spacer columns inside (as published
 * tables space their column groups): the block to the right has no labels of its own (its
 * first column holds more numbers than text) and ends on the same row, so its rows carry on the
 * rows to the left. A block with its own labels is a second table beside the first.
 */
export function acrossSpacers(grid: SheetGrid, blocks: Block[]): Block[] {
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

/** A one-line block of text just above a table (a blank row between) is that table's title. */
export function detachedTitles(
  grid: SheetGrid,
  blocks: Block[],
): { byBlock: Map<Block, string>; consumed: Set<Block> } {
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
