import { type CellValue, cellText } from "../../model";

/** Where the record-level columns are in an extract's header row (zero-based, null when absent). */
export interface RecordColumns {
  readonly date: number;
  readonly category: number;
  readonly time: number | null;
  readonly ward: number | null;
  readonly domesticAbuse: number | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly easting: number | null;
  readonly northing: number | null;
}

// The header names police and partner extracts use, lower-cased with punctuation as spaces.
const HEADERS: Record<keyof RecordColumns, RegExp> = {
  date: /^(committed date|date committed|offence date|date of offence|occurred date|date occurred|date|start date|from date|incident date|crime date|committed from date|date time|datetime)$/,
  category: /^(crime type|offence|offence type|crime category|category|offence group|crime group|offence description|crime|incident type)$/,
  time: /^(time|committed time|time committed|offence time|incident time|start time|from time)$/,
  ward: /^(ward|ward name|ward code|ward \(2015\)|ward name \(2015\)|ward cd|wd15nm|wd15cd)$/,
  domesticAbuse: /^(da flag|da|domestic|domestic abuse|domestic abuse flag|domestic flag|da marker|da related)$/,
  latitude: /^(lat|latitude)$/,
  longitude: /^(lon|long|lng|longitude)$/,
  easting: /^(easting|eastings|x|grid x|os x|x coord(inate)?)$/,
  northing: /^(northing|northings|y|grid y|os y|y coord(inate)?)$/,
};

const normalise = (h: CellValue): string => cellText(h).toLowerCase().replace(/[_.]/g, " ").replace(/\s+/g, " ").trim();

/**
 * Finds the record columns in a header row (case-insensitive; the names police extracts use),
 * or null when the row has no date and category column: then it is not a record-level header.
 */
export function findRecordColumns(header: readonly CellValue[]): RecordColumns | null {
  const norm = header.map(normalise);
  const find = (key: keyof RecordColumns): number | null => {
    const i = norm.findIndex((h) => HEADERS[key].test(h));
    return i < 0 ? null : i;
  };
  const date = find("date");
  const category = find("category");
  if (date === null || category === null) return null;
  const latitude = find("latitude");
  const longitude = find("longitude");
  const easting = find("easting");
  const northing = find("northing");
  const pair = (a: number | null, b: number | null): boolean => a !== null && b !== null;
  return {
    date,
    category,
    time: find("time"),
    ward: find("ward"),
    domesticAbuse: find("domesticAbuse"),
    latitude: pair(latitude, longitude) ? latitude : null,
    longitude: pair(latitude, longitude) ? longitude : null,
    easting: pair(easting, northing) ? easting : null,
    northing: pair(easting, northing) ? northing : null,
  };
}
