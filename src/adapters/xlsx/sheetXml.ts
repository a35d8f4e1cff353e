import { type CellValue, NumberFormats, type ResultSheet, columnLetters, isCellError } from "../../model";
import type { CellLook } from "./stylesPart";
import { xmlText } from "./xmlText";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Every look a sheet's cells take, so the styles part can be extended once before writing. */
export function sheetLooks(sheet: ResultSheet): CellLook[] {
  const looks = new Map<string, CellLook>();
  const add = (look: CellLook): void => {
    looks.set(`${look.kind}|${look.numFmt ?? ""}`, look);
  };
  add({ kind: "header", numFmt: null });
  sheet.rows.forEach((cells, i) => {
    const kind = sheet.rowKinds?.[i] ?? "data";
    const width = kind === "section" ? sheet.columns.length : cells.length;
    for (let c = 0; c < width; c += 1) add(lookOf(sheet, i, c, kind, cells[c] ?? null));
  });
  return [...looks.values()];
}

function lookOf(sheet: ResultSheet, row: number, column: number, kind: CellLook["kind"], value: CellValue): CellLook {
  if (value instanceof Date) return { kind, numFmt: NumberFormats.date };
  const numFmt = typeof value === "number" ? (sheet.cellFormats?.[row]?.[column] ?? sheet.columns[column]?.numberFormat ?? null) : null;
  return { kind, numFmt: numFmt === NumberFormats.general ? null : numFmt };
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
  sheet.rows.forEach((cells, i) => {
    const kind = sheet.rowKinds?.[i] ?? "data";
    const r = i + 2;
    const count = kind === "section" ? sheet.columns.length : cells.length;
    let row = "";
    for (let c = 0; c < count; c += 1) {
      const value = cells[c] ?? null;
      if (value === null && kind !== "section") continue;
      row += cellXml(`${letters[c]}${r}`, value, styleOf(lookOf(sheet, i, c, kind, value)));
    }
    parts.push(row ? `<row r="${r}">${row}</row>` : "");
  });
  parts.push("</sheetData></worksheet>");
  return parts.join("");
}
