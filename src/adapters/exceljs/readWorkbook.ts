import type ExcelJS from "exceljs";
import { type CellValue, GridCollector, type SheetGrid, type WorkbookGrids, unreadResultSheet } from "../../model";
import { resultSheetNames } from "./resultMarkers";

/** Turns an ExcelJS cell value (formula, rich text, hyperlink, ...) into the core's plain cell. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("error" in value) return { error: String(value.error) };
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === "object" && result !== null && "error" in result)
        return { error: String((result as { error: unknown }).error) };
      return result as CellValue;
    }
    if ("text" in value) {
      const text = (value as { text: unknown }).text;
      if (typeof text === "string") return text;
      if (typeof text === "object" && text !== null && "richText" in text) {
        return (text as { richText: { text: string }[] }).richText.map((p) => p.text).join("");
      }
    }
  }
  return null;
}

/** Reads one worksheet's used range into a grid (merged cells keep their value in the top-left cell only). */
export function readSheet(worksheet: ExcelJS.Worksheet): SheetGrid {
  const cells = new GridCollector();
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      const value = toCellValue(cell.value);
      if (value !== null) cells.add(rowNumber - 1, colNumber - 1, value, cell.numFmt ?? null);
    });
  });
  return cells.grid(worksheet.name);
}

/** Reads every worksheet of a loaded ExcelJS workbook into the core's model. */
export function readWorkbook(workbook: ExcelJS.Workbook): WorkbookGrids {
  const ours = resultSheetNames(workbook);
  return { sheets: workbook.worksheets.map((ws) => (ours.has(ws.name) ? unreadResultSheet(ws.name) : readSheet(ws))) };
}
