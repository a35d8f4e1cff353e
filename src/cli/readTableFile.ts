import Papa from "papaparse";
import path from "node:path";
import { ExcelJsWorkbook } from "../adapters/exceljs";
import { nodeDeflateCodec } from "./nodeDeflateCodec";
import { type CellValue, InputError, type WorkbookGrids } from "../model";
import { readInputFile } from "./fileOutput";

/** Reads a CSV (one sheet named after the file) or an .xlsx workbook into grids. */
export async function readTableFile(file: string): Promise<WorkbookGrids> {
  const bytes = await readInputFile(file);
  if (/\.csv$/i.test(file)) {
    // TextDecoder drops a UTF-8 byte-order mark; rows may differ in length.
    const parsed = Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true });
    const broken = parsed.errors.find((e) => e.type === "Quotes");
    if (broken) throw new InputError(null, `${file} is not readable CSV (row ${(broken.row ?? 0) + 1}: ${broken.message})`);
    const rows = parsed.data;
    const values: CellValue[][] = rows.map((r) => r.map((v) => (v.trim() === "" ? null : v)));
    return { sheets: [{ name: path.basename(file, path.extname(file)), top: 0, left: 0, values }] };
  }
  return (await ExcelJsWorkbook.fromBytes(bytes, file, nodeDeflateCodec)).readWorkbook();
}
