import type { ForceWideCounts } from "./lsoaTally";

// What the records of an extract add up to (`IncidentAggregator.counts`), and the types a
// record's place and rejection are told in: values the analysis reads, apart from the counting.

/** Why a record was not counted (by ward, for the location reasons; at all, for the others). */
export type RejectReason =
  | "empty row"
  | "unreadable date"
  | "unknown category"
  | "outside both periods"
  | "latitude and longitude swapped"
  | "easting and northing swapped";

/**
 * Where a record's coordinates fall: a ward's name, outside every ward (force-wide data cut to
 * the borough: not an error), or why they cannot be placed.
 */
export type LocatedRecord = { readonly ward: string } | { readonly outside: true } | { readonly reject: RejectReason };

/** Places coordinates in wards; the GIS module provides it (the core knows no boundaries). */
export interface RecordLocator {
  /** `x, y` are longitude and latitude for `latlon`, easting and northing for `bng`. */
  locate(x: number, y: number, system: "latlon" | "bng"): LocatedRecord;
  /** The boundaries' name for a ward written in the Ward column (a code, or another spelling), or null. */
  wardName(text: string): string | null;
}

/** One aggregated cell: records of one day, crime group, ward and domestic-abuse flag. */
export interface DayCell {
  /** The day; the month's first day when `monthOnly`. */
  readonly day: number;
  readonly group: number;
  readonly ward: number;
  readonly da: boolean;
  /** The record gave its month only (police.uk): it has no day, weekday or time. */
  readonly monthOnly: boolean;
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
  /** Records in no ward of the boundaries (force-wide data): not the borough's, not an error. */
  readonly outsideBoundaries: number;
  readonly outsideExamples: readonly RecordExample[];
  /** Records with no location at all (police.uk's "No Location"), or none placed when no boundaries were given. */
  readonly unlocated: number;
  /** False when records could not be placed in wards: no boundaries were given and no Ward column names them. */
  readonly placed: boolean;
  /**
   * True when unlocated records were left out of the counts: in an extract that reaches beyond
   * the borough, a record without a location may not be the borough's.
   */
  readonly unlocatedExcluded: boolean;
  /** Counted records that give their month only, not a day. */
  readonly monthOnly: number;
  /** Counted records by category as the extract writes it (police.uk's own names), most first. */
  readonly categories: readonly { readonly category: string; readonly count: number }[];
  /** Counted records by LSOA (police.uk), most first; empty when the extract has no LSOA column. */
  readonly lsoas: readonly { readonly code: string; readonly name: string; readonly count: number }[];
  /** True when a file had police.uk's header (its data must credit police.uk). */
  readonly policeUk: boolean;
  /** Every record's `Falls within` (else `Reported by`) force, with its count: whose data it is. */
  readonly forces: readonly { readonly force: string; readonly count: number }[];
  /** Every record, the borough's or not, by force, LSOA and month (police.uk downloads; empty without an LSOA column). */
  readonly forceWide: ForceWideCounts;
}

/** A record quoted in a finding: where it is (`'Extract'!B1204`, `line 1204`) and what it says. */
export interface RecordExample {
  readonly where: string;
  readonly text: string;
}

/** `line 12: 31/02/2019 | Theft | High Street`. */
export const exampleText = (e: RecordExample): string => `${e.where}: ${e.text}`;
