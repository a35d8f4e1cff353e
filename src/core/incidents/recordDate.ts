import { type CellValue, dateFromSerial } from "../../model";
import { dayNumber } from "../calendar/namedDates";
import { monthIndex } from "../parse/parsePeriod";

/** A record's date (and time of day when the extract gives one). */
export interface RecordDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Minutes past midnight, or null when the extract gives no time. */
  readonly minutes: number | null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::\d{2})?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::\d{2})?$/;

function valid(year: number, month: number, day: number, minutes: number | null): RecordDate | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (minutes !== null && (minutes < 0 || minutes >= 1440)) return null;
  return { year, month, day, minutes };
}

/**
 * Reads a record's date as police and partner extracts write it: an Excel serial (1900
 * system), a date cell, ISO text (`2019-04-22`, `2019-04-22T18:30`), or UK `dd/mm/yyyy`
 * (`22/04/2019 18:30`); never US month-first. Returns null when it is none of these or not a
 * real date (31/02/2019).
 *
 * @example
 * parseRecordDate("31/10/2019", null) //= { year: 2019, month: 10, day: 31, minutes: null }
 */
export function parseRecordDate(value: CellValue): RecordDate | null {
  if (value instanceof Date) {
    const minutes = value.getUTCHours() * 60 + value.getUTCMinutes();
    return valid(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), minutes === 0 ? null : minutes);
  }
  if (typeof value === "number") {
    if (!(value > 1 && value < 2958466)) return null;
    const date = dateFromSerial(value);
    const minutes = Math.round((value % 1) * 1440) % 1440;
    return valid(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), value % 1 === 0 ? null : minutes);
  }
  if (typeof value !== "string") return null;
  const text = value.trim();
  const iso = ISO.exec(text);
  if (iso)
    return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4] ? Number(iso[4]) * 60 + Number(iso[5]) : null);
  const uk = UK.exec(text);
  if (uk) {
    const year = uk[3].length === 2 ? 2000 + Number(uk[3]) : Number(uk[3]);
    return valid(year, Number(uk[2]), Number(uk[1]), uk[4] ? Number(uk[4]) * 60 + Number(uk[5]) : null);
  }
  return null;
}

const YEAR_MONTH = /^(\d{4})[-/](\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})[-/](\d{4})$/;
const NAMED_MONTH = /^([A-Za-z]{3,9})\.?[-\s']+(\d{2}|\d{4})$/;

/**
 * Reads a month-only date column (police.uk's `Month`) to the first day of its month: `2022-01`
 * as police.uk writes it, `01/2022`, `Jan-22` or `January 2022`, or a date cell or serial
 * (what Excel makes of `2022-01` when the CSV is opened and saved). Null when unreadable.
 *
 * @example
 * parseRecordMonth("2019-10") //= { year: 2019, month: 10, day: 1, minutes: null }
 */
export function parseRecordMonth(value: CellValue): RecordDate | null {
  let year: number;
  let month: number;
  if (value instanceof Date || typeof value === "number") {
    const date = parseRecordDate(value);
    if (!date) return null;
    ({ year, month } = date);
  } else if (typeof value === "string") {
    const text = value.trim();
    const ym = YEAR_MONTH.exec(text) ?? null;
    const my = ym ? null : MONTH_YEAR.exec(text);
    const named = ym || my ? null : NAMED_MONTH.exec(text);
    if (ym) [year, month] = [Number(ym[1]), Number(ym[2])];
    else if (my) [year, month] = [Number(my[2]), Number(my[1])];
    else if (named && monthIndex(named[1]) !== null) {
      year = named[2].length === 2 ? 2000 + Number(named[2]) : Number(named[2]);
      month = (monthIndex(named[1]) as number) + 1;
    } else {
      // A full date in a month column (2022-01-15) still gives its month.
      const date = parseRecordDate(text);
      return date && valid(date.year, date.month, 1, null);
    }
  } else return null;
  return month >= 1 && month <= 12 ? valid(year, month, 1, null) : null;
}

/**
 * Minutes past midnight of a separate time column: `18:30`, `18:30:00`, an Excel time
 * fraction (0.77) or a date-time cell; null when empty or unreadable.
 *
 * @example
 * parseRecordTime("23:15") //= 1395
 */
export function parseRecordTime(value: CellValue): number | null {
  if (value instanceof Date) return value.getUTCHours() * 60 + value.getUTCMinutes();
  if (typeof value === "number") return value >= 0 ? Math.round((value % 1) * 1440) % 1440 : null;
  if (typeof value !== "string") return null;
  const m = TIME.exec(value.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Months since year 0 of a date (2019-04 -> 2019 * 12 + 3), for window arithmetic. */
export const monthNumber = (d: { year: number; month: number }): number => d.year * 12 + d.month - 1;

/** Days since 1970-01-01 of a record's date. */
export const recordDay = (d: RecordDate): number => dayNumber(d);
