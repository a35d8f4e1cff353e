import type { FeatureCollection } from "geojson";
import { readFileSync } from "node:fs";
import path from "node:path";
import { type WardBoundaries, loadBoundaries } from "../../geo";

/** The shared folder beside the checkout, where the real boundary files are read from (never committed). */
export const SHARED_GEO = path.join(__dirname, "..", "..", "..", "shared", "geo");

/** The topology `npm run geo:build` made (the default boundaries), as the CLI reads it. */
export function builtBoundaries(): WardBoundaries {
  return loadBoundaries(
    JSON.parse(readFileSync(path.join(__dirname, "..", "..", "build", "geo", "wards.topo.json"), "utf8")),
  );
}

/** A boundary set read straight from a shared GeoJSON file. */
export function sharedBoundaries(year: 2015 | 2024): WardBoundaries {
  return loadBoundaries(
    JSON.parse(readFileSync(path.join(SHARED_GEO, `maidstone-wards-${year}.geojson`), "utf8")) as FeatureCollection,
  );
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

/** ONS's published mid-2020 ward population file (single years of age), beside the checkout. */
export const SHARED_POPULATION = path.join(
  __dirname,
  "..",
  "..",
  "..",
  "shared",
  "real",
  "population",
  "Mid-2020_Persons_England_Wales_(2021_wards).csv",
);

/** ONS's ward-to-district lookup (WD21 to LAD21), beside the population file: districts' populations are their wards'. */
export const SHARED_WARD_LOOKUP = path.join(path.dirname(SHARED_POPULATION), "WD21_LAD21_UK_LU.csv");

/** A ward's residents of all ages, summed straight from ONS's file (the tests' own reading of it). */
export function onsWardPopulation(code: string): number {
  const line = readFileSync(SHARED_POPULATION, "utf8")
    .split(/\r?\n/)
    .find((l) => l.startsWith(`${code},`));
  if (!line) throw new Error(`${code} is not in ONS's file`);
  return line
    .split(",")
    .slice(1)
    .reduce((sum, cell) => sum + (cell === "" ? 0 : Number(cell)), 0);
}
