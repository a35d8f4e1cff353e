import type { FeatureCollection } from "geojson";
import { readFileSync } from "node:fs";
import path from "node:path";
import { type WardBoundaries, loadBoundaries } from "../../geo";

import { SHARED_GEO } from "./realData";

export { SHARED_GEO, SHARED_POPULATION, SHARED_WARD_LOOKUP } from "./realData";

/** The sample's own wards (2015 to 2024), committed in samples/ under the OGL. */
export const SAMPLE_WARDS_2015 = path.join(__dirname, "..", "..", "samples", "maidstone-wards-2015.geojson");
/** The lines of ONS's mid-2020 ward populations for the sample's 26 wards, committed in samples/. */
const SAMPLE_POPULATION = path.join(
  __dirname,
  "..",
  "..",
  "samples",
  "population",
  "maidstone-wards-mid-2020-persons.csv",
);

/** The topology `npm run geo:build` made (the default boundaries), as the CLI reads it. */
export function builtBoundaries(): WardBoundaries {
  return loadBoundaries(
    JSON.parse(readFileSync(path.join(__dirname, "..", "..", "build", "geo", "wards.topo.json"), "utf8")),
  );
}

/** A boundary set read straight from its GeoJSON: the sample's 2015 wards, or the 2024 set from beside the checkout. */
export function sharedBoundaries(year: 2015 | 2024): WardBoundaries {
  const file = year === 2015 ? SAMPLE_WARDS_2015 : path.join(SHARED_GEO, "maidstone-wards-2024.geojson");
  return loadBoundaries(JSON.parse(readFileSync(file, "utf8")) as FeatureCollection);
}

/** The approximate places of the seed (Place, Latitude, Longitude, Ward), from the shared CSV. */
export function sharedPlaces(): { place: string; lat: number; lon: number; ward: string }[] {
  const lines = readFileSync(path.join(SHARED_GEO, "places-approx.csv"), "utf8").trim().split("\n").slice(1);
  return lines.map((line) => {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, ""));
    return { place: cells[0], lat: Number(cells[1]), lon: Number(cells[2]), ward: cells[3] };
  });
}

/** Square wards on a grid around (lon0, lat0), `size` degrees a side, with codes T0..Tn. */
export function gridBoundaries(columns: number, rows: number, size = 0.01, lon0 = 0.5, lat0 = 51.25): WardBoundaries {
  const features = [];
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      const x = lon0 + c * size;
      const y = lat0 + r * size;
      features.push({
        type: "Feature" as const,
        properties: { code: `T${r * columns + c}`, name: `Cell ${r}-${c}` },
        geometry: {
          type: "Polygon" as const,
          coordinates: [
            [
              [x, y],
              [x + size, y],
              [x + size, y + size],
              [x, y + size],
              [x, y],
            ],
          ],
        },
      });
    }
  }
  return loadBoundaries({ type: "FeatureCollection", features });
}

/**
 * A ward's residents of all ages, summed straight from ONS's lines (the tests' own reading of
 * them): the sample's committed lines, which tests/unit/samples holds to the national file.
 */
export function onsWardPopulation(code: string): number {
  const line = readFileSync(SAMPLE_POPULATION, "utf8")
    .split(/\r?\n/)
    .find((l) => l.startsWith(`${code},`));
  if (!line) throw new Error(`${code} is not in ONS's file`);
  return line
    .split(",")
    .slice(1)
    .reduce((sum, cell) => sum + (cell === "" ? 0 : Number(cell)), 0);
}
