import { type SheetGrid, cellText, gridCell, gridWidth, sheetCellRef } from "../src/model";
import { type Finding, finding } from "../src/core/findings";
import { parseNumberCell } from "../src/core/parse/parseNumber";
import { fromBritishNationalGrid } from "./britishNationalGrid";
import { normaliseWardName } from "./wardMatch";

/** One located record: WGS84 position, weight (1, or its Count), and where it came from. */
export interface LocatedPoint {
  readonly reference: string;
  readonly longitude: number;
  readonly latitude: number;
  readonly weight: number;
  readonly cell: string;
}

/** What a points table held. */
export interface PointTable {
  readonly points: LocatedPoint[];
  /** Rows that could not be placed, with why. */
  readonly rejected: { readonly cell: string; readonly reason: string }[];
  readonly findings: Finding[];
  readonly system: "latlon" | "bng" | "place";
}

const SYNONYMS = {
  reference:
    /^(ref|reference|id|crime ref(erence)?|incident( ref(erence)?| number| no)?|urn|record|case( ref| number)?|crime (no|number))$/,
  latitude: /^(lat|latitude|lat wgs84|y wgs84)$/,
  longitude: /^(lon|long|lng|longitude|lon wgs84|x wgs84)$/,
  easting: /^(easting|eastings|east|x|os x|grid x|x coord(inate)?|bng x|osgb easting)$/,
  northing: /^(northing|northings|north|y|os y|grid y|y coord(inate)?|bng y|osgb northing)$/,
  place: /^(place|location|location name|site|named place)$/,
  count: /^(count|number|finds|incidents|n|total)$/,
};

type Column = keyof typeof SYNONYMS;

/**
 * Finds the header row and the columns that locate each record (case-insensitive, common synonyms).
 *
 * @example
 * findPointColumns({ name: "P", top: 0, left: 0, values: [["Ref", "Latitude", "Longitude"], ["A", 51.27, 0.52]] })?.columns //= { reference: 0, latitude: 1, longitude: 2 }
 */
export function findPointColumns(grid: SheetGrid): { row: number; columns: Partial<Record<Column, number>> } | null {
  const width = gridWidth(grid);
  for (let r = grid.top; r < grid.top + Math.min(grid.values.length, 10); r += 1) {
    const columns: Partial<Record<Column, number>> = {};
    for (let c = grid.left; c < grid.left + width; c += 1) {
      const h = cellText(gridCell(grid, r, c))
        .toLowerCase()
        .replace(/[_.]/g, " ")
        .replace(/\s+/g, " ")
        .trim();
      for (const key of Object.keys(SYNONYMS) as Column[]) {
        if (columns[key] === undefined && SYNONYMS[key].test(h)) columns[key] = c;
      }
    }
    const located =
      (columns.latitude !== undefined && columns.longitude !== undefined) ||
      (columns.easting !== undefined && columns.northing !== undefined) ||
      columns.place !== undefined;
    if (located) return { row: r, columns };
  }
  return null;
}

/**
 * Reads a Places sheet (Place with Latitude/Longitude or Easting/Northing) into a lookup by name.
 *
 * @example
 * readPlaces({ name: "Places", top: 0, left: 0, values: [["Place", "Latitude", "Longitude"], ["Week Street", 51.2745, 0.5227]] }).get("week street") //= [0.5227, 51.2745]
 */
export function readPlaces(grid: SheetGrid): Map<string, [number, number]> {
  const places = new Map<string, [number, number]>();
  const table = readPointTable(grid, null, null);
  for (const p of table.points) places.set(normaliseWardName(p.reference), [p.longitude, p.latitude]);
  return places;
}

const inBox = (box: readonly [number, number, number, number], lon: number, lat: number): boolean =>
  lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];

const cellNumber = (grid: SheetGrid, r: number, c: number | undefined): number | null => {
  if (c === undefined) return null;
  const parsed = parseNumberCell(gridCell(grid, r, c), null);
  return parsed.kind === "number" ? parsed.value : null;
};

type PointSystem = PointTable["system"];

/**
 * A row's position as [longitude, latitude], and where it would be with its two coordinates
 * swapped (to tell a swapped record from one outside the borough); for a place, the place's
 * name when the Places sheet does not hold it.
 */
