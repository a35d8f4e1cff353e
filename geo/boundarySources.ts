import type { Feature, FeatureCollection } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { InputError } from "../src/model";
import { ONS_ATTRIBUTION, type WardBoundaries, detectWardFields, inWgs84, loadBoundaries } from "./boundaries";

// Boundaries come as councils and the ONS portal hand them out: one file of every ward, or a
// file per ward (often in British National Grid), TopoJSON, or Shapefiles; each is read into
// WGS84 features, and all of them make one set of wards.

/** One source's features in WGS84, named by the file they came from. */
export interface BoundarySource {
  readonly name: string;
  readonly collection: FeatureCollection;
}

/**
 * A parsed JSON file's features in WGS84: a GeoJSON FeatureCollection or single Feature
 * (reprojected by its `crs` member or its coordinates), or every object of a TopoJSON topology.
 * @throws InputError when it is none of these, or names a coordinate system not converted
 */
export function boundarySource(json: unknown, name: string): BoundarySource {
  const value = json as { type?: string; objects?: Record<string, GeometryCollection> };
  if (value?.type === "Topology") {
    const topo = json as Topology;
    const objects = topo.objects.wards ? ["wards"] : Object.keys(topo.objects);
    const features = objects.flatMap((key) => (feature(topo, topo.objects[key]) as FeatureCollection).features);
    return { name, collection: inWgs84({ type: "FeatureCollection", features }, name) };
  }
  if (value?.type === "FeatureCollection") return { name, collection: inWgs84(json as FeatureCollection, name) };
  if (value?.type === "Feature")
    return { name, collection: inWgs84({ type: "FeatureCollection", features: [json as Feature] }, name) };
  throw new InputError(null, `${name} is neither TopoJSON nor GeoJSON`);
}

/**
 * One set of ward boundaries from every source: a ward given twice (by two files of the same
 * ward code) is refused, naming both files, rather than drawn twice.
 * @throws InputError when two sources give one ward, or none holds a ward polygon
 */
export function boundariesFromSources(sources: readonly BoundarySource[], label: string): WardBoundaries {
  const seen = new Map<string, string>();
  const features: Feature[] = [];
  for (const source of sources)
    for (const f of source.collection.features) {
      const props = (f.properties ?? {}) as Record<string, unknown>;
      const fields = detectWardFields(props);
      const code = fields ? String(props[fields.code]) : null;
      if (code && seen.has(code) && seen.get(code) !== source.name)
        throw new InputError(null, `${seen.get(code)} and ${source.name} both give ward ${code}; give each ward once`);
      if (code) seen.set(code, source.name);
      features.push(f);
    }
  return loadBoundaries({ type: "FeatureCollection", features }, label, ONS_ATTRIBUTION);
}
