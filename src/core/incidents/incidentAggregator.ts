import { type CellValue, cellText } from "../../model";
import { parseNumberCell } from "../parse/parseNumber";
import { weekdayOf } from "../calendar/namedDates";
import { crimeGroupOf } from "./crimeGroups";
import type { RecordColumns } from "./recordColumns";
import { type RecordDate, monthNumber, parseRecordDate, parseRecordTime, recordDay } from "./recordDate";

/** Why a record was not counted (by ward, for the location reasons; at all, for the others). */
export type RejectReason =
  | "empty row"
  | "unreadable date"
  | "unknown category"
  | "outside both periods"
  | "outside the borough"
  | "latitude and longitude swapped"
  | "easting and northing swapped";

/** Where a record's coordinates fall: a ward's name, or why they cannot be placed. */
export type LocatedRecord = { readonly ward: string } | { readonly reject: RejectReason };

/** Places coordinates in wards; the GIS module provides it (the core knows no boundaries). */
export interface RecordLocator {
  /** `x, y` are longitude and latitude for `latlon`, easting and northing for `bng`. */
  locate(x: number, y: number, system: "latlon" | "bng"): LocatedRecord;
  /** The boundaries' name for a ward written in the Ward column (a code, or another spelling), or null. */
  wardName(text: string): string | null;
}

/** One aggregated cell: records of one day, crime group, ward and domestic-abuse flag. */
export interface DayCell {
  readonly day: number;
  readonly group: number;
  readonly ward: number;
  readonly da: boolean;
  readonly count: number;
}

/** One aggregated cell of the time-of-day profile (records that give a time). */
export interface HourCell {
  readonly month: number;
  readonly group: number;
  readonly da: boolean;
  readonly weekday: number;
  readonly hour: number;
  readonly count: number;
}

/** Everything an extract's records add up to; the analyses read only this. */
export interface IncidentCounts {
  /** Crime groups and wards by index; ward 0 is "no ward". */
  readonly groups: readonly string[];
  readonly wards: readonly string[];
  readonly days: readonly DayCell[];
  readonly hours: readonly HourCell[];
  readonly hasDomesticAbuse: boolean;
  readonly hasLocation: boolean;
  /** Records read (data rows), and those counted. */
  readonly records: number;
  readonly counted: number;
  /** Earliest and latest day with a counted record (days since 1970), or null when none. */
  readonly firstDay: number | null;
  readonly lastDay: number | null;
  readonly rejected: Readonly<Record<string, number>>;
  readonly examples: Readonly<Record<string, readonly RecordExample[]>>;
  /** The first record of each month, for "outside both periods" examples. */
  readonly monthExamples: ReadonlyMap<number, RecordExample>;
}

/** A record quoted in a finding: where it is (`'Extract'!B1204`, `line 1204`) and what it says. */
export interface RecordExample {
  readonly where: string;
  readonly text: string;
}

/** `line 12: 31/02/2019 | Theft | High Street`. */
export const exampleText = (e: RecordExample): string => `${e.where}: ${e.text}`;

const YES = /^(y|yes|true|1|da|domestic)$/i;
const EXAMPLES = 5;
// Cell keys are packed into one number (day, ward, group, flag) because a Map of numbers is
// several times faster and smaller than one of strings at a million records.
const DAY_OFFSET = 100000;
const WARDS = 65536;
const GROUPS = 1024;

/**
 * Counts records one at a time, so an extract of millions streams through in bounded memory:
 * by day, crime group, ward and domestic-abuse flag, and by month, weekday and hour when the
 * extract gives times. Periods are applied afterwards. Records that cannot be counted are
 * tallied by reason with example rows; nothing is dropped silently.
 */
export class IncidentAggregator {
  private readonly dayCounts = new Map<number, number>();
  private readonly hourCounts = new Map<number, number>();
  private readonly groupIndex = new Map<string, number>();
  private readonly wardIndex = new Map<string, number>([["", 0]]);
  private readonly reasons = new Map<string, number>();
  private readonly examples = new Map<string, RecordExample[]>();
  private readonly monthExamples = new Map<number, RecordExample>();
  // Extracts repeat the same few categories and dates over and over: reading each distinct
  // text once is most of the aggregator's speed. Bounded so a column of unique values cannot grow it.
  private readonly groupOfText = new Map<string, string | null>();
  private readonly dateOfText = new Map<string, RecordDate | null>();
  private readonly timeOfText = new Map<string, number | null>();
  private readonly wardOfText = new Map<string, string>();
  private records = 0;
  private counted = 0;
  private firstDay = Infinity;
  private lastDay = -Infinity;

  constructor(
    private readonly columns: RecordColumns,
    private readonly mapping: ReadonlyMap<string, string> = new Map(),
    private readonly locator: RecordLocator | null = null,
  ) {}

  private reject(reason: RejectReason, where: string, row: readonly CellValue[]): void {
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    const list = this.examples.get(reason) ?? [];
    if (list.length < EXAMPLES) list.push(describe(where, row));
    this.examples.set(reason, list);
  }

  /** The index of a name, adding it; -1 once `limit` names are taken (the packed key's room). */
  private index(map: Map<string, number>, name: string, limit: number): number {
    let i = map.get(name);
    if (i === undefined) {
      i = map.size;
      if (i >= limit) return -1;
      map.set(name, i);
    }
    return i;
  }

  private number(row: readonly CellValue[], column: number | null): number | null {
    if (column === null) return null;
    const parsed = parseNumberCell(row[column] ?? null, null);
    return parsed.kind === "number" ? parsed.value : null;
  }

