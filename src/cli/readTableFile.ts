import { parse } from "csv-parse/sync";
import path from "node:path";
import { ExcelJsWorkbook } from "../adapters/exceljs";
import { type CellValue, InputError, type WorkbookGrids } from "../model";
import { readInputFile } from "./fileOutput";

/** Reads a CSV (one sheet named after the file) or an .xlsx workbook into grids. */
export async function readTableFile(file: string): Promise<WorkbookGrids> {
  const bytes = await readInputFile(file);
  if (/\.csv$/i.test(file)) {
    let rows: string[][];
    try {
      rows = parse(new TextDecoder().decode(bytes), { bom: true, relax_column_count: true, skip_empty_lines: true });
    } catch (error) {
      throw new InputError(null, `${file} is not readable CSV (${(error as Error).message})`);
    }
    const values: CellValue[][] = rows.map((r) => r.map((v) => (v.trim() === "" ? null : v)));
    return { sheets: [{ name: path.basename(file, path.extname(file)), top: 0, left: 0, values }] };
  }
  return (await ExcelJsWorkbook.fromBytes(bytes, file)).readWorkbook();
}
