// The model's own files, not its index: see "Hot paths" in docs/ARCHITECTURE.md.
import type { CellValue } from "../../model/cellValue";
import { columnLetters } from "../../model/cellRef";
import { serialFromDate } from "../../model/excelSerial";
import { NumberFormats, type ResultSheet, resultNumberFormat } from "../../model/resultSheet";
import type { CellLook } from "./stylesPart";
import type { SharedStrings } from "./sharedStringsPart";
import { textElement, xmlText } from "./xmlText";

/** A cell after its reference: ` s="4" t="inlineStr"><is><t>Area 1</t></is></c>`. */
function cellTail(value: CellValue, style: number): string {
  const start = style ? ` s="${style}"` : "";
  if (value === null) return `${start}/>`;
  if (typeof value === "number") return `${start}><v>${value}</v></c>`;
  if (typeof value === "string") return `${start} t="inlineStr"><is>${textElement(value)}</is></c>`;
  if (typeof value === "boolean") return `${start} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) return `${start}><v>${serialFromDate(value)}</v></c>`;
  return `${start} t="e"><v>${xmlText(value.error)}</v></c>`;
}

/** A shared string's tail after its reference: ` s="4" t="s"><v>12</v></c>`. */
function sharedTail(index: number, style: number): string {
  return `${style ? ` s="${style}"` : ""} t="s"><v>${index}</v></c>`;
}

/**
 * The longest text looked up in the shared-string table when it first appears in a column: names
 * (wards, crimes, periods, titles) are shorter, and hashing a sentence that is almost never there
 * (a headline) costs more than sharing it would save. Text repeating down a column is shared
 * whatever its length.
 */
const LOOKED_UP = 64;

/**
 * Roughly how many characters each yielded piece of a sheet part holds: small enough that the
 * pieces die young, large enough that the generator's own cost does not show.
 */
const PIECE = 16 * 1024;

/** The part's XML up to its first data row: the frozen header row, column widths and the header's cells. */
function sheetHead(
  sheet: ResultSheet,
  letters: readonly string[],
  styleOf: (look: CellLook) => number,
  namespaces: (text: string) => string,
): string {
  let head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    namespaces(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    ) +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>';
  if (sheet.columns.length > 0) {
    head += `<cols>${sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join("")}</cols>`;
  }
  const header = styleOf({ kind: "header", numFmt: null });
  return `${head}<sheetData><row r="1">${sheet.columns.map((c, i) => `<c r="${letters[i]}1"${cellTail(c.header, header)}`).join("")}</row>`;
}

/** Style indexes by kind and format, looked up without building a key per cell. */
function styleLookup(styleOf: (look: CellLook) => number) {
  const styles = new Map<string, Map<string | null, number>>();
  const stylesOf = (kind: CellLook["kind"]): Map<string | null, number> => {
    let byFormat = styles.get(kind);
    if (!byFormat) styles.set(kind, (byFormat = new Map()));
    return byFormat;
  };
  const style = (byFormat: Map<string | null, number>, kind: CellLook["kind"], numFmt: string | null): number => {
    let index = byFormat.get(numFmt);
    if (index === undefined) byFormat.set(numFmt, (index = styleOf({ kind, numFmt })));
    return index;
  };
  return { stylesOf, style };
}

/**
 * Writes one data row's XML into `parts` and returns about how many characters it added. Keeps
 * what repeats from row to row: each style's number openings, and each column's last value.
 */
function rowWriter(
  sheet: ResultSheet,
  letters: readonly string[],
  styleOf: (look: CellLook) => number,
  strings: SharedStrings,
): (i: number, parts: string[]) => number {
  const { stylesOf, style } = styleLookup(styleOf);
  // The opening `<c r="…` of each column, so a referenced cell costs its row number and its tail.
  const opens = letters.map((l) => `<c r="${l}`);
  // A number's tail up to its value (` s="6"><v>`) by style index, and the whole opening of an
  // unreferenced number (`<c s="6"><v>`): numbers are most cells, and are written as pieces
  // rather than a string made for each.
  const numberOpens: string[] = [];
  const numberCells: string[] = [];
  // The end of a number and the opening of the next one beside it (`</v></c><c s="6"><v>`): a
  // number's end is written with whatever follows it, a piece fewer for each run of numbers.
  const numberAfterNumber: string[] = [];
  // Each column's last value, style, tail and unreferenced cell: a column repeating a value (the
  // sheet or table name down a long list) looks it up and formats it once, and from its second
  // row on shares it.
  const lastValue: CellValue[] = letters.map(() => undefined as unknown as CellValue);
  const lastStyle: number[] = letters.map(() => -1);
  const lastTail: string[] = letters.map(() => "");
  const lastCell: string[] = letters.map(() => "");
  const lastShared: boolean[] = letters.map(() => false);
  return (i, parts) => {
    let size = 0;
    const row = String(i + 2);
    const cells = sheet.rows[i];
    const kind = sheet.rowKinds?.[i] ?? "data";
    const byFormat = stylesOf(kind);
    const width = kind === "section" ? sheet.columns.length : cells.length;
    parts.push('<row r="', row, '">');
    // The column a cell without a reference would stand in: none before the row's first cell.
    let next = -1;
    // Whether the last cell written is a number still to be closed with `</v></c>`.
    let numberOpen = false;
    for (let c = 0; c < width; c += 1) {
      const value = cells[c] ?? null;
      if ((value === null || value === "") && kind !== "section") continue; // an empty string is an empty cell
      // A number takes its own format, else its column's; a date the date format; text none.
      let numFmt: string | null = null;
      if (typeof value === "number") numFmt = resultNumberFormat(sheet, i, c);
      else if (value instanceof Date) numFmt = NumberFormats.date;
      const s = style(byFormat, kind, numFmt === NumberFormats.general ? null : numFmt);
      if (typeof value === "number") {
        if (numberOpens[s] === undefined) {
          numberOpens[s] = s ? ` s="${s}"><v>` : "><v>";
          numberCells[s] = `<c${numberOpens[s]}`;
          numberAfterNumber[s] = `</v></c>${numberCells[s]}`;
        }
        if (c === next) parts.push(numberOpen ? numberAfterNumber[s] : numberCells[s], String(value));
        else {
          if (numberOpen) parts.push("</v></c>");
          parts.push(opens[c], row, '"', numberOpens[s], String(value));
        }
        numberOpen = true;
        next = c + 1;
        size += 28;
        continue;
      }
      if (numberOpen) {
        parts.push("</v></c>");
        numberOpen = false;
      }
      if (value !== lastValue[c] || s !== lastStyle[c]) {
        const index =
          typeof value === "string" && value !== "" && value.length <= LOOKED_UP ? strings.find(value) : undefined;
        lastValue[c] = value;
        lastStyle[c] = s;
        lastShared[c] = index !== undefined;
        lastTail[c] = index !== undefined ? sharedTail(index, s) : cellTail(value, s);
        lastCell[c] = `<c${lastTail[c]}`;
      } else if (!lastShared[c] && typeof value === "string" && value !== "") {
        lastShared[c] = true;
        lastTail[c] = sharedTail(strings.add(value), s);
        lastCell[c] = `<c${lastTail[c]}`;
      }
      if (c === next) parts.push(lastCell[c]);
      else parts.push(opens[c], row, '"', lastTail[c]);
      next = c + 1;
      size += lastCell[c].length;
    }
    parts.push(numberOpen ? "</v></c></row>" : "</row>");
    size += 20;
    return size;
  };
}

