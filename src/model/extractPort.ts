import type { CellValue } from "./cellValue";

/**
 * Where a record is, for findings: `line 1204`, `2022-01-kent-street.csv line 1204`,
 * `'Extract'!B12`; or a function that says so, so a million records need not each build a
 * string that only a rejected one is ever shown with.
 */
export type RecordPlace = string | (() => string);

/** Takes one file's rows, header first; `end` when the file is done. */
export interface ExtractFileRows {
  row(values: readonly CellValue[], where: RecordPlace): void;
  end(): void;
}

/** Where the files of a record-level extract go, one after another. */
export interface ExtractSink {
  /** A file begins: its rows go to the returned reader, or it is skipped (null; the sink keeps why). */
  file(name: string): ExtractFileRows | null;
  /** A file the adapter could not read as records at all (not CSV, a zip or .xlsx, say), and why. */
  skip(name: string, reason: string): void;
}

/**
 * The seam between the record-level analysis and its files: one CSV, several, a folder, a
 * police.uk download's zip or an .xlsx extract, from the file system or files picked in a page.
 */
export interface ExtractPort {
  /** A name for the whole input, for messages (a file, a folder, "3 files"). */
  readonly name: string;
  /** Sends every file's rows to the sink, file after file, in a stable order. */
  readExtract(sink: ExtractSink): Promise<void>;
}
