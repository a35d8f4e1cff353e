import {
  type CellValue,
  type SheetGrid,
  cellText,
  gridCell,
  gridFormat,
  isEmptyCell,
  sheetCellRef,
  sheetRangeRef,
} from "../../model";
import { type Finding, finding } from "../findings";
import { type ParsedCell, parseNumberCell } from "../parse/parseNumber";
import { looksLikeMonths, parsePeriod } from "../parse/parsePeriod";
import { type Block, findBlocks } from "./findBlocks";
import { headerRole, isAggregateLabel, isNonCountHeader } from "./labels";
import type { DerivedColumn, DiscoveredTable, SourceCell, TableRow, ValueColumn } from "./table";

/** One cell of a block, carrying its sheet address through any turning round. */
interface BlockCell extends SourceCell {
  readonly value: CellValue;
  readonly format: string | null;
}
type Matrix = BlockCell[][];

/**
 * Finds every table on a sheet with no template: several tables per sheet (stacked or side
 * by side), a title line above each, periods in any written form and any order, years down
 * the rows (turned round), typed derived columns, comment columns and aggregate rows.
 */
export function discoverTables(grid: SheetGrid): DiscoveredTable[] {
  const tables: DiscoveredTable[] = [];
  const blocks = findBlocks(grid);
  const titles = detachedTitles(grid, blocks);
  for (const block of blocks) {
    if (titles.consumed.has(block)) continue;
    const matrix = blockMatrix(grid, block);
    readBlock(grid.name, matrix, titles.byBlock.get(block) ?? null, tables);
  }
  return tables;
}

function blockMatrix(grid: SheetGrid, block: Block): Matrix {
  const m: Matrix = [];
  for (let r = block.top; r <= block.bottom; r += 1) {
    const row: BlockCell[] = [];
    for (let c = block.left; c <= block.right; c += 1) {
      row.push({ row: r, column: c, value: gridCell(grid, r, c), format: gridFormat(grid, r, c) });
    }
    m.push(row);
  }
  return m;
}

const isText = (v: CellValue): boolean => typeof v === "string" && v.trim() !== "" && parseNumberCell(v, null).kind === "missing";

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
      .filter((b) => b !== title && b.top > title.bottom && b.top - title.bottom <= 3 && b.left <= title.left && title.left <= b.right && b.bottom > b.top)
      .sort((a, b) => a.top - b.top)[0];
    if (!below || byBlock.has(below)) continue;
    byBlock.set(below, filled.map(cellText).join(" "));
    consumed.add(title);
  }
  return { byBlock, consumed };
}

const nonEmpty = (row: BlockCell[]): BlockCell[] => row.filter((c) => !isEmptyCell(c.value));
const isHeaderLike = (row: BlockCell[]): boolean => {
  const cells = nonEmpty(row);
  return cells.length >= 2 && cells.every((c) => isText(c.value) || parsePeriod(c.value) !== null);
};
const isTitleRow = (row: BlockCell[]): boolean => {
  const cells = nonEmpty(row);
  return cells.length >= 1 && cells.length <= Math.max(1, Math.floor(row.length / 2)) && cells.every((c) => isText(c.value));
};
const norm = (v: CellValue): string => cellText(v).toLowerCase().replace(/\s+/g, " ");

function columnSlice(m: Matrix, from: number, to: number): Matrix {
  return m.map((row) => row.slice(from, to));
}

function transpose(m: Matrix): Matrix {
  const width = m[0]?.length ?? 0;
  const t: Matrix = [];
  for (let c = 0; c < width; c += 1) t.push(m.map((row) => row[c]));
  return t;
}

/** Columns where a second table starts on the same header row (repeated label header or periods). */
function sideBySideSplits(header: BlockCell[]): number[] {
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
      if (earlier && earlier.order === period.order && earlier.kind === period.kind && !parsePeriod(header[j - 1].value)) {
        splits.push(j - 1);
        start = j - 1;
        break;
      }
    }
  }
  return splits;
}