/**
 * A result sheet as a SpreadsheetML worksheet part, in pieces, so a large sheet is encoded and
 * compressed while the rest is still being written: the header row frozen, column
 * widths, and every cell with its style index (`styleOf`); `namespaces` puts the root's
 * namespaces in the package's flavour (Strict's, for a Strict package). Text the workbook's shared-string
 * table holds, or that repeats down a column, is written as a shared string (`strings`, which
 * it adds to); other text inline. Empty data cells are not written at all.
 *
 * The first cell of each row, and a cell after a gap, carry their reference (`r="C7"`); a cell
 * right after its neighbour does not, and stands in the next column, as ECMA-376 allows
 * (§18.3.1.4) and Excel, LibreOffice and ExcelJS read. That makes the part a sixth smaller and
 * quicker to write and compress.
 *
 * Each piece is gathered as a list of strings and joined once: joining copies them into one
 * flat string, where `+=` would leave a rope of several linked strings per cell for the
 * collector and the encoder to walk.
 */
export function* sheetXmlPieces(
  sheet: ResultSheet,
  styleOf: (look: CellLook) => number,
  strings: SharedStrings,
  namespaces: (text: string) => string = (text) => text,
): Generator<string> {
  const width = Math.max(1, sheet.columns.length, ...sheet.rows.map((r) => r.length));
  const letters = Array.from({ length: width }, (_, c) => columnLetters(c));
  const head = sheetHead(sheet, letters, styleOf, namespaces);
  const writeRow = rowWriter(sheet, letters, styleOf, strings);
  let parts: string[] = [head];
  let size = head.length;
  for (let i = 0; i < sheet.rows.length; i += 1) {
    if (size > PIECE) {
      yield parts.join("");
      parts = [];
      size = 0;
    }
    size += writeRow(i, parts);
  }
  parts.push("</sheetData></worksheet>");
  yield parts.join("");
}
