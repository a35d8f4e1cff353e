import { type CellValue, cellText } from "../../model";

/** Where the record-level columns are in an extract's header row (zero-based, null when absent). */
export interface RecordColumns {
  readonly date: number;
  /**
   * True when the date column gives months only (police.uk's `Month`, `2022-01`): records
   * then have no day, weekday or time, and the profiles that need them say so.
   */
  readonly monthOnly?: boolean;
  readonly category: number;
  readonly time: number | null;
  readonly ward: number | null;
  readonly domesticAbuse: number | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly easting: number | null;
  readonly northing: number | null;
  /** police.uk's `LSOA code` and `LSOA name`, and whose data it is (`Falls within`, `Reported by`). */
  readonly lsoaCode?: number | null;
  readonly lsoaName?: number | null;
  readonly fallsWithin?: number | null;
  readonly reportedBy?: number | null;
}

type Named = Exclude<keyof RecordColumns, "monthOnly">;

// The header names police and partner extracts use, lower-cased with punctuation as spaces.
const HEADERS: Record<Named | "month", RegExp> = {
  date: /^(committed date|date committed|offence date|date of offence|occurred date|date occurred|date|start date|from date|incident date|crime date|committed from date|date time|datetime)$/,
  // police.uk writes only the month; some force extracts do too.
  month: /^(month|month committed|committed month|offence month|crime month|year month)$/,
  category:
    /^(crime type|offence|offence type|crime category|category|offence group|crime group|offence description|crime|incident type)$/,
  time: /^(time|committed time|time committed|offence time|incident time|start time|from time)$/,
  ward: /^(ward|ward name|ward code|ward \(2015\)|ward name \(2015\)|ward cd|wd15nm|wd15cd)$/,
  domesticAbuse: /^(da flag|da|domestic|domestic abuse|domestic abuse flag|domestic flag|da marker|da related)$/,
  latitude: /^(lat|latitude)$/,
  longitude: /^(lon|long|lng|longitude)$/,
  easting: /^(easting|eastings|x|grid x|os x|x coord(inate)?)$/,
  northing: /^(northing|northings|y|grid y|os y|y coord(inate)?)$/,
  lsoaCode: /^(lsoa code|lsoa cd|lsoa11cd|lsoa21cd|lsoa)$/,
  lsoaName: /^(lsoa name|lsoa nm|lsoa11nm|lsoa21nm)$/,
  fallsWithin: /^(falls within|force|force area|police force)$/,
  reportedBy: /^(reported by)$/,
};

const normalise = (h: CellValue): string => cellText(h).toLowerCase().replace(/[_.]/g, " ").replace(/\s+/g, " ").trim();

/**
 * Finds the record columns in a header row (case-insensitive; the names police extracts and
 * police.uk's street files use), or null when the row has no date (or month) and category
 * column: then it is not a record-level header.
 *
 * @example
 * findRecordColumns(["Crime ref", "Date", "Crime type", "Ward"])?.category //= 2
 */
export function findRecordColumns(header: readonly CellValue[]): RecordColumns | null {
  const norm = header.map(normalise);
  const find = (key: Named | "month"): number | null => {
    const i = norm.findIndex((h) => HEADERS[key].test(h));
    return i < 0 ? null : i;
  };
  const day = find("date");
  const month = day === null ? find("month") : null;
  const date = day ?? month;
  const category = find("category");
  if (date === null || category === null) return null;
  const latitude = find("latitude");
  const longitude = find("longitude");
  const easting = find("easting");
  const northing = find("northing");
  const pair = (a: number | null, b: number | null): boolean => a !== null && b !== null;
  return {
    date,
    monthOnly: month !== null || undefined,
    category,
    time: find("time"),
    ward: find("ward"),
    domesticAbuse: find("domesticAbuse"),
    latitude: pair(latitude, longitude) ? latitude : null,
    longitude: pair(latitude, longitude) ? longitude : null,
    easting: pair(easting, northing) ? easting : null,
    northing: pair(easting, northing) ? northing : null,
    // police.uk's own columns are left unset (not null) when absent, as is monthOnly when false.
    lsoaCode: find("lsoaCode") ?? undefined,
    lsoaName: find("lsoaName") ?? undefined,
    fallsWithin: find("fallsWithin") ?? undefined,
    reportedBy: find("reportedBy") ?? undefined,
  };
}
