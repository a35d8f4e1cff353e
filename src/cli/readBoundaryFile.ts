import { promises as fs } from "node:fs";
import path from "node:path";
import type { WardBoundaries } from "../../geo";
import { type BoundaryFile, boundariesFromFiles } from "../job/boundaryFile";
import { InputError } from "../model";
import { filesUnder } from "./inputFiles";
import { readInputFile } from "./fileOutput";

/**
 * Reads ward boundaries for the CLI from what `--boundaries` names, once or more: files
 * (GeoJSON, TopoJSON, zips of them, zipped or loose Shapefiles) and folders of them. Files are
 * named by their own names, never their paths, in every message and output.
 * @throws InputError for a path that cannot be read, or files that hold no ward boundaries
 */
export async function readBoundaryFiles(paths: readonly string[]): Promise<WardBoundaries> {
  const files: BoundaryFile[] = [];
  for (const given of paths) {
    let stat;
    try {
      stat = await fs.stat(given);
    } catch {
      throw new InputError(null, `${path.basename(given)} not found (--boundaries ${given})`);
    }
    const found = stat.isDirectory() ? await filesUnder(given) : [given];
    for (const file of found)
      files.push({
        name: path.relative(stat.isDirectory() ? given : path.dirname(given), file),
        bytes: await readInputFile(file),
      });
    if (found.length === 0) throw new InputError(null, `${path.basename(given)} is an empty folder`);
  }
  const label = paths.length === 1 ? path.basename(paths[0]) : `${paths.length} boundary sources`;
  // shpjs (and the zip reader under it) loads only when a Shapefile is given.
  return boundariesFromFiles(files, label, async (bytes) => (await import("shpjs")).default(bytes));
}
