import type ExcelJS from "exceljs";
import { toCellValue } from "../adapters/exceljs";
import type { InputFile } from "../adapters/records";
import { type ExtractSink, InputError } from "../model";

/**
 * An .xlsx extract's sheets streamed through ExcelJS's streaming reader, so a million-row
 * extract is read in bounded memory (the package reader holds the whole workbook). Every sheet
 * goes to the sink as a file of its own: sheets without record columns are listed as skipped.
 * Node only: the page reads picked workbooks whole.
 */
export async function readXlsxStreamed(file: InputFile, sink: ExtractSink): Promise<void> {
  const { stream } = await import("exceljs");
  const reader = new stream.xlsx.WorkbookReader(file.name, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore" });
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
      const sheet = ws.name ?? "sheet";
      const rows = sink.file(`${file.name} (${sheet})`);
      if (!rows) continue;
      for await (const row of ws) rows.row((row.values as ExcelJS.CellValue[]).slice(1).map(toCellValue), () => `${sheet} row ${row.number}`);
      rows.end();
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(null, `${file.name} is not a readable CSV or .xlsx extract (${(error as Error).message})`);
  }
}
