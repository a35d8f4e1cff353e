import { type CellValue, type SheetGrid, cellText, gridWidth, sheetRangeRef } from "../../model";
import { SHORT_MONTHS } from "../calendar/namedDates";
import { parseNumberCell } from "../parse/parseNumber";
import { parsePeriod } from "../parse/parsePeriod";

// Published tables with one column per month ("MajorText, MinorText, WardName, WardCode,
// LookUp_BoroughName, 202402, 202403, …", as the Metropolitan Police publishes ward-level
// crime): how they are recognised and how their label columns are read.

/** What a label column of a month-column table holds. */
export type LabelRole = "ward code" | "ward" | "area" | "category";

/** A label column: where it is, its header as published, and what it holds. */
export interface LabelColumn {
  readonly column: number;
  readonly header: string;
  readonly role: LabelRole;
}

/** A sheet's month-column layout: its header row, its label columns and its month columns. */
export interface MonthColumnLayout {
  readonly headerRow: number;
  readonly labels: readonly LabelColumn[];
  /** Each month column's month (year × 12 + zero-based month), in sheet order. */
  readonly months: readonly { readonly column: number; readonly month: number }[];
}

/** A header needs this many distinct months to be a month-column table: a year's worth. */
const MIN_MONTHS = 12;
const HEADER_ROWS = 15;
const YEAR_MONTH_NUMBER = /^(\d{4})(\d{2})$/;
const YEAR_DASH_MONTH = /^(\d{4})-(\d{2})$/;
const plausibleYear = (year: number): boolean => year >= 1950 && year <= 2100;

const ofYearMonth = (year: number, month: number): number | null =>
  plausibleYear(year) && month >= 1 && month <= 12 ? year * 12 + month - 1 : null;

/**
 * The month a column header names, as publications write it: `202402` (a number or text),
 * `2024-02`, `Feb-24`, `Feb 2024`, `February 2024`, or a date; null for anything else.
 *
 * @example
 * monthOfHeader(202402) //= 24289
 * monthOfHeader("Feb-24") //= 24289
 * monthOfHeader("Burglary") //= null
 */
export function monthOfHeader(value: CellValue): number | null {
  if (value instanceof Date) return value.getUTCFullYear() * 12 + value.getUTCMonth();
  const text = typeof value === "number" && Number.isInteger(value) ? String(value) : cellText(value).trim();
  const compact = YEAR_MONTH_NUMBER.exec(text) ?? YEAR_DASH_MONTH.exec(text);
  if (compact) return ofYearMonth(Number(compact[1]), Number(compact[2]));
  if (typeof value !== "string") return null;
  const period = parsePeriod(value);
  return period?.kind === "month" ? period.order : null;
}

/**
 * A month as a reader writes it: `Feb 2024`.
 *
 * @example
 * monthName(24289) //= "Feb 2024"
 */
export function monthName(month: number): string {
  return `${SHORT_MONTHS[month % 12]} ${Math.floor(month / 12)}`;
}

const WARD_CODE = /^[EW]05\d{6}$/;
const AREA_CODE = /^(E0[6-9]|W06|E10|E11|E22|E23|W15|S12|N09)\d{6}$/;
const WARD_CODE_HEADER = /ward.?code|^wd\d{2}cd$/i;
const WARD_HEADER = /ward/i;
const AREA_HEADER = /borough|district|authority|^lad\d*(cd|nm)?$|^la\b|\barea\b|\bcsp\b|partnership|force|council/i;

/** What a label column holds, from its header and, for codes, its values. */
function labelRole(header: string, values: readonly string[]): LabelRole {
  const share = (pattern: RegExp): number =>
    values.length === 0 ? 0 : values.filter((v) => pattern.test(v)).length / values.length;
  if (WARD_CODE_HEADER.test(header) || share(WARD_CODE) >= 0.8) return "ward code";
  if (WARD_HEADER.test(header)) return "ward";
  if (AREA_HEADER.test(header) || share(AREA_CODE) >= 0.8) return "area";
  return "category";
}

/**
 * The month-column layout of a sheet: a header row with at least twelve distinct months
 * (`202402` … `202601`) after one or more text headers; null when the sheet has none.
 */
export function findMonthColumns(grid: SheetGrid): MonthColumnLayout | null {
  const width = gridWidth(grid);
  for (let r = 0; r < Math.min(HEADER_ROWS, grid.values.length); r += 1) {
    const header = grid.values[r];
    const months: { column: number; month: number }[] = [];
    for (let c = 0; c < header.length; c += 1) {
      const month = monthOfHeader(header[c] ?? null);
      if (month !== null) months.push({ column: grid.left + c, month });
    }
    if (new Set(months.map((m) => m.month)).size < MIN_MONTHS) continue;
    const monthColumns = new Set(months.map((m) => m.column - grid.left));
    const sample = grid.values.slice(r + 1, r + 41);
    const labels: LabelColumn[] = [];
    for (let c = 0; c < width; c += 1) {
      const text = cellText(header[c] ?? null).trim();
      if (monthColumns.has(c) || text === "") continue;
      const values = sample.map((row) => cellText(row[c] ?? null).trim()).filter((v) => v !== "");
      // A column of numbers beside the months (a total, say) is not a label.
      if (values.length === 0 || values.every((v) => parseNumberCell(v, null).kind === "number")) continue;
      labels.push({ column: grid.left + c, header: text, role: labelRole(text, values) });
    }
    if (labels.length === 0) continue;
    return { headerRow: grid.top + r, labels, months };
  }
  return null;
}

/** The sheet-qualified range a layout's table covers. */
export function layoutRange(grid: SheetGrid, layout: MonthColumnLayout): string {
  const columns = [...layout.labels.map((l) => l.column), ...layout.months.map((m) => m.column)];
  return sheetRangeRef(
    grid.name,
    layout.headerRow,
    Math.min(...columns),
    grid.top + grid.values.length - 1,
    Math.max(...columns),
  );
}
