import { type CellValue, dateFromSerial, serialFromDate } from "../../model";

const ERROR =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;
const DATE_FORMAT = /(^|[^"\\])(d{1,4}|m{1,5}|y{2,4})([^"]|$)/i;

/** True when a number format shows a date (`dd/mm/yyyy`, `mmm-yy`), not a number or time only. */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || /^general$/i.test(format)) return false;
  const section = format
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "");
  return DATE_FORMAT.test(section) && /[dy]/i.test(section);
}

/**
 * A value as office-js returns it (numbers, strings, booleans; empty cells as "", errors as
 * "#DIV/0!", dates as serial numbers) turned into the core's cell value.
 */
export function fromOfficeValue(value: unknown, format: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number") return isDateFormat(format) ? dateFromSerial(value) : value;
  if (typeof value === "boolean") return value;
  const text = String(value);
  return ERROR.test(text) ? { error: text } : text;
}

/** A core cell value as office-js writes it (dates as serials, errors as their text). */
export function toOfficeValue(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (value instanceof Date) return serialFromDate(value);
  if (typeof value === "object") return value.error;
  return value;
}
