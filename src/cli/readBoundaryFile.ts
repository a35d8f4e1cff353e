import { promises as fs } from "node:fs";
import path from "node:path";
import shp from "shpjs";
import type { WardBoundaries } from "../../geo";
import { boundariesFromBytes } from "../job/boundaryFile";
import { InputError } from "../model";
import { readInputFile } from "./fileOutput";
import { packageRoot } from "../adapters/node/packageRoot";

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
      throw new InputError(
        null,
        "no ward boundaries: run npm run geo:build, or give --boundaries <GeoJSON, TopoJSON or zipped Shapefile>",
      );
    }
  }
  return boundariesFromBytes(await readInputFile(target), target, (bytes) => shp(bytes));
}
