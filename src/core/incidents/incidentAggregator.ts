// The model's own files, not its index: on the per-record path every re-exported name is a getter call.
import { type CellValue, cellText, isEmptyCell } from "../../model/cellValue";
import type { RecordPlace } from "../../model/extractPort";
import { parseNumberCell } from "../parse/parseNumber";
import { weekdayOf } from "../calendar/namedDates";
import { ANTISOCIAL_BEHAVIOUR, crimeGroupOf } from "./crimeGroups";
import { LsoaTally } from "./lsoaTally";
import { RunTally, TextMemo } from "./runTally";
import type {
  DayCell,
  HourCell,
  IncidentCounts,
  LocatedRecord,
  RecordExample,
  RecordLocator,
  RejectReason,
} from "./incidentCounts";
import type { RecordColumns } from "./recordColumns";
import {
  type RecordDate,
  monthNumber,
  parseRecordDate,
  parseRecordMonth,
  parseRecordTime,
  recordDay,
} from "./recordDate";

const YES = /^(y|yes|true|1|da|domestic)$/i;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * True when text starts as a plain decimal does (a digit, or a sign or point then a digit), so
 * Number() reads it as written: not blank (Number reads "" and " " as 0) nor "0x1F" (as 31).
 */
function plainDecimal(text: string): boolean {
  const sign = text.charCodeAt(0) === 45 || text.charCodeAt(0) === 43 ? 1 : 0;
  const first = text.charCodeAt(sign);
  if (first === 46) return isDigit(text.charCodeAt(sign + 1));
  if (!isDigit(first)) return false;
  const next = text.charCodeAt(sign + 1) | 32;
  return !(first === 48 && (next === 120 || next === 111 || next === 98));
}
const EXAMPLES = 5;
// Cell keys are packed into one number (day, ward, group, month-only and DA flags) because a
// Map of numbers is several times faster and smaller than one of strings at a million records.
const DAY_OFFSET = 100000;
const WARDS = 65536;
const GROUPS = 1024;
// Distinct LSOAs, categories and forces kept by name; past this a column is not what it says.
const NAMES_LIMIT = 50000;

/**
 * Counts records one at a time, so an extract of millions streams through in bounded memory:
 * by day, crime group, ward and domestic-abuse flag, and by month, weekday and hour when the
 * extract gives times. Periods are applied afterwards. Records that cannot be counted are
 * tallied by reason with example rows; nothing is dropped silently.
 */
export class IncidentAggregator {
  private readonly dayCounts = new RunTally<number>();
  private readonly hourCounts = new Map<number, number>();
  private readonly groupIndex = new Map<string, number>();
  private readonly wardIndex = new Map<string, number>([["", 0]]);
  private readonly reasons = new Map<string, number>();
  private readonly examples = new Map<string, RecordExample[]>();
  private readonly monthExamples = new Map<number, RecordExample>();
  // Extracts repeat the same few categories and dates over and over: reading each distinct
  // text once is most of the aggregator's speed. Bounded so a column of unique values cannot grow it.
  private readonly groupOfText = new TextMemo((v) => crimeGroupOf(cellText(v), this.mapping));
  private dateOfText: TextMemo<DatedText | null>;
  private readonly timeOfText = new TextMemo(parseRecordTime);
  // One spelling per ward (E05004996, HIGH STREET and High Street Ward are one ward).
  private readonly wardOfText = new TextMemo((v) => {
    const written = cellText(v);
    return this.locator?.wardName(written) ?? written;
  });
  // Records with no ward are kept apart (hour profile, categories) until counts() knows
  // whether they belong to the borough.
  private readonly hourCountsNoWard = new Map<number, number>();
  private readonly categoryInWard = new RunTally<string>(NAMES_LIMIT);
  private readonly categoryNoWard = new RunTally<string>(NAMES_LIMIT);
  private readonly lsoaCounts = new RunTally<string>(NAMES_LIMIT);
  private readonly lsoaNames = new Map<string, string>();
  private readonly forceCounts = new RunTally<string>(NAMES_LIMIT);
  private readonly forceWide = new LsoaTally();
  private readonly outsideExamples: RecordExample[] = [];
  private records = 0;
  private outside = 0;
  private unlocated = 0;