  /** The record's ward name: the Ward column, else its coordinates; "" when it has neither. */
  private ward(row: readonly CellValue[], where: string): string | null {
    const written = this.columns.ward === null ? "" : cellText(row[this.columns.ward] ?? null).trim();
    const locator = this.locator;
    // One spelling per ward (E05004996, HIGH STREET and High Street Ward are one ward).
    const named = written && locator ? cached(this.wardOfText, written, () => locator.wardName(written) ?? written) : written;
    if (named || !this.locator) return named;
    const { latitude, longitude, easting, northing } = this.columns;
    let located: LocatedRecord | null = null;
    const lat = this.number(row, latitude);
    const lon = this.number(row, longitude);
    const e = this.number(row, easting);
    const n = this.number(row, northing);
    if (lat !== null && lon !== null) located = this.locator.locate(lon, lat, "latlon");
    else if (e !== null && n !== null) located = this.locator.locate(e, n, "bng");
    if (!located) return "";
    if ("ward" in located) return located.ward;
    this.reject(located.reject, where, row);
    return null;
  }

  /** Adds one record; `where` names it in findings (`extract.csv line 1204`). */
  add(row: readonly CellValue[], where: string): void {
    this.records += 1;
    if (row.every((v) => cellText(v) === "")) return this.reject("empty row", where, row);
    const date = cached(this.dateOfText, row[this.columns.date] ?? null, parseRecordDate);
    if (!date) return this.reject("unreadable date", where, row);
    const groupName = cached(this.groupOfText, row[this.columns.category] ?? null, (v) => crimeGroupOf(cellText(v), this.mapping));
    if (!groupName) return this.reject("unknown category", where, row);
    // More groups than a key can hold means the mapping is not a grouping at all.
    const group = this.index(this.groupIndex, groupName, GROUPS);
    if (group < 0) return this.reject("unknown category", where, row);
    const wardName = this.ward(row, where);
    // A record outside the borough is not the partnership's; a swapped one waits for correction.
    if (wardName === null) return;
    this.counted += 1;
    const day = recordDay(date);
    const month = monthNumber(date);
    if (!this.monthExamples.has(month)) this.monthExamples.set(month, describe(where, row));
    this.firstDay = Math.min(this.firstDay, day);
    this.lastDay = Math.max(this.lastDay, day);
    // Past 65,535 distinct ward names the column is not wards: further names count as no ward.
    const ward = Math.max(0, this.index(this.wardIndex, wardName, WARDS));
    const da = this.columns.domesticAbuse !== null && YES.test(cellText(row[this.columns.domesticAbuse] ?? null).trim()) ? 1 : 0;
    const key = ((day + DAY_OFFSET) * WARDS + ward) * GROUPS * 2 + group * 2 + da;
    this.dayCounts.set(key, (this.dayCounts.get(key) ?? 0) + 1);
    const minutes = date.minutes ?? (this.columns.time === null ? null : cached(this.timeOfText, row[this.columns.time] ?? null, parseRecordTime));
    if (minutes !== null) {
      const hourKey = ((month * GROUPS + group) * 2 + da) * 168 + weekdayOf(day) * 24 + Math.floor(minutes / 60);
      this.hourCounts.set(hourKey, (this.hourCounts.get(hourKey) ?? 0) + 1);
    }
  }

  /** What the records add up to so far. */
  counts(): IncidentCounts {
    const days: DayCell[] = [];
    for (const [key, count] of this.dayCounts) {
      const da = key % 2 === 1;
      const group = Math.floor(key / 2) % GROUPS;
      const rest = Math.floor(key / (GROUPS * 2));
      days.push({ day: Math.floor(rest / WARDS) - DAY_OFFSET, ward: rest % WARDS, group, da, count });
    }
    const hours: HourCell[] = [];
    for (const [key, count] of this.hourCounts) {
      const slot = key % 168;
      const rest = Math.floor(key / 168);
      hours.push({ month: Math.floor(rest / (GROUPS * 2)), group: Math.floor(rest / 2) % GROUPS, da: rest % 2 === 1, weekday: Math.floor(slot / 24), hour: slot % 24, count });
    }
    const { latitude, easting } = this.columns;
    return {
      groups: [...this.groupIndex.keys()],
      wards: [...this.wardIndex.keys()],
      days,
      hours,
      hasDomesticAbuse: this.columns.domesticAbuse !== null,
      hasLocation: this.columns.ward !== null || latitude !== null || easting !== null,
      records: this.records,
      counted: this.counted,
      firstDay: this.counted > 0 ? this.firstDay : null,
      lastDay: this.counted > 0 ? this.lastDay : null,
      rejected: Object.fromEntries(this.reasons),
      examples: Object.fromEntries(this.examples),
      monthExamples: new Map(this.monthExamples),
    };
  }
}

const CACHE_LIMIT = 50000;

/** `read(value)`, remembered for text values (the common case in CSV and shared strings). */
function cached<T>(cache: Map<string, T>, value: CellValue, read: (value: CellValue) => T): T {
  if (typeof value !== "string") return read(value);
  const hit = cache.get(value);
  if (hit !== undefined || cache.has(value)) return hit as T;
  const result = read(value);
  if (cache.size < CACHE_LIMIT) cache.set(value, result);
  return result;
}

/** A record as an example: its cells joined (long rows cut short). */
function describe(where: string, row: readonly CellValue[]): RecordExample {
  const text = row.map((v) => cellText(v)).filter((t) => t !== "").join(" | ");
  return { where, text: text.length > 120 ? `${text.slice(0, 117)}...` : text };
}