function rowPosition(
  grid: SheetGrid,
  r: number,
  system: PointSystem,
  columns: NonNullable<ReturnType<typeof findPointColumns>>["columns"],
  places: Map<string, [number, number]> | null,
): { position: [number, number] | null; alternative: [number, number] | null; unknownPlace: string | null } {
  const num = (c: number | undefined): number | null => cellNumber(grid, r, c);
  if (system === "latlon") {
    const lat = num(columns.latitude);
    const lon = num(columns.longitude);
    if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180)
      return { position: null, alternative: null, unknownPlace: null };
    return { position: [lon, lat], alternative: Math.abs(lon) <= 90 ? [lat, lon] : null, unknownPlace: null };
  }
  if (system === "bng") {
    const e = num(columns.easting);
    const n = num(columns.northing);
    if (e === null || n === null || e < 0 || n < 0 || e > 700000 || n > 1300000)
      return { position: null, alternative: null, unknownPlace: null };
    return {
      position: fromBritishNationalGrid(e, n),
      alternative: n <= 700000 && e <= 1300000 ? fromBritishNationalGrid(n, e) : null,
      unknownPlace: null,
    };
  }
  const written = cellText(gridCell(grid, r, columns.place as number));
  const position = places?.get(normaliseWardName(written)) ?? null;
  return { position, alternative: null, unknownPlace: position ? null : written };
}

/** One warning for records with swapped coordinates, and one for records that could not be placed. */
function placingFindings(
  sheet: string,
  system: PointSystem,
  swapped: number,
  rejected: readonly { cell: string; reason: string }[],
): Finding[] {
  const findings: Finding[] = [];
  if (swapped > 0) {
    const what = system === "latlon" ? "latitude and longitude" : "easting and northing";
    findings.push(
      finding(
        sheet,
        rejected.find((x) => x.reason.includes("swapped"))?.cell ?? "",
        "warning",
        "swapped-coordinates",
        `${swapped} record(s) have ${what} the wrong way round (they land in the borough only when swapped); they are not counted until corrected`,
        swapped,
        null,
      ),
    );
  }
  const unplaced = rejected.filter((x) => !x.reason.includes("swapped"));
  if (unplaced.length > 0) {
    findings.push(
      finding(
        sheet,
        unplaced[0].cell,
        "warning",
        "unlocated-records",
        `${unplaced.length} record(s) could not be placed: first ${unplaced
          .slice(0, 3)
          .map((x) => `${x.cell} (${x.reason})`)
          .join(", ")}`,
        unplaced.length,
        null,
      ),
    );
  }
  return findings;
}

/**
 * Reads located records from a sheet: latitude/longitude, British National Grid
 * easting/northing (EPSG:27700), or a named place looked up in `places`. With `extent` (the
 * boundaries' [minLon, minLat, maxLon, maxLat]) a record that falls outside it but inside when
 * its two coordinates are swapped is reported as swapped, not placed.
 */
export function readPointTable(
  grid: SheetGrid,
  places: Map<string, [number, number]> | null,
  extent: readonly [number, number, number, number] | null,
): PointTable {
  const sheet = grid.name;
  const found = findPointColumns(grid);
  const findings: Finding[] = [];
  const points: LocatedPoint[] = [];
  const rejected: { cell: string; reason: string }[] = [];
  if (!found) {
    findings.push(
      finding(
        sheet,
        "",
        "error",
        "no-location-columns",
        "no Latitude/Longitude, Easting/Northing or Place column was found in the first ten rows",
      ),
    );
    return { points, rejected, findings, system: "latlon" };
  }
  const { row: header, columns } = found;
  const system =
    columns.latitude !== undefined && columns.longitude !== undefined
      ? "latlon"
      : columns.easting !== undefined && columns.northing !== undefined
        ? "bng"
        : "place";
  const num = (r: number, c: number | undefined): number | null => cellNumber(grid, r, c);
  let swapped = 0;
  for (let r = header + 1; r < grid.top + grid.values.length; r += 1) {
    const refColumn = columns.reference ?? columns.place ?? grid.left;
    const reference = cellText(gridCell(grid, r, refColumn)) || `row ${r + 1}`;
    const rowCells = grid.values[r - grid.top] ?? [];
    if (rowCells.every((v) => cellText(v) === "")) continue;
    const cell = sheetCellRef(sheet, r, refColumn);
    const weight = columns.count !== undefined ? (num(r, columns.count) ?? 1) : 1;
    const { position, alternative, unknownPlace } = rowPosition(grid, r, system, columns, places);
    if (unknownPlace !== null) {
      rejected.push({ cell, reason: `place "${unknownPlace}" is not in the Places sheet` });
      continue;
    }
    if (!position) {
      rejected.push({ cell, reason: "no usable coordinates" });
      continue;
    }
    if (
      extent &&
      !inBox(extent, position[0], position[1]) &&
      alternative &&
      inBox(extent, alternative[0], alternative[1])
    ) {
      swapped += 1;
      rejected.push({
        cell,
        reason: system === "latlon" ? "latitude and longitude appear swapped" : "easting and northing appear swapped",
      });
      continue;
    }
    points.push({ reference, longitude: position[0], latitude: position[1], weight, cell });
  }
  findings.push(...placingFindings(sheet, system, swapped, rejected));
  return { points, rejected, findings, system };
}
