import type { FeatureCollection } from "geojson";
import { type WardBoundaries, loadBoundaries } from "../../geo";
import { InputError } from "../model";

/** Reads a zipped Shapefile's features (shpjs, loaded as each host loads it). */
export type ShapefileReader = (bytes: ArrayBuffer) => Promise<FeatureCollection | FeatureCollection[]>;

/**
 * Boundaries from a file's bytes, whatever the analyst picked or named: GeoJSON, TopoJSON or a
 * zipped Shapefile (told apart by the zip's signature). The command line and the pane share it;
 * it lives in the job because it decodes text, which the pure GIS module leaves to its hosts.
 * @throws InputError naming the file when it is none of these, or has no ward polygons
 */
export async function boundariesFromBytes(
  bytes: Uint8Array,
  name: string,
  readShapefile: ShapefileReader,
): Promise<WardBoundaries> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let parsed: FeatureCollection | FeatureCollection[];
    try {
      parsed = await readShapefile(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      );
    } catch (error) {
      throw new InputError(null, `${name} is not a readable zipped Shapefile (${(error as Error).message})`);
    }
    return loadBoundaries(Array.isArray(parsed) ? parsed[0] : parsed, name);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new InputError(null, `${name} is not GeoJSON, TopoJSON or a zipped Shapefile`);
  }
  return loadBoundaries(json, name);
}
