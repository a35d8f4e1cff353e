import { type CellValue, type ResultSheet, resultNumberFormat } from "../../model";
import { toOfficeValue } from "./officeValues";

/** Excel on the web refuses requests over 5 MB; stay well under it. */
export const DEFAULT_CHUNK_BYTES = 3_500_000;

/** A block of rows of one result sheet written in one request. */
export interface WriteChunk {
  readonly sheet: number;
  /** First and last data row (zero-based in `rows`), inclusive. */
  readonly first: number;
  readonly last: number;
  readonly values: (string | number | boolean)[][];
  readonly formats: string[][];
  readonly bytes: number;
}

/** One row as office-js writes it: values padded to the sheet's width, and a number format per cell. */
export function officeRow(
  sheet: ResultSheet,
  row: number,
): { values: (string | number | boolean)[]; formats: string[] } {
  const cells = sheet.rows[row];
  const width = sheet.columns.length;
  const values: (string | number | boolean)[] = [];
  const formats: string[] = [];
  for (let c = 0; c < width; c += 1) {
    const value: CellValue = cells[c] ?? null;
    values.push(toOfficeValue(value));
    formats.push(typeof value === "number" ? (resultNumberFormat(sheet, row, c) ?? "General") : "General");
  }
  return { values, formats };
}

/**
 * Splits the rows of every result sheet into blocks whose serialised values and formats stay
 * under `maxBytes`, so each block can go in one request. A sheet's rows are never split
 * across fewer bytes than one row needs.
 */
export function planWriteChunks(sheets: readonly ResultSheet[], maxBytes = DEFAULT_CHUNK_BYTES): WriteChunk[] {
  const chunks: WriteChunk[] = [];
  sheets.forEach((sheet, s) => {
    let first = 0;
    let values: (string | number | boolean)[][] = [];
    let formats: string[][] = [];
    let bytes = 0;
    const flush = (last: number): void => {
      if (values.length > 0) chunks.push({ sheet: s, first, last, values, formats, bytes });
      first = last + 1;
      values = [];
      formats = [];
      bytes = 0;
    };
    for (let r = 0; r < sheet.rows.length; r += 1) {
      const row = officeRow(sheet, r);
      const rowBytes = JSON.stringify(row.values).length + JSON.stringify(row.formats).length + 2;
      if (bytes + rowBytes > maxBytes && values.length > 0) flush(r - 1);
      values.push(row.values);
      formats.push(row.formats);
      bytes += rowBytes;
    }
    flush(sheet.rows.length - 1);
  });
  return chunks;
}