  // What any file of the extract had: a DA flag, a location, a force column.
  private hasDomesticAbuse = false;
  private hasLocation = false;
  private namesForce = false;
  private policeUk = false;

  constructor(
    private columns: RecordColumns,
    private readonly mapping: ReadonlyMap<string, string> = new Map(),
    private readonly locator: RecordLocator | null = null,
  ) {
    this.dateOfText = datesRead(columns.monthOnly);
    this.useColumns(columns);
  }

  /** Reads the next rows by these columns (each file of a multi-file extract has its own header). */
  useColumns(columns: RecordColumns): void {
    // The same text reads differently in a Month column and a date column.
    if (Boolean(columns.monthOnly) !== Boolean(this.columns.monthOnly)) this.dateOfText = datesRead(columns.monthOnly);
    this.columns = columns;
    this.hasDomesticAbuse ||= columns.domesticAbuse !== null;
    this.hasLocation ||= columns.ward !== null || columns.latitude !== null || columns.easting !== null;
    this.namesForce ||= (columns.fallsWithin ?? columns.reportedBy ?? null) !== null;
    // "Reported by" beside "Falls within" is police.uk's own header.
    this.policeUk ||= (columns.reportedBy ?? null) !== null && (columns.fallsWithin ?? null) !== null;
  }

  private reject(reason: RejectReason, where: RecordPlace, row: readonly CellValue[]): void {
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
    const value = row[column] ?? null;
    // Coordinates are plain decimals: read them directly, and only anything else the long way.
    if (typeof value === "string" && plainDecimal(value)) {
      const n = Number(value);
      if (Number.isFinite(n)) return n;
    }
    const parsed = parseNumberCell(value, null);
    return parsed.kind === "number" ? parsed.value : null;
  }

  /**
   * The record's ward name: the Ward column, else its coordinates; "" when it has neither;
   * null when it is not counted (outside the boundaries, or its coordinates are swapped).
   */
  private ward(row: readonly CellValue[], where: RecordPlace): string | null {
    const written = this.columns.ward === null ? "" : cellText(row[this.columns.ward] ?? null).trim();
    const named = written && this.locator ? this.wardOfText.get(written) : written;
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
    if ("outside" in located) {
      this.outside += 1;
      if (this.outsideExamples.length < EXAMPLES) this.outsideExamples.push(describe(where, row));
      return null;
    }
    this.reject(located.reject, where, row);
    return null;
  }

  private text(row: readonly CellValue[], column: number | null | undefined): string {
    return column === null || column === undefined ? "" : cellText(row[column] ?? null);
  }

