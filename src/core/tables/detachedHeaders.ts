// The model's own files, not its index: see "Hot paths" in docs/ARCHITECTURE.md.
import { type CellValue, isEmptyCell } from "../../model/cellValue";
import { type SheetGrid, gridCell } from "../../model/grid";
import { parseNumberCell } from "../parse/parseNumber";
import { parsePeriod } from "../parse/parsePeriod";
import type { Block } from "./findBlocks";

const HEADER_ROWS = 4;

/** Words: text that is no number (a number stored as text is a number) and no published marker. */
const isWords = (v: CellValue): boolean => {
  if (typeof v !== "string") return false;
  const parsed = parseNumberCell(v, null);
  return parsed.kind === "missing" && parsed.reason === "text";
};
/** A header cell: words or a period. */
const isHeaderWord = (v: CellValue): boolean => isWords(v) || parsePeriod(v) !== null;

function cellsOf(grid: SheetGrid, row: number, from: number, to: number): CellValue[] {
  const cells: CellValue[] = [];
  for (let c = from; c <= to; c += 1) cells.push(gridCell(grid, row, c));
  return cells;
}

/** Rows of words only (names, groups, units): a header, whatever stands below it. */
function isHeaderOnly(grid: SheetGrid, block: Block): boolean {
  if (block.bottom - block.top + 1 > HEADER_ROWS) return false;
  for (let r = block.top; r <= block.bottom; r += 1) {
    const filled = cellsOf(grid, r, block.left, block.right).filter((v) => !isEmptyCell(v));
    if (!filled.every(isHeaderWord)) return false;
  }
  return true;
}

/** A block whose first row is a label and numbers: data, with no header of its own. */
function startsWithData(grid: SheetGrid, block: Block): boolean {
  const values = cellsOf(grid, block.top, block.left + 1, block.right).filter((v) => !isEmptyCell(v));
  return values.length > 0 && !values.some(isWords);
}

/**
 * Joins headers that stand apart from their data: publications leave an empty row under their
 * units row ("Percentage change"), so the names and units make one block (or one per group of
 * columns, between spacer columns, where the units row stands under some columns only) and the
 * areas' rows the next. Each data block with no header of its own is joined with the blocks of
 * words that end just above it (one empty row between), within its columns and reaching its last
 * column, so the data's first row is never taken for a header, numbers stored as text or not.
 * The empty row stays inside the joined block; the reader passes over empty rows.
 */
export function joinDetachedHeaders(grid: SheetGrid, blocks: readonly Block[]): Block[] {
  const joined = new Map<Block, Block>();
  const parts = new Set<Block>();
  for (const data of blocks) {
    if (data.bottom === data.top || !startsWithData(grid, data)) continue;
    const pieces = blocks.filter(
      (h) =>
        h !== data &&
        !parts.has(h) &&
        h.bottom <= data.top - 2 &&
        h.bottom >= data.top - 3 &&
        h.left >= data.left &&
        h.right <= data.right &&
        isHeaderOnly(grid, h),
    );
    if (
      !pieces.some((h) => h.bottom === data.top - 2) ||
      !pieces.some((h) => h.right === data.right) ||
      !pieces.some((h) => h.left <= data.left + 1)
    )
      continue;
    joined.set(data, { ...data, top: Math.min(...pieces.map((h) => h.top)) });
    for (const h of pieces) parts.add(h);
  }
  return blocks.filter((b) => !parts.has(b)).map((b) => joined.get(b) ?? b);
}
