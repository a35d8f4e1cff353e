import type { FeatureCollection } from "geojson";
import { promises as fs } from "node:fs";
import path from "node:path";
import shp from "shpjs";
import { type WardBoundaries, loadBoundaries } from "../../geo";
import { InputError } from "../model";
import { readInputFile } from "./fileOutput";
import { packageRoot } from "./packageRoot";

/** Where `npm run geo:build` writes the default boundaries (an ignored build folder). */
export const BUILT_BOUNDARIES = path.join(packageRoot(), "build", "geo", "wards.topo.json");

/**
 * Reads ward boundaries for the CLI: a GeoJSON or TopoJSON file, a zipped Shapefile, or (by
 * default) the topology `npm run geo:build` made from the bundled source.
 */
export async function readBoundaryFile(file?: string): Promise<WardBoundaries> {
  const target = file ?? BUILT_BOUNDARIES;
  if (!file) {
    try {
      await fs.access(target);
    } catch {
      throw new InputError(null, "no ward boundaries: run npm run geo:build, or give --boundaries <GeoJSON, TopoJSON or zipped Shapefile>");
    }
  }
  const bytes = await readInputFile(target);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let parsed: FeatureCollection | FeatureCollection[];
    try {
      parsed = await shp(bytes);
    } catch (error) {
      throw new InputError(null, `${target} is not a readable zipped Shapefile (${(error as Error).message})`);
    }
    return loadBoundaries(Array.isArray(parsed) ? parsed[0] : parsed, target);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new InputError(null, `${target} is not GeoJSON, TopoJSON or a zipped Shapefile`);
  }
  return loadBoundaries(json, target);
}
