import type ExcelJS from "exceljs";
import { type ResultSheet, quoteSheetName } from "../../model";
import { markerName, removeResultMarkers, resultSheetNames } from "./resultMarkers";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
const SECTION_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };

/**
 * Replaces the result sheets of an earlier run with these. Only sheets marked as ours are
 * removed; when an analyst's own sheet has the name we want, ours takes a free name instead.
 */
export function writeResultSheets(workbook: ExcelJS.Workbook, sheets: readonly ResultSheet[]): string[] {
  const ours = resultSheetNames(workbook);
  for (const name of ours) {
    const ws = workbook.getWorksheet(name);
    if (ws) workbook.removeWorksheet(ws.id);
  }
  removeResultMarkers(workbook);
  const written: string[] = [];
  for (const sheet of sheets) {
    const name = freeName(workbook, sheet.name);
    const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    fillSheet(ws, sheet);
    workbook.definedNames.add(`${quoteSheetName(name)}!$A$1`, markerName(sheet.name));
    written.push(name);
  }
  return written;
}

function freeName(workbook: ExcelJS.Workbook, wanted: string): string {
  if (!workbook.getWorksheet(wanted)) return wanted;
  for (let n = 2; ; n += 1) {
    const candidate = `${wanted} (${n})`;
    if (!workbook.getWorksheet(candidate)) return candidate;
  }
}

function fillSheet(ws: ExcelJS.Worksheet, sheet: ResultSheet): void {
  ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true, color: { argb: "FFFFFFFF" } };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", wrapText: true };
  });
  sheet.rows.forEach((cells, i) => {
    const row = ws.getRow(i + 2);
    const kind = sheet.rowKinds?.[i] ?? "data";
    cells.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      cell.value = value === null ? null : (value as ExcelJS.CellValue);
      const format = sheet.cellFormats?.[i]?.[c] ?? sheet.columns[c]?.numberFormat;
      if (format && typeof value === "number") cell.numFmt = format;
      if (kind === "section") {
        cell.font = { bold: true };
        cell.fill = SECTION_FILL;
      } else if (kind === "note") {
        cell.font = { italic: true };
      }
    });
    if (kind === "section" && cells.length < sheet.columns.length) {
      for (let c = cells.length; c < sheet.columns.length; c += 1) row.getCell(c + 1).fill = SECTION_FILL;
    }
  });
}