  /** Adds one record; `where` names it in findings (`extract.csv line 1204`). */
  add(row: readonly CellValue[], where: RecordPlace): void {
    this.records += 1;
    // A record with a date or a category is not empty: only look at every cell when both are blank.
    const { date: dateColumn, category: categoryColumn } = this.columns;
    if (
      isEmptyCell(row[dateColumn] ?? null) &&
      isEmptyCell(row[categoryColumn] ?? null) &&
      row.every((v) => isEmptyCell(v))
    )
      return this.reject("empty row", where, row);
    const { fallsWithin, reportedBy } = this.columns;
    const force = this.text(row, fallsWithin ?? reportedBy);
    if (force) this.forceCounts.add(force);
    const dated = this.dateOfText.get(row[this.columns.date] ?? null);
    if (!dated) return this.reject("unreadable date", where, row);
    const { date, day, month } = dated;
    const groupName = this.groupOfText.get(row[this.columns.category] ?? null);
    if (!groupName) return this.reject("unknown category", where, row);
    // More groups than a key can hold means the mapping is not a grouping at all.
    const group = this.index(this.groupIndex, groupName, GROUPS);
    if (group < 0) return this.reject("unknown category", where, row);
    if ((this.columns.lsoaCode ?? null) !== null || force) {
      const { lsoaCode, lsoaName, latitude, easting } = this.columns;
      const code = this.text(row, lsoaCode);
      const located = code !== "" || this.text(row, latitude) !== "" || this.text(row, easting) !== "";
      const antisocial = groupName === ANTISOCIAL_BEHAVIOUR;
      this.forceWide.add(force, code, code ? this.text(row, lsoaName) : "", month, antisocial, located);
    }
    const wardName = this.ward(row, where);
    // A record outside the borough is not the partnership's; a swapped one waits for correction.
    if (wardName === null) return;
    if (!this.monthExamples.has(month)) this.monthExamples.set(month, describe(where, row));
    // Past 65,535 distinct ward names the column is not wards: further names count as no ward.
    const ward = Math.max(0, this.index(this.wardIndex, wardName, WARDS));
    if (ward === 0) this.unlocated += 1;
    const monthOnly = this.columns.monthOnly ? 1 : 0;
    const da =
      this.columns.domesticAbuse !== null && YES.test(cellText(row[this.columns.domesticAbuse] ?? null).trim()) ? 1 : 0;
    const key = (((day + DAY_OFFSET) * WARDS + ward) * GROUPS + group) * 4 + monthOnly * 2 + da;
    this.dayCounts.add(key);
    (ward === 0 ? this.categoryNoWard : this.categoryInWard).add(this.text(row, this.columns.category));
    const lsoa = ward > 0 ? this.text(row, this.columns.lsoaCode) : "";
    if (lsoa && this.lsoaCounts.add(lsoa)) this.lsoaNames.set(lsoa, this.text(row, this.columns.lsoaName));
    const minutes =
      date.minutes ?? (this.columns.time === null ? null : this.timeOfText.get(row[this.columns.time] ?? null));
    if (minutes !== null) {
      const hours = ward === 0 ? this.hourCountsNoWard : this.hourCounts;
      const hourKey = ((month * GROUPS + group) * 2 + da) * 168 + weekdayOf(day) * 24 + Math.floor(minutes / 60);
      hours.set(hourKey, (hours.get(hourKey) ?? 0) + 1);
    }
  }

  /**
   * What the records add up to so far. Records with no location count as the borough's ("no
   * ward"), except in a force's extract that reaches beyond the borough (police.uk's street
   * files are force-wide and name their force): there a record without a location may be any
   * borough's, as police.uk itself puts "No Location" records in no neighbourhood.
   */
  counts(): IncidentCounts {
    const forceWide = this.outside > 0 && this.namesForce;
    const unlocatedExcluded = forceWide && this.unlocated > 0;
    const { days, counted, firstDay, lastDay, monthOnly } = dayCells(this.dayCounts.entries(), unlocatedExcluded);
    const hourCounts = unlocatedExcluded ? this.hourCounts : merged(this.hourCounts, this.hourCountsNoWard);
    const categories = [...new Set([...this.categoryInWard.keys(), ...this.categoryNoWard.keys()])].map(
      (category): [string, number] => [
        category,
        this.categoryInWard.get(category) + (unlocatedExcluded ? 0 : this.categoryNoWard.get(category)),
      ],
    );
    return {
      groups: [...this.groupIndex.keys()],
      wards: [...this.wardIndex.keys()],
      days,
      hours: hourCells(hourCounts),
      hasDomesticAbuse: this.hasDomesticAbuse,
      hasLocation: this.hasLocation,
      records: this.records,
      counted,
      firstDay,
      lastDay,
      rejected: Object.fromEntries(this.reasons),
      examples: Object.fromEntries(this.examples),
      monthExamples: new Map(this.monthExamples),
      outsideBoundaries: this.outside,
      outsideExamples: [...this.outsideExamples],
      unlocated: this.unlocated,
      placed: this.locator !== null || this.columns.ward !== null,
      unlocatedExcluded,
      monthOnly,
      policeUk: this.policeUk,
      categories: mostFirst(categories.filter(([, count]) => count > 0)).map(([category, count]) => ({
        category,
        count,
      })),
      lsoas: mostFirst(this.lsoaCounts.entries()).map(([code, count]) => ({
        code,
        name: this.lsoaNames.get(code) ?? "",
        count,
      })),
      forces: mostFirst(this.forceCounts.entries()).map(([force, count]) => ({ force, count })),
      forceWide: this.forceWide.counts(),
    };
  }
}

