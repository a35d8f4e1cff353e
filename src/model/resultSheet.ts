import type { CellValue } from "./cellValue";

/** Excel number formats the result sheets use, written as Excel spells them. */
export const NumberFormats = {
  text: "@",
  general: "General",
  integer: "#,##0",
  decimal1: "#,##0.0",
  decimal2: "#,##0.00",
  percent0: "0%",
  percent1: "0.0%",
  date: "dd/mm/yyyy",
} as const;

/** The result sheets' colours (RGB hex), the same from every adapter: header fill and text, section fill. */
export const ResultColours = { headerFill: "1F4E79", headerText: "FFFFFF", sectionFill: "DDEBF7" } as const;

/** One column of a result sheet: its header, width in characters and default number format. */
export interface ResultColumn {
  readonly header: string;
  readonly width: number;
  readonly numberFormat: string;
}

/** A result column: header, width in characters, and the format numbers in it take. */
export function resultColumn(
  header: string,
  width: number,
  numberFormat: string = NumberFormats.general,
): ResultColumn {
  return { header, width, numberFormat };
}

/** How a row is styled: ordinary data, a section heading, or a note in italics. */
export type ResultRowKind = "data" | "section" | "note";

/** A native chart over a block of a result sheet (rows and columns are zero-based in `rows`). */
export interface ResultChart {
  readonly kind: "line" | "bar";
  readonly title: string;
  /** First and last row (in `rows`) of the series block, header row included. */
  readonly firstRow: number;
  readonly lastRow: number;
  /** Column holding the category labels, and the columns holding the series. */
  readonly categoryColumn: number;
  readonly seriesColumns: readonly number[];
  /** Points to mark (an unusual month): the series by its place in `seriesColumns`, the point by its data row. */
  readonly highlights?: readonly { readonly series: number; readonly point: number }[];
}

/**
 * A sheet the add-in writes, as plain data: both adapters (ExcelJS and office-js) write
 * exactly this, so the result sheets look the same from the CLI and inside Excel.
 */
export interface ResultSheet {
  readonly name: string;
  readonly columns: readonly ResultColumn[];
  /** Data rows below the header row. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Per-row style, aligned with `rows` (data when absent). */
  readonly rowKinds?: readonly ResultRowKind[];
  /** Per-cell number formats overriding the column's, aligned with `rows`. */
  readonly cellFormats?: readonly (readonly (string | null)[])[];
  readonly charts?: readonly ResultChart[];
}

/** The number format a number in a result sheet takes: its cell's own, else its column's. */
export function resultNumberFormat(sheet: ResultSheet, row: number, column: number): string | null {
  return sheet.cellFormats?.[row]?.[column] ?? sheet.columns[column]?.numberFormat ?? null;
}

/** The seam between the calculation core and a workbook: ExcelJS in Node, office-js in Excel. */
export interface WorkbookPort {
  /**
   * Reads every sheet's used range (values and number formats). `pause`, when given, is
   * awaited now and then so a long read leaves the page its turns.
   */
  readWorkbook(pause?: import("./pacer").Pause): Promise<import("./grid").WorkbookGrids>;
  /** Replaces our own result sheets with these, never touching the analyst's sheets. */
  writeResultSheets(sheets: readonly ResultSheet[], pause?: import("./pacer").Pause): Promise<void>;
}

/** Every result sheet name starts with this, so analysts and re-runs can tell ours apart. */
export const RESULT_SHEET_PREFIX = "CSP ";
