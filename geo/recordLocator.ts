import type { LocatedRecord, RecordLocator } from "../src/core/incidents";
import type { WardBoundaries } from "./boundaries";
import { fromBritishNationalGrid } from "./britishNationalGrid";
import { WardLocator } from "./pointInWard";
import { WardMatcher } from "./wardMatch";

/**
 * Places a record's coordinates in a ward of these boundaries. A point in no ward is outside
 * the boundaries (force-wide data cut to the borough), unless swapping its two coordinates
 * puts it in one: then it is reported as swapped (the commonest mistake in a hand-made
 * extract) and not counted. Ward names and codes written in the extract are read as the
 * boundaries' names.
 */
export function recordLocator(boundaries: WardBoundaries): RecordLocator {
  // Built on first use: a workbook with no located records never pays for the answer grid.
  let built: WardLocator | null = null;
  let named: WardMatcher | null = null;
  const locator = (): WardLocator => (built ??= new WardLocator(boundaries));
  const matcher = (): WardMatcher => (named ??= new WardMatcher(boundaries.wards));
  const place = (x: number, y: number, system: "latlon" | "bng"): number => {
    if (system === "latlon") return Math.abs(y) <= 90 && Math.abs(x) <= 180 ? locator().locate(x, y) : -1;
    if (x < 0 || y < 0 || x > 700000 || y > 1300000) return -1;
    const [lon, lat] = fromBritishNationalGrid(x, y);
    return locator().locate(lon, lat);
  };
  return {
    locate(x: number, y: number, system: "latlon" | "bng"): LocatedRecord {
      const ward = place(x, y, system);
      if (ward >= 0) return { ward: boundaries.wards[ward].name };
      if (place(y, x, system) >= 0)
        return { reject: system === "latlon" ? "latitude and longitude swapped" : "easting and northing swapped" };
      return { outside: true };
    },
    wardName(text: string): string | null {
      const m = matcher().match(text);
      return m.kind === "matched" ? boundaries.wards[m.ward].name : null;
    },
  };
}

/**
 * The names of the wards that share a border with the ward named `name` (matched loosely).
 *
 * @example
 * wardNeighbourNames(loadBoundaries({ type: "FeatureCollection", features: [{ type: "Feature", properties: { WD19CD: "E05000001", WD19NM: "West" }, geometry: { type: "Polygon", coordinates: [[[0, 51], [0.1, 51], [0.1, 51.1], [0, 51.1], [0, 51]]] } }, { type: "Feature", properties: { WD19CD: "E05000002", WD19NM: "East" }, geometry: { type: "Polygon", coordinates: [[[0.1, 51], [0.2, 51], [0.2, 51.1], [0.1, 51.1], [0.1, 51]]] } }] }))("West") //= ["East"]
 */
export function wardNeighbourNames(boundaries: WardBoundaries): (name: string) => string[] {
  const matcher = new WardMatcher(boundaries.wards);
  return (name) => {
    const m = matcher.match(name);
    return m.kind === "matched" ? boundaries.neighbours[m.ward].map((i) => boundaries.wards[i].name) : [];
  };
}

/**
 * The ONS code of a ward named loosely, or null when no ward of these boundaries matches.
 *
 * @example
 * wardCodeOf(loadBoundaries({ type: "FeatureCollection", features: [{ type: "Feature", properties: { WD19CD: "E05000001", WD19NM: "West" }, geometry: { type: "Polygon", coordinates: [[[0, 51], [0.1, 51], [0.1, 51.1], [0, 51.1], [0, 51]]] } }, { type: "Feature", properties: { WD19CD: "E05000002", WD19NM: "East" }, geometry: { type: "Polygon", coordinates: [[[0.1, 51], [0.2, 51], [0.2, 51.1], [0.1, 51.1], [0.1, 51]]] } }] }))("east") //= "E05000002"
 */
export function wardCodeOf(boundaries: WardBoundaries): (name: string) => string | null {
  const matcher = new WardMatcher(boundaries.wards);
  return (name) => {
    const m = matcher.match(name);
    return m.kind === "matched" ? boundaries.wards[m.ward].code : null;
  };
}
