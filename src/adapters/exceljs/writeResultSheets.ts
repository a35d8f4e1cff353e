import type ExcelJS from "exceljs";
import {
  ResultColours,
  type ResultSheet,
  freeSheetName,
  markerName,
  quoteSheetName,
  resultNumberFormat,
} from "../../model";
import { removeResultMarkers, resultSheetNames } from "./resultMarkers";

const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: `FF${ResultColours.headerFill}` },
};
const SECTION_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: `FF${ResultColours.sectionFill}` },
};

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

/** Adds a sheet of the analyst's own (a template), styled like ours but not marked as a result sheet. */
export function addPlainSheet(workbook: ExcelJS.Workbook, sheet: ResultSheet): void {
  fillSheet(workbook.addWorksheet(freeName(workbook, sheet.name), { views: [{ state: "frozen", ySplit: 1 }] }), sheet);
}

function freeName(workbook: ExcelJS.Workbook, wanted: string): string {
  return freeSheetName(wanted, (name) => workbook.getWorksheet(name) !== undefined);
}

/**
 * Writing is dominated by styles: ExcelJS caches a style by object identity, so every cell
 * of one kind and format shares one style object, and empty cells are never created.
 */
function fillSheet(ws: ExcelJS.Worksheet, sheet: ResultSheet): void {
  ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
  const headerStyle: Partial<ExcelJS.Style> = {
    font: { bold: true, color: { argb: `FF${ResultColours.headerText}` } },
    fill: HEADER_FILL,
    alignment: { vertical: "middle", wrapText: true },
  };
  ws.getRow(1).eachCell((cell) => {
    cell.style = headerStyle;
  });
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleFor = (kind: string, numFmt: string | undefined): Partial<ExcelJS.Style> => {
    const key = `${kind}|${numFmt ?? ""}`;
    let style = styles.get(key);
    if (!style) {
      style = {};
      if (numFmt) style.numFmt = numFmt;
      if (kind === "section") {
        style.font = { bold: true };
        style.fill = SECTION_FILL;
      } else if (kind === "note") {
        style.font = { italic: true };
      }
      styles.set(key, style);
    }
    return style;
  };
  sheet.rows.forEach((cells, i) => {
    const row = ws.getRow(i + 2);
    const kind = sheet.rowKinds?.[i] ?? "data";
    const width = kind === "section" ? sheet.columns.length : cells.length;
    for (let c = 0; c < width; c += 1) {
      const value = cells[c] ?? null;
      if (value === null && kind !== "section") continue;
      const cell = row.getCell(c + 1);
      if (value !== null) cell.value = value as ExcelJS.CellValue;
      const format = typeof value === "number" ? (resultNumberFormat(sheet, i, c) ?? undefined) : undefined;
      if (format || kind !== "data") cell.style = styleFor(kind, format);
    }
  });
}
