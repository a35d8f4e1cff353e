import { type CellValue, cellText } from "../../model";
import { compareValues } from "../compute/compareValues";
import { crimeGroupOf, VIOLENT_GROUPS } from "./crimeGroups";
import { monthNumber, parseRecordDate } from "./recordDate";
import { type ComparisonWindows, type WindowKind, comparisonWindows, periodOf } from "./windows";

/** Where the record-level columns are in an extract's header row. */
export interface RecordColumns {
  readonly date: number;
  readonly category: number;
  readonly ward: number | null;
  readonly domesticAbuse: number | null;
}

const HEADERS: Record<keyof RecordColumns, RegExp> = {
  date: /^(committed date|date committed|offence date|date of offence|occurred date|date occurred|date|start date|from date|incident date|crime date)$/,
  category: /^(crime type|offence|offence type|crime category|category|offence group|crime group|offence description|crime)$/,
  ward: /^(ward|ward name|ward code|ward \(2015\)|ward name \(2015\))$/,
  domesticAbuse: /^(da flag|da|domestic|domestic abuse|domestic abuse flag|domestic flag|da marker)$/,
};

/** Finds the record columns in a header row (case-insensitive; the names police extracts use), or null. */
export function findRecordColumns(header: readonly CellValue[]): RecordColumns | null {
  const norm = header.map((h) => cellText(h).toLowerCase().replace(/[_.]/g, " ").replace(/\s+/g, " ").trim());
  const find = (key: keyof RecordColumns): number => norm.findIndex((h) => HEADERS[key].test(h));
  const date = find("date");
  const category = find("category");
  if (date < 0 || category < 0) return null;
  const ward = find("ward");
  const da = find("domesticAbuse");
  return { date, category, ward: ward < 0 ? null : ward, domesticAbuse: da < 0 ? null : da };
}

const YES = /^(y|yes|true|1|da|domestic)$/i;

/** Why a record was not counted. */
export type RejectReason = "unreadable date" | "outside both periods" | "unknown category" | "empty row";

/** The comparison an extract gives, in the JSON shape of `csp-assess incidents`. */
export interface IncidentSummary {
  readonly periods: readonly [string, string];
  readonly allCrime: readonly [number, number];
  readonly byGroup: readonly { readonly group: string; readonly values: readonly [number, number]; readonly pctChange: number | null }[];
  readonly byWard: readonly { readonly name: string; readonly values: readonly [number, number] }[];
  readonly domesticAbuse: readonly [number, number] | null;
  /** Domestic abuse as a share of all crime, and of violent crime, in the later period. */
  readonly daShareAll: number | null;
  readonly daShareViolence: number | null;
  readonly rejected: { readonly count: number; readonly reasons: Readonly<Record<string, number>>; readonly examples: Readonly<Record<string, readonly string[]>> };
}

/**
 * Counts records one at a time (so an extract of millions streams through in bounded memory):
 * by month, crime group, ward and domestic-abuse flag; periods are applied at the end, once the
 * last month is known. Records that cannot be counted are tallied by reason with examples.
 */
export class IncidentAggregator {
  private readonly cells = new Map<string, number>();
  private readonly reasons = new Map<string, number>();
  private readonly examples = new Map<string, string[]>();
  private latest = -Infinity;
  private rows = 0;

  constructor(private readonly columns: RecordColumns, private readonly mapping: ReadonlyMap<string, string> = new Map()) {}

  private reject(reason: RejectReason, where: string): void {
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    const list = this.examples.get(reason) ?? [];
    if (list.length < 5) list.push(where);
    this.examples.set(reason, list);
  }

  /** Adds one record; `where` names it in findings (`extract.csv row 1204`). */
  add(row: readonly CellValue[], where: string): void {
    this.rows += 1;
    if (row.every((v) => cellText(v) === "")) return this.reject("empty row", where);
    const date = parseRecordDate(row[this.columns.date] ?? null);
    if (!date) return this.reject("unreadable date", where);
    const group = crimeGroupOf(cellText(row[this.columns.category] ?? null), this.mapping);
    if (!group) return this.reject("unknown category", where);
    const month = monthNumber(date);
    this.latest = Math.max(this.latest, month);
    const ward = this.columns.ward === null ? "" : cellText(row[this.columns.ward] ?? null);
    const da = this.columns.domesticAbuse !== null && YES.test(cellText(row[this.columns.domesticAbuse] ?? null)) ? "1" : "0";
    const key = `${month}|${group}|${ward}|${da}`;
    this.cells.set(key, (this.cells.get(key) ?? 0) + 1);
  }

  /** The two-period comparison; `end` defaults to the latest month in the extract. */
  summary(kind: WindowKind = "nov-oct", end?: { year: number; month: number }): IncidentSummary {
    const last = end ?? { year: Math.floor(this.latest / 12), month: (this.latest % 12) + 1 };
    const windows: ComparisonWindows = comparisonWindows(kind, last);
    const groups = new Map<string, [number, number]>();
    const wards = new Map<string, [number, number]>();
    const all: [number, number] = [0, 0];
    const da: [number, number] = [0, 0];
    let daViolent = 0;
    let violent = 0;
    let outside = 0;
    for (const [key, count] of this.cells) {
      const [month, group, ward, flag] = key.split("|");
      const period = periodOf(windows, Number(month));
      if (period === -1) {
        outside += count;
        continue;
      }
      all[period] += count;
      const g = groups.get(group) ?? [0, 0];
      g[period] += count;
      groups.set(group, g);
      if (ward) {
        const w = wards.get(ward) ?? [0, 0];
        w[period] += count;
        wards.set(ward, w);
      }
      if (flag === "1") da[period] += count;
      if (period === 1 && VIOLENT_GROUPS.has(group)) {
        violent += count;
        if (flag === "1") daViolent += count;
      }
    }
    const reasons = Object.fromEntries(this.reasons);
    if (outside > 0) reasons["outside both periods"] = outside;
    const rejectedCount = Object.values(reasons).reduce((a, b) => a + b, 0);
    const hasDa = this.columns.domesticAbuse !== null;
    return {
      periods: windows.labels,
      allCrime: all,
      byGroup: [...groups].sort((a, b) => b[1][1] - a[1][1] || a[0].localeCompare(b[0])).map(([group, values]) => ({ group, values, pctChange: compareValues(values[0], values[1]).pctChange })),
      byWard: [...wards].sort((a, b) => b[1][1] - a[1][1] || a[0].localeCompare(b[0])).map(([name, values]) => ({ name, values })),
      domesticAbuse: hasDa ? da : null,
      daShareAll: hasDa && all[1] > 0 ? da[1] / all[1] : null,
      daShareViolence: hasDa && violent > 0 ? daViolent / violent : null,
      rejected: { count: rejectedCount, reasons, examples: Object.fromEntries(this.examples) },
    };
  }
}
