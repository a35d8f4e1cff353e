import { type CellValue, dateFromSerial } from "../../model";
import { dayNumber } from "../calendar/namedDates";

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
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4] ? Number(iso[4]) * 60 + Number(iso[5]) : null);
  const uk = UK.exec(text);
  if (uk) {
    const year = uk[3].length === 2 ? 2000 + Number(uk[3]) : Number(uk[3]);
    return valid(year, Number(uk[2]), Number(uk[1]), uk[4] ? Number(uk[4]) * 60 + Number(uk[5]) : null);
  }
  return null;
}

/**
 * Minutes past midnight of a separate time column: `18:30`, `18:30:00`, an Excel time
 * fraction (0.77) or a date-time cell; null when empty or unreadable.
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
