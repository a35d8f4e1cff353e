// The model's own files, not its index: see "Hot paths" in docs/ARCHITECTURE.md.
import type { CellValue } from "../../model/cellValue";
import { columnOfLetters } from "../../model/cellRef";
import { dateFromSerial } from "../../model/excelSerial";
import { GridCollector, type SheetGrid } from "../../model/grid";
import { isDateFormat } from "./numberFormats";
import { attributePattern, xmlUnescape } from "./xmlText";

/** What a worksheet's cells refer to elsewhere in the package. */
export interface SheetContext {
  readonly sharedStrings: readonly string[];
  /** The number format of each cell style (`s`), null for General or none. */
  readonly formats: readonly (string | null)[];
  readonly date1904: boolean;
}

/** The package is not laid out as this reader expects: the caller reads it with ExcelJS. */
export class UnreadablePart extends Error {}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
// A cell, its r, s and t read in place when they come in Excel's order (r, s, t); attributes in
// any other order land in the group after them and send the cell to the general reading.
const CELL = /<c\b(?: r="([A-Z]{1,3})(\d+)")?(?: s="(\d+)")?(?: t="(\w+)")?([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const VALUE = /<v(?:\s[^>]*)?>([^<]*)<\/v>/;
const REFERENCE = /^([A-Z]{1,3})(\d+)$/;
const MERGE = /<mergeCell\s[^>]*?ref\s*=\s*["']([A-Z]+\d+)(?::([A-Z]+\d+))?["']/g;

// The three attributes read on every row and cell, compiled once (values are plain ASCII).
const ATTRIBUTE = { r: attributePattern("r"), s: attributePattern("s"), t: attributePattern("t") } as const;
const attributeOf = (attributes: string, name: keyof typeof ATTRIBUTE): string | null =>
  ATTRIBUTE[name].exec(attributes)?.[2] ?? null;

const PLAIN_TEXT = /^<t(?:\s[^>]*)?>([^<]*)<\/t>$/;

/** The text of a string item or inline string that is one `<t>` (no rich-text runs or phonetic guides), else null. */
export function plainText(body: string): string | null {
  const plain = PLAIN_TEXT.exec(body);
  return plain ? xmlUnescape(plain[1]) : null;
}

/** The text of every `<t>` in a string item or inline string, phonetic runs left out. */
export function runText(body: string): string {
  const plain = plainText(body);
  if (plain !== null) return plain;
  let text = "";
  for (const m of body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) text += m[1];
  return xmlUnescape(text);
}

/** Zero-based row and column of an A1 reference, or null for a malformed one. */
function decodeReference(ref: string): [number, number] | null {
  const m = REFERENCE.exec(ref);
  return m && Number(m[2]) >= 1 ? [Number(m[2]) - 1, columnOfLetters(m[1])] : null;
}

/** Merged areas by row: every cell of one but its top-left is left out, as ExcelJS leaves it out. */
function mergedCovers(xml: string): ((row: number, column: number) => boolean) | null {
  const byRow = new Map<number, [number, number, number][]>();
  for (const m of xml.matchAll(MERGE)) {
    const from = decodeReference(m[1]);
    const to = m[2] ? decodeReference(m[2]) : from;
    if (!from || !to) throw new UnreadablePart(`a merged range ${m[0]} that cannot be read`);
    for (let r = from[0]; r <= to[0]; r += 1) {
      const list = byRow.get(r) ?? [];
      list.push([from[0], from[1], to[1]]);
      byRow.set(r, list);
    }
  }
  if (byRow.size === 0) return null;
  return (row, column) =>
    (byRow.get(row) ?? []).some(
      ([top, left, right]) => column >= left && column <= right && !(row === top && column === left),
    );
}

/** A cell's value from its type, body and style, read as ExcelJS reads it (dates from date formats). */
function cellValue(type: string | null, body: string, format: string | null, context: SheetContext): CellValue {
  if (type === "inlineStr") return runText(body) || null; // ExcelJS reads an empty inline string as empty
  // <v> is almost always bare; the regular expression is for one with attributes.
  const open = body.indexOf("<v>");
  const close = open >= 0 ? body.indexOf("</v>", open) : -1;
  const raw = close >= 0 ? body.slice(open + 3, close) : VALUE.exec(body)?.[1];
  if (raw === undefined || raw === "") return null;
  switch (type) {
    case "s": {
      const text = context.sharedStrings[Number(raw)];
      if (text === undefined) throw new UnreadablePart(`a shared string ${raw} that the workbook does not hold`);
      return text;
    }
    case "str":
      return xmlUnescape(raw);
    case "b":
      return parseInt(raw, 10) !== 0;
    case "e":
      return { error: xmlUnescape(raw) };
    case "d": {
      // An ISO 8601 date (Strict Open XML, and LibreOffice's option): a date without a zone is
      // a date as shown, held as UTC like every date of the model.
      const iso = xmlUnescape(raw).trim();
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes("T") ? iso : `${iso}Z`);
      return Number.isNaN(date.getTime()) ? iso : date;
    }
    default: {
      const number = parseFloat(raw);
      if (!isDateFormat(format)) return number;
      const date = dateFromSerial(number, context.date1904);
      return Number.isNaN(date.getTime()) ? number : date; // beyond any date: keep the number
    }
  }
}

/** Where a row's cells go as they are read: sheet row and column (zero-based), value, number format. */
export type CellSink = (row: number, column: number, value: CellValue, format: string | null) => void;

/**
 * Reads the `<row>` elements in `data` (all of sheetData, or any run of whole rows of it),
 * handing every non-empty cell to `onCell`. `previousRow` is the row before the first (rows
 * without `r` follow it); returns the last row read. Written for speed with regular
 * expressions over Excel's own layout (elements unprefixed, attributes quoted); anything else
 * raises UnreadablePart so the workbook is read by ExcelJS instead.
 */
export function readSheetRows(
  name: string,
  data: string,
  context: SheetContext,
  onCell: CellSink,
  previousRow = -1,
  merged: ((row: number, column: number) => boolean) | null = null,
): number {
  let row = previousRow;
  // exec with lastIndex rather than matchAll, which clones the expression for every row.
  const rows = new RegExp(ROW);
  const cellsOf = new RegExp(CELL);
  for (let r = rows.exec(data); r !== null; r = rows.exec(data)) {
    const rowNumber = attributeOf(r[1], "r");
    row = rowNumber === null ? row + 1 : Number(rowNumber) - 1;
    if (!(row >= 0)) throw new UnreadablePart(`sheet ${name} has a row numbered ${rowNumber}`);
    const rowBody = r[2];
    if (!rowBody) continue;
    let column = -1;
    cellsOf.lastIndex = 0;
    for (let c = cellsOf.exec(rowBody); c !== null; c = cellsOf.exec(rowBody)) {
      let letters: string | undefined = c[1];
      let digits: string | undefined = c[2];
      let style: string | undefined = c[3];
      let type: string | undefined = c[4];
      const other = c[5];
      if (other && /[rst]\s*=/.test(other)) {
        const attributes = c[0].slice(2, c[0].indexOf(">"));
        const ref = attributeOf(attributes, "r");
        const at = ref === null ? null : REFERENCE.exec(ref);
        if (ref !== null && !at) throw new UnreadablePart(`sheet ${name} has a cell reference ${ref}`);
        [letters, digits, style, type] = [
          at?.[1],
          at?.[2],
          attributeOf(attributes, "s") ?? undefined,
          attributeOf(attributes, "t") ?? undefined,
        ];
      }
      if (letters === undefined) column += 1;
      else {
        if (Number(digits) - 1 !== row)
          throw new UnreadablePart(`sheet ${name} has a cell ${letters}${digits} in row ${row + 1}`);
        column = columnOfLetters(letters);
      }
      const body = c[6];
      if (!body) continue;
      if (merged?.(row, column)) continue;
      // Style 0 is read as no style, as ExcelJS reads it, so the two readers agree.
      const format = style === undefined || style === "0" ? null : (context.formats[Number(style)] ?? null);
      const value = cellValue(type ?? null, body, format, context);
      if (value === null) continue;
      onCell(row, column, value, format);
    }
  }
  return row;
}

/** Throws unless the start of a worksheet part is laid out as Excel writes it. */
export function checkSheetLayout(name: string, xml: string): void {
  if (!/<worksheet[\s>]/.test(xml) || xml.indexOf("<sheetData") < 0)
    throw new UnreadablePart(`sheet ${name} is not laid out as Excel writes it`);
  if (xml.includes("<![CDATA[")) throw new UnreadablePart(`sheet ${name} holds CDATA sections`);
}

/** Roughly how much sheet XML is read between turns of the page: whole rows, a few milliseconds' work. */
const SLICE = 1 << 18;

/**
 * One worksheet part as a grid: its used range of non-empty cells, with formats. The rows are
 * read a slice of whole rows at a time, with `turn` asked between slices, so a sheet of tens of
 * thousands of rows leaves the task pane its turns (the command line's `turn` never waits).
 */
export async function readSheetCells(
  name: string,
  xml: string,
  context: SheetContext,
  turn: () => Promise<void> | null = () => null,
): Promise<SheetGrid> {
  checkSheetLayout(name, xml);
  const dataStart = xml.indexOf("<sheetData");
  const found = xml.indexOf("</sheetData>", dataStart);
  const dataEnd = found < 0 ? xml.length : found;
  const merged = mergedCovers(xml.slice(dataEnd));
  const cells = new GridCollector();
  const sink: CellSink = (row, column, value, format) => cells.add(row, column, value, format);
  let previous = -1;
  for (let at = dataStart; at < dataEnd;) {
    // A slice ends just after a "</row>", so it holds whole rows (a self-closed row is whole too).
    const close = at + SLICE < dataEnd ? xml.indexOf("</row>", at + SLICE) : -1;
    const cut = close < 0 || close >= dataEnd ? dataEnd : close + 6;
    previous = readSheetRows(name, xml.slice(at, cut), context, sink, previous, merged);
    at = cut;
    const paused = turn();
    if (paused) await paused;
  }
  return cells.grid(name);
}
