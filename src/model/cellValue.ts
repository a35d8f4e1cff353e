/** An Excel error value such as `#DIV/0!` or `#N/A`. */
export interface CellError {
  readonly error: string;
}

/**
 * One cell as the core sees it, whatever workbook it came from: a number, a string, a
 * boolean, a date, an Excel error, or `null` for an empty cell. Formulas arrive as their
 * last computed result.
 */
export type CellValue = number | string | boolean | Date | CellError | null;

/** True for an Excel error value. */
export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && !(value instanceof Date) && "error" in value;
}

/** True for an empty cell or one holding only white space. */
export function isEmptyCell(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** The text a cell shows, for labels and messages (dates as dd/mm/yyyy). */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) {
    const day = String(value.getUTCDate()).padStart(2, "0");
    const month = String(value.getUTCMonth() + 1).padStart(2, "0");
    return `${day}/${month}/${value.getUTCFullYear()}`;
  }
  return value.error;
}