function readBlock(sheet: string, m: Matrix, outerTitle: string | null, tables: DiscoveredTable[], knownTitleRows?: number): void {
  let k = knownTitleRows ?? 0;
  if (knownTitleRows === undefined) {
    while (m.length - k >= 3 && k < 3 && isTitleRow(m[k]) && isHeaderLike(m[k + 1])) k += 1;
  }
  if (m.length - k < 2) return;

  const splits = sideBySideSplits(m[k]);
  if (splits.length > 0) {
    const edges = [0, ...splits, m[0].length];
    for (let s = 0; s + 1 < edges.length; s += 1) {
      readBlock(sheet, columnSlice(m, edges[s], edges[s + 1]), s === 0 ? outerTitle : null, tables, k);
    }
    return;
  }

  const titleParts = m.slice(0, k).map((row) => nonEmpty(row).map((c) => cellText(c.value)).join(" ")).filter((t) => t !== "");
  const nearTitle = titleParts.join(" – ") || null;
  const title = [outerTitle, nearTitle].filter((t): t is string => !!t).join(" – ") || null;
  let body = m.slice(k);
  let transposed = false;
  const headerPeriods = body[0].slice(1).filter((c) => parsePeriod(c.value)).length;
  // Only a table without periods across may have them down the rows.
  if (headerPeriods < 2 && body.slice(1).filter((row) => parsePeriod(row[0].value)).length >= 2) {
    body = transpose(body);
    transposed = true;
  }
  const table = buildTable(sheet, body, title, nearTitle, transposed);
  if (table) tables.push(table);
}

