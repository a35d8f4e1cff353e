import type { FeatureCollection } from "geojson";
import { unzipSync, zipSync } from "fflate";
import {
  type BoundarySource,
  type WardBoundaries,
  boundariesFromSources,
  boundarySource,
  detectWardFields,
} from "../../geo";
import { InputError } from "../model";

/** Reads a zipped Shapefile's features (shpjs, loaded as each host loads it). */
export type ShapefileReader = (bytes: ArrayBuffer) => Promise<FeatureCollection | FeatureCollection[]>;

/** A file the analyst gave for the boundaries: its name (no folder) and bytes. */
export interface BoundaryFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const JSON_FILE = /\.(geo|topo)?json$/i;
const SHAPEFILE_PART = /\.(shp|dbf|prj|cpg|shx)$/i;
const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;
const baseName = (name: string): string => name.slice(name.lastIndexOf("/") + 1);

/** A zipped Shapefile's features, each layer a source. */
async function shapefileSources(
  bytes: Uint8Array,
  name: string,
  readShapefile: ShapefileReader,
): Promise<BoundarySource[]> {
  let parsed: FeatureCollection | FeatureCollection[];
  try {
    parsed = await readShapefile(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch (error) {
    throw new InputError(null, `${name} is not a readable zipped Shapefile (${(error as Error).message})`);
  }
  const layers = Array.isArray(parsed) ? parsed : [parsed];
  // A zip of several layers (wards beside districts, say) gives its layers of wards; a layer
  // without ward code and name fields is the analyst's other data, not an error.
  const wardLayers = layers.filter((layer) =>
    layer.features.some((f) => detectWardFields((f.properties ?? {}) as Record<string, unknown>) !== null),
  );
  return (wardLayers.length > 0 ? wardLayers : layers).map((collection) => boundarySource(collection, name));
}

function jsonSource(bytes: Uint8Array, name: string): BoundarySource {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new InputError(null, `${name} is not GeoJSON, TopoJSON or a zipped Shapefile`);
  }
  return boundarySource(json, name);
}

/** A zip's sources: a Shapefile when it holds one, else every GeoJSON or TopoJSON file in it. */
async function zipSources(file: BoundaryFile, readShapefile: ShapefileReader): Promise<BoundarySource[]> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(file.bytes);
  } catch (error) {
    throw new InputError(null, `${file.name} is not a readable zip (${(error as Error).message})`);
  }
  const names = Object.keys(entries).filter((n) => !n.endsWith("/") && !baseName(n).startsWith("."));
  if (names.some((n) => /\.shp$/i.test(n))) return shapefileSources(file.bytes, file.name, readShapefile);
  const json = names.filter((n) => JSON_FILE.test(n)).sort();
  if (json.length === 0)
    throw new InputError(null, `${file.name} holds no GeoJSON, TopoJSON or Shapefile of ward boundaries`);
  return json.map((n) => jsonSource(entries[n], `${file.name}/${n}`));
}

/**
 * Boundaries from the files the analyst gave, whatever they are: GeoJSON (WGS84 or British
 * National Grid) or TopoJSON, one file of every ward or one file per ward, zips of them, a
 * zipped Shapefile, or a Shapefile's loose parts (.shp, .dbf, .prj). The command line (a file,
 * several, or a folder) and the pane (files picked) share it; it lives in the job because it
 * decodes text and zips, which the pure GIS module leaves to its hosts.
 * @throws InputError naming the file when one is none of these, or no file has ward polygons
 */
export async function boundariesFromFiles(
  files: readonly BoundaryFile[],
  label: string,
  readShapefile: ShapefileReader,
): Promise<WardBoundaries> {
  const sources: BoundarySource[] = [];
  // A Shapefile's parts given loose are zipped together again, as shpjs reads them.
  const loose = files.filter((f) => SHAPEFILE_PART.test(f.name));
  if (loose.some((f) => /\.shp$/i.test(f.name))) {
    const zipped = zipSync(Object.fromEntries(loose.map((f) => [baseName(f.name), f.bytes])));
    sources.push(...(await shapefileSources(zipped, label, readShapefile)));
  }
  for (const file of files) {
    if (SHAPEFILE_PART.test(file.name)) continue;
    if (isZip(file.bytes)) sources.push(...(await zipSources(file, readShapefile)));
    else if (JSON_FILE.test(file.name) || files.length === 1) sources.push(jsonSource(file.bytes, file.name));
  }
  if (sources.length === 0)
    throw new InputError(null, `${label} holds no GeoJSON, TopoJSON or Shapefile of ward boundaries`);
  return boundariesFromSources(sources, label);
}
