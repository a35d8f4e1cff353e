import { type CellValue, NumberFormats, type ResultSheet, columnLetters, isCellError } from "../../model";
import type { CellLook } from "./stylesPart";
import { xmlText } from "./xmlText";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** The number format a cell is written with: its own, else its column's; none for text. */
function formatOf(sheet: ResultSheet, row: number, column: number, value: CellValue): string | null {
  if (value instanceof Date) return NumberFormats.date;
  const numFmt = typeof value === "number" ? (sheet.cellFormats?.[row]?.[column] ?? sheet.columns[column]?.numberFormat ?? null) : null;
  return numFmt === NumberFormats.general ? null : numFmt;
}

/** Calls `visit` with each cell's row kind and format (empty data cells are not written). */
function eachStyledCell(sheet: ResultSheet, visit: (row: number, column: number, kind: CellLook["kind"], numFmt: string | null, value: CellValue) => void): void {
  sheet.rows.forEach((cells, i) => {
    const kind = sheet.rowKinds?.[i] ?? "data";
    const width = kind === "section" ? sheet.columns.length : cells.length;
    for (let c = 0; c < width; c += 1) {
      const value = cells[c] ?? null;
      if (value === null && kind !== "section") continue;
      visit(i, c, kind, formatOf(sheet, i, c, value), value);
    }
  });
}

/** Every look a sheet's cells take, so the styles part can be extended once before writing. */
export function sheetLooks(sheet: ResultSheet): CellLook[] {
  const seen = new Map<string, Set<string | null>>([["header", new Set([null])]]);
  eachStyledCell(sheet, (_r, _c, kind, numFmt) => {
    const formats = seen.get(kind) ?? new Set<string | null>();
    formats.add(numFmt);
    seen.set(kind, formats);
  });
  return [...seen].flatMap(([kind, formats]) => [...formats].map((numFmt) => ({ kind: kind as CellLook["kind"], numFmt })));
}

function cellXml(ref: string, value: CellValue, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (value === null) return `<c r="${ref}"${s}/>`;
  if (typeof value === "number") return `<c r="${ref}"${s}><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) return `<c r="${ref}"${s}><v>${(value.getTime() - EXCEL_EPOCH_MS) / 86400000}</v></c>`;
  if (isCellError(value)) return `<c r="${ref}"${s} t="e"><v>${xmlText(value.error)}</v></c>`;
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
}

/**
 * A result sheet as a SpreadsheetML worksheet part: the header row frozen, column widths, and
 * every cell with its style index (`styleOf`). Strings are written inline, so the workbook's
 * shared-string table is left as it is. Empty data cells are not written at all.
 */
export function sheetXml(sheet: ResultSheet, styleOf: (look: CellLook) => number): string {
  const width = Math.max(1, sheet.columns.length, ...sheet.rows.map((r) => r.length));
  const letters = Array.from({ length: width }, (_, c) => columnLetters(c));
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
  ];
  if (sheet.columns.length > 0) {
    parts.push("<cols>");
    sheet.columns.forEach((c, i) => parts.push(`<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`));
    parts.push("</cols>");
  }
  parts.push("<sheetData>");
  const header = styleOf({ kind: "header", numFmt: null });
  parts.push(`<row r="1">${sheet.columns.map((c, i) => cellXml(`${letters[i]}1`, c.header, header)).join("")}</row>`);
  // Style indexes by kind and format, looked up without building a key per cell.
  const styles = new Map<string, Map<string | null, number>>();
  const style = (kind: CellLook["kind"], numFmt: string | null): number => {
    let byFormat = styles.get(kind);
    if (!byFormat) styles.set(kind, (byFormat = new Map()));
    let index = byFormat.get(numFmt);
    if (index === undefined) byFormat.set(numFmt, (index = styleOf({ kind, numFmt })));
    return index;
  };
  let open = -1;
  let row = "";
  const close = (): void => {
    if (open >= 0) parts.push(`<row r="${open + 2}">${row}</row>`);
  };
  eachStyledCell(sheet, (i, c, kind, numFmt, value) => {
    if (i !== open) {
      close();
      open = i;
      row = "";
    }
    row += cellXml(`${letters[c]}${i + 2}`, value, style(kind, numFmt));
  });
  close();
  parts.push("</sheetData></worksheet>");
  return parts.join("");
}