function buildTable(sheet: string, m: Matrix, title: string | null, nearTitle: string | null, transposed: boolean): DiscoveredTable | null {
  const findings: Finding[] = [];
  const header = m[0];
  const bodyRows = m.slice(1);
  let columns: (ValueColumn & { index: number })[] = [];
  const derived: (DerivedColumn & { index: number })[] = [];
  const categories: (ValueColumn & { index: number })[] = [];

  for (let j = 1; j < header.length; j += 1) {
    const cell = header[j];
    const text = cellText(cell.value);
    const period = parsePeriod(cell.value);
    const at = { row: cell.row, column: cell.column };
    if (period) {
      columns.push({ header: period.label, headerCell: at, period, nonCount: false, index: j });
      continue;
    }
    const role = headerRole(text);
    if (role === "difference" || role === "pctChange") {
      derived.push({ header: text, role, headerCell: at, index: j });
      continue;
    }
    if (role === "comment" || role === "coordinate") continue;
    const parsed = bodyRows.map((row) => parseNumberCell(row[j].value, row[j].format));
    const numbers = parsed.filter((p) => p.kind === "number").length;
    const words = parsed.filter((p) => p.kind === "missing" && p.reason === "text").length;
    const filled = bodyRows.filter((row) => !isEmptyCell(row[j].value)).length;
    // A headed column of numbers and suppressed markers is data even when every value is
    // suppressed; an unheaded one needs at least one number.
    const headed = text !== "";
    if ((numbers >= 1 || headed) && words * 2 <= filled && (filled > 0 || headed)) {
      categories.push({ header: text || `Column ${j + 1}`, headerCell: at, period: null, nonCount: isNonCountHeader(text), index: j });
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
      findings.push(finding(sheet, sheetCellRef(sheet, header[0].row, header[0].column), "warning", "unordered-periods",
        "mixes relative periods (Last year / This year) with dated ones, so the columns are kept in sheet order"));
    } else {
      columns = [...columns].sort((a, b) => (a.period?.order ?? 0) - (b.period?.order ?? 0));
    }
    for (let i = 1; i < columns.length; i += 1) {
      if (columns[i].period?.order === columns[i - 1].period?.order && kinds.size === 1) {
        findings.push(finding(sheet, sheetCellRef(sheet, columns[i].headerCell.row, columns[i].headerCell.column), "warning",
          "duplicate-period", `period "${columns[i].header}" appears twice in one table`));
      }
    }
  }

  const rows: TableRow[] = [];
  let numbersSeen = 0;
  for (const row of bodyRows) {
    const labelCell = row[0];
    let label = cellText(labelCell.value);
    const valueCells = columns.map((c) => row[c.index]);
    const filledValues = valueCells.filter((c) => !isEmptyCell(c.value)).length;
    if (label === "" && filledValues === 0) continue;
    if (filledValues === 0 && (label.length > 60 || /^(source|note|notes|\*|n\.?b\.?)\b/i.test(label))) continue;
    if (label === "") {
      label = `Row ${labelCell.row + 1}`;
      findings.push(finding(sheet, sheetCellRef(sheet, labelCell.row, labelCell.column), "warning", "unlabelled-row", "row has values but no label"));
    }
    const values = valueCells.map((c) => parseNumberCell(c.value, c.format));
    values.forEach((v, i) => {
      if (v.kind === "number") numbersSeen += 1;
      else noteMissing(sheet, valueCells[i], v, label, columns[i].header, findings);
    });
    const derivedCells = derived.map((d) => row[d.index]);
    rows.push({
      label,
      labelCell: { row: labelCell.row, column: labelCell.column },
      aggregate: isAggregateLabel(label),
      values,
      valueCells: valueCells.map((c) => ({ row: c.row, column: c.column })),
      derived: derivedCells.map((c) => parseNumberCell(c.value, c.format)),
      derivedCells: derivedCells.map((c) => ({ row: c.row, column: c.column })),
    });
  }
  if (numbersSeen === 0) return null;

  const months = looksLikeMonths(rows.filter((r) => !r.aggregate).map((r) => r.label));
  const kind = isPeriodTable ? (months ? "months" : "periods") : "categories";
  // The block is a rectangle (turned round or not), so its corners bound it; spreading
  // millions of cells into Math.min would overflow the stack.
  const corners = [m[0][0], m[0][m[0].length - 1], m[m.length - 1][0], m[m.length - 1][m[0].length - 1]];
  const top = Math.min(...corners.map((c) => c.row));
  const bottom = Math.max(...corners.map((c) => c.row));
  const left = Math.min(...corners.map((c) => c.column));
  const right = Math.max(...corners.map((c) => c.column));
  const strip = <T extends { index: number }>(c: T): Omit<T, "index"> => {
    const { index: _index, ...rest } = c;
    return rest;
  };
  return {
    sheet,
    range: sheetRangeRef(sheet, top, left, bottom, right),
    title,
    labelHeader: cellText(header[0].value),
    kind,
    transposed,
    columns: columns.map(strip),
    derived: derived.map(strip),
    rows,
    findings,
  };
}

function noteMissing(sheet: string, cell: BlockCell, parsed: ParsedCell, label: string, column: string, findings: Finding[]): void {
  if (parsed.kind !== "missing") return;
  const at = sheetCellRef(sheet, cell.row, cell.column);
  const where = `"${label}", ${column}`;
  if (parsed.reason === "text") {
    findings.push(finding(sheet, at, "warning", "not-a-number", `"${parsed.text}" is not a number (${where}); read as missing`, parsed.text, null));
  } else if (parsed.reason === "error") {
    findings.push(finding(sheet, at, "warning", "cell-error", `Excel error ${parsed.text} (${where}); read as missing`, parsed.text, null));
  } else if (parsed.reason === "suppressed") {
    findings.push(finding(sheet, at, "info", "suppressed-value", `suppressed value "${parsed.text}" (${where}) read as missing, not zero`, parsed.text, null));
  } else {
    findings.push(finding(sheet, at, "info", "missing-value", `empty cell (${where}) read as missing, not zero`));
  }
}
