// The model's own files, not its index: see "Hot paths" in docs/ARCHITECTURE.md.
import type { CellValue } from "../../model/cellValue";
import { columnLetters } from "../../model/cellRef";
import { serialFromDate } from "../../model/excelSerial";
import { NumberFormats, type ResultSheet, resultNumberFormat } from "../../model/resultSheet";
import type { CellLook } from "./stylesPart";
import { xmlText } from "./xmlText";

/** A cell after its reference: `" s="4" t="inlineStr"><is><t>Area 1</t></is></c>`. */
function cellTail(value: CellValue, style: number): string {
  const start = style ? `" s="${style}"` : '"';
  if (value === null) return `${start}/>`;
  if (typeof value === "number") return `${start}><v>${value}</v></c>`;
  if (typeof value === "string") {
    // Only XML's own white space (space, tab, CR, LF) is at risk of being trimmed.
    const space = value.length > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32) ? ' xml:space="preserve"' : "";
    return `${start} t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
  }
  if (typeof value === "boolean") return `${start} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) return `${start}><v>${serialFromDate(value)}</v></c>`;
  return `${start} t="e"><v>${xmlText(value.error)}</v></c>`;
}

/**
 * Roughly how many characters each yielded piece of a sheet part holds: small enough that the
 * pieces die young, large enough that the generator's own cost does not show.
 */
const PIECE = 16 * 1024;

/**
 * A result sheet as a SpreadsheetML worksheet part, in pieces, so a large sheet is encoded and
 * compressed while the rest is still being written: the header row frozen, column
 * widths, and every cell with its style index (`styleOf`). Strings are written inline, so the
 * workbook's shared-string table is left as it is. Empty data cells are not written at all.
 *
 * Each piece is gathered as a list of strings and joined once: joining copies them into one
 * flat string, where `+=` would leave a rope of several linked strings per cell for the
 * collector and the encoder to walk.
 */
export function* sheetXmlPieces(sheet: ResultSheet, styleOf: (look: CellLook) => number): Generator<string> {
  const width = Math.max(1, sheet.columns.length, ...sheet.rows.map((r) => r.length));
  const letters = Array.from({ length: width }, (_, c) => columnLetters(c));
  let head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>';
  if (sheet.columns.length > 0) {
    head += `<cols>${sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join("")}</cols>`;
  }
  const header = styleOf({ kind: "header", numFmt: null });
  head += `<sheetData><row r="1">${sheet.columns.map((c, i) => `<c r="${letters[i]}1${cellTail(c.header, header)}`).join("")}</row>`;
  // Style indexes by kind and format, looked up without building a key per cell.
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
  // The opening `<c r="…` of each column, so a cell costs its row number and its tail.
  const opens = letters.map((l) => `<c r="${l}`);
  // A number's tail up to its value (`" s="6"><v>`) by style index: numbers are most cells, and
  // are written as pieces rather than a tail string made for each.
  const numberOpens: string[] = [];
  // Each column's last value, style and tail: a column repeating a value (the sheet or table
  // name down a long list) escapes and formats it once.
  const lastValue: CellValue[] = letters.map(() => undefined as unknown as CellValue);
  const lastStyle: number[] = letters.map(() => -1);
  const lastTail: string[] = letters.map(() => "");
  let parts: string[] = [head];
  let size = head.length;
  for (let i = 0; i < sheet.rows.length; i += 1) {
    if (size > PIECE) {
      yield parts.join("");
      parts = [];
      size = 0;
    }
    const row = String(i + 2);
    const cells = sheet.rows[i];
    const kind = sheet.rowKinds?.[i] ?? "data";
    const byFormat = stylesOf(kind);
    const width = kind === "section" ? sheet.columns.length : cells.length;
    parts.push('<row r="', row, '">');
    for (let c = 0; c < width; c += 1) {
      const value = cells[c] ?? null;
      if ((value === null || value === "") && kind !== "section") continue; // an empty string is an empty cell
      // A number takes its own format, else its column's; a date the date format; text none.
      let numFmt: string | null = null;
      if (typeof value === "number") numFmt = resultNumberFormat(sheet, i, c);
      else if (value instanceof Date) numFmt = NumberFormats.date;
      const s = style(byFormat, kind, numFmt === NumberFormats.general ? null : numFmt);
      if (typeof value === "number") {
        const open = (numberOpens[s] ??= s ? `" s="${s}"><v>` : '"><v>');
        parts.push(opens[c], row, open, String(value), "</v></c>");
        size += 32;
        continue;
      }
      if (value !== lastValue[c] || s !== lastStyle[c]) {
        lastValue[c] = value;
        lastStyle[c] = s;
        lastTail[c] = cellTail(value, s);
      }
      parts.push(opens[c], row, lastTail[c]);
      size += lastTail[c].length + 12;
    }
    parts.push("</row>");
    size += 20;
  }
  parts.push("</sheetData></worksheet>");
  yield parts.join("");
}