/** Names with their counts, most first, then by name. */
function mostFirst(entries: [string, number][]): [string, number][] {
  return entries.sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The day cells of the packed day counts (day, ward, group, month-only and DA flags in one key),
 * the records they hold and their first and last day; records in no ward left out when excluded.
 */
function dayCells(dayCounts: readonly [number, number][], unlocatedExcluded: boolean) {
  const days: DayCell[] = [];
  let counted = 0;
  let firstDay = Infinity;
  let lastDay = -Infinity;
  let monthOnly = 0;
  for (const [key, count] of dayCounts) {
    const da = key % 2 === 1;
    const isMonthOnly = Math.floor(key / 2) % 2 === 1;
    const group = Math.floor(key / 4) % GROUPS;
    const rest = Math.floor(key / (GROUPS * 4));
    const ward = rest % WARDS;
    if (ward === 0 && unlocatedExcluded) continue;
    const day = Math.floor(rest / WARDS) - DAY_OFFSET;
    days.push({ day, ward, group, da, monthOnly: isMonthOnly, count });
    counted += count;
    if (isMonthOnly) monthOnly += count;
    firstDay = Math.min(firstDay, day);
    lastDay = Math.max(lastDay, day);
  }
  return {
    days,
    counted,
    firstDay: counted > 0 ? firstDay : null,
    lastDay: counted > 0 ? lastDay : null,
    monthOnly,
  };
}

/** The hour cells of the packed hour counts (month, group, DA flag, weekday and hour in one key). */
function hourCells(hourCounts: ReadonlyMap<number, number>): HourCell[] {
  const hours: HourCell[] = [];
  for (const [key, count] of hourCounts) {
    const slot = key % 168;
    const rest = Math.floor(key / 168);
    hours.push({
      month: Math.floor(rest / (GROUPS * 2)),
      group: Math.floor(rest / 2) % GROUPS,
      da: rest % 2 === 1,
      weekday: Math.floor(slot / 24),
      hour: slot % 24,
      count,
    });
  }
  return hours;
}

/** Two count maps added together (a new map). */
function merged(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): Map<number, number> {
  const out = new Map(a);
  for (const [key, count] of b) out.set(key, (out.get(key) ?? 0) + count);
  return out;
}

/** A date text read, with its day and month numbers worked out once. */
interface DatedText {
  readonly date: RecordDate;
  readonly day: number;
  readonly month: number;
}

/** Each distinct date text read once: as a police.uk Month (`2022-01`) or as a date. */
function datesRead(monthOnly: boolean | undefined): TextMemo<DatedText | null> {
  const read = monthOnly ? parseRecordMonth : parseRecordDate;
  return new TextMemo((value) => {
    const date = read(value);
    return date && { date, day: recordDay(date), month: monthNumber(date) };
  });
}

/** A record as an example: its cells joined (long rows cut short). */
function describe(where: RecordPlace, row: readonly CellValue[]): RecordExample {
  const text = row
    .map((v) => cellText(v))
    .filter((t) => t !== "")
    .join(" | ");
  return {
    where: typeof where === "string" ? where : where(),
    text: text.length > 120 ? `${text.slice(0, 117)}...` : text,
  };
}
