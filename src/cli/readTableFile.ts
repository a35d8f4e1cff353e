import { WorkbookFile } from "../adapters/workbookFile";
import { csvSheet } from "../adapters/records";
import { nodeDeflateCodec } from "../adapters/node/nodeDeflateCodec";
import type { WorkbookGrids } from "../model";
import { readInputFile } from "./fileOutput";

/** Reads a CSV (one sheet named after the file) or an .xlsx workbook into grids. */
export async function readTableFile(file: string): Promise<WorkbookGrids> {
  const bytes = await readInputFile(file);
  // TextDecoder drops a UTF-8 byte-order mark.
  if (/\.csv$/i.test(file)) return { sheets: [csvSheet(file, new TextDecoder().decode(bytes))] };
  return (await WorkbookFile.fromBytes(bytes, file, nodeDeflateCodec)).readWorkbook();
}
