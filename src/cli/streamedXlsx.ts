import { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import { toCellValue } from "../adapters/exceljs";
import type { InputFile } from "../adapters/records";
import { PackageRefused, ZipPackage, streamPackageRows } from "../adapters/xlsx";
import { type ExtractSink, InputError } from "../model";
import { nodeDeflateCodec } from "../adapters/node/nodeDeflateCodec";

/**
 * An .xlsx extract's sheets streamed row by row, so a million-row extract is read in memory
 * bounded by the file's compressed size and one batch of rows: through the package reader
 * (each sheet inflated as a stream), else, for a package laid out as it does not read, through
 * ExcelJS's streaming reader. Every sheet goes to the sink as a file of its own; sheets without
 * record columns are listed as skipped. Node only: the page reads picked workbooks whole.
 */
export async function readXlsxStreamed(file: InputFile, sink: ExtractSink): Promise<void> {
  // Read through the file's own chunks: its name is what findings show, not where it is.
  const parts: Uint8Array[] = [];
  for await (const chunk of file.chunks()) parts.push(chunk);
  const bytes = Buffer.concat(parts);
  const zip = ZipPackage.open(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (zip) {
    let started = false;
    try {
      await streamPackageRows(zip, nodeDeflateCodec, (sheet) => {
        started = true;
        const rows = sink.file(`${file.name} (${sheet})`);
        return rows && { row: (cells, row) => rows.row(cells, () => `${sheet} row ${row + 1}`), end: () => rows.end() };
      });
      return;
    } catch (error) {
      if (error instanceof PackageRefused) throw new InputError(null, `${file.name} ${error.message}`);
      // Declined before any sheet was read: ExcelJS reads it below. Part-way, it is a failure.
      if (started || error instanceof InputError)
        throw error instanceof InputError
          ? error
          : new InputError(null, `${file.name} is not a readable CSV or .xlsx extract (${(error as Error).message})`);
    }
  }
  await readWithExcelJs(file, bytes, sink);
}

async function readWithExcelJs(file: InputFile, bytes: Buffer, sink: ExtractSink): Promise<void> {
  const { stream } = await import("exceljs");
  const reader = new stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
  });
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
      const sheet = ws.name ?? "sheet";
      const rows = sink.file(`${file.name} (${sheet})`);
      if (!rows) continue;
      for await (const row of ws)
        rows.row((row.values as ExcelJS.CellValue[]).slice(1).map(toCellValue), () => `${sheet} row ${row.number}`);
      rows.end();
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(null, `${file.name} is not a readable CSV or .xlsx extract (${(error as Error).message})`);
  }
}
