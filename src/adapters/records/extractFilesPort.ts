import { type ExtractPort, type ExtractSink, InputError } from "../../model";
import type { DeflateCodec } from "../xlsx/deflateCodec";
import { type ByteSink, csvRows } from "./csvRows";
import type { EntryInflater } from "./zipEntries";

/** One input file: its name (a path, or a path inside a folder) and its bytes as a stream. */
export interface InputFile {
  readonly name: string;
  /**
   * The file's bytes, a chunk at a time. With `reuse`, a chunk's bytes may be overwritten once
   * the next chunk is asked for, so a reader that keeps nothing (the CSV reader decodes each
   * chunk at once and copies the unfinished record) can be given the same memory over and over.
   */
  chunks(options?: { readonly reuse?: boolean }): AsyncIterable<Uint8Array>;
}

const CSV = /\.csv$/i;
const ZIP = /\.zip$/i;
const XLSX = /\.xlsx$/i;

async function allBytes(file: InputFile): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of file.chunks()) parts.push(chunk);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/**
 * A record-level extract from files as they come: CSVs (police.uk street files among them),
 * zips of them (a police.uk download: one folder per month), and .xlsx extracts. CSVs and zips
 * are streamed, so memory stays at a chunk whatever their size; a zip is never unpacked to
 * disk. Files it cannot read as records are listed as skipped, with the reason.
 */
export class ExtractFilesPort implements ExtractPort {
  /**
   * @param files in the order given (a folder's files sorted by the caller)
   * @param options.single one plain file: rows are named `line N`, not `file line N`
   * @param options.inflater a native inflater for zip entries (Node's zlib); fflate's otherwise
   * @param options.readXlsx a streaming reader for .xlsx extracts (Node's); else the package reader, whole
   */
  constructor(
    readonly name: string,
    private readonly files: readonly InputFile[],
    private readonly options: {
      single?: boolean;
      codec?: DeflateCodec;
      inflater?: EntryInflater;
      readXlsx?: (file: InputFile, sink: ExtractSink) => Promise<void>;
    } = {},
  ) {}

  async readExtract(sink: ExtractSink): Promise<void> {
    for (const file of this.files) {
      if (ZIP.test(file.name)) await this.readZip(file, sink);
      else if (CSV.test(file.name)) await this.readCsv(file, sink);
      else if (XLSX.test(file.name)) await (this.options.readXlsx ?? ((f, s) => this.readXlsxWhole(f, s)))(file, sink);
      else sink.skip(file.name, "not a CSV, zip or .xlsx file");
    }
  }

  /** Where a CSV's bytes go: its rows to the sink's reader for it, or null when it is skipped. */
  private csvSink(name: string, sink: ExtractSink): ByteSink | null {
    const rows = sink.file(name);
    if (!rows) return null;
    const where = this.options.single
      ? (line: number) => () => `line ${line}`
      : (line: number) => () => `${name} line ${line}`;
    const csv = csvRows((row, line) => rows.row(row, where(line)));
    return {
      push: (chunk) => csv.push(chunk),
      end: () => {
        csv.end();
        rows.end();
      },
    };
  }

  private async readCsv(file: InputFile, sink: ExtractSink): Promise<void> {
    const csv = this.csvSink(file.name, sink);
    if (!csv) return;
    try {
      for await (const chunk of file.chunks({ reuse: true })) csv.push(chunk);
      csv.end();
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(null, `${file.name} is not readable CSV (${(error as Error).message})`);
    }
  }

  private async readZip(file: InputFile, sink: ExtractSink): Promise<void> {
    let entries = 0;
    // fflate, the zip reader, loads with the first zip.
    const { readZipEntries } = await import("./zipEntries");
    await readZipEntries(
      file.name,
      file.chunks(),
      (entry) => {
        entries += 1;
        const name = `${file.name}/${entry}`;
        if (!CSV.test(entry)) {
          sink.skip(name, "not a CSV file");
          return null;
        }
        return this.csvSink(name, sink);
      },
      this.options.inflater,
    );
    if (entries === 0) throw new InputError(null, `${file.name} holds no files: it is not a police.uk download`);
  }

  /**
   * An .xlsx extract read whole through the package reader: every sheet goes to the sink as a
   * file of its own, as the command line's streamed reader sends them, and the sink finds which
   * hold records (finding a header is the analysis's work, not a file format's).
   */
  private async readXlsxWhole(file: InputFile, sink: ExtractSink): Promise<void> {
    // ExcelJS's adapter loads only when an .xlsx is given (a page reading CSVs never fetches it).
    const { WorkbookFile } = await import("../workbookFile");
    const codec = this.options.codec ?? (await import("../xlsx/deflateCodec")).webDeflateCodec;
    let grids;
    try {
      grids = await (await WorkbookFile.fromBytes(await allBytes(file), file.name, codec)).readWorkbook();
    } catch (error) {
      const reason = (error as Error).message.replace(`${file.name} `, "");
      throw new InputError(null, `${file.name} is not a readable CSV or .xlsx extract (${reason})`);
    }
    for (const grid of grids.sheets) {
      const rows = sink.file(`${file.name} (${grid.name})`);
      if (!rows) continue;
      for (const [r, values] of grid.values.entries()) rows.row(values, () => `${grid.name} row ${grid.top + r + 1}`);
      rows.end();
    }
  }
}
