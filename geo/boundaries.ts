import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { feature, neighbors } from "topojson-client";
import { topology } from "topojson-server";
import type { GeometryCollection, Topology } from "topojson-specification";
import { InputError } from "../src/model";
import { fromBritishNationalGrid, looksLikeBritishNationalGrid } from "./britishNationalGrid";

/** One ward: its ONS code, name and polygon (WGS84). */
export interface Ward {
  readonly code: string;
  readonly name: string;
  readonly geometry: Polygon | MultiPolygon;
  /** [minLon, minLat, maxLon, maxLat] */
  readonly bbox: readonly [number, number, number, number];
}

/** A set of wards with who borders whom. */
export interface WardBoundaries {
  readonly wards: readonly Ward[];
  /** For each ward, the indexes of the wards that share a border line with it. */
  readonly neighbours: readonly (readonly number[])[];
  /** Attribution the map must show for these boundaries. */
  readonly attribution: string;
}

/** The ONS/OS statement the Open Government Licence requires for ward boundaries. */
export const ONS_ATTRIBUTION =
  "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right";

const CODE_FIELDS = [/^code$/i, /^WD\d{2}CD$/i, /^wardcode$/i, /^ward_code$/i, /^gss_code$/i, /^lad\d{2}cd$/i, /cd$/i];
const NAME_FIELDS = [/^name$/i, /^WD\d{2}NM$/i, /^wardname$/i, /^ward_name$/i, /^ward$/i, /nm$/i];

/**
 * Picks the code and name properties of a boundary file: `code`/`name`, `WD19CD`/`WD19NM`, `WD24CD`/`WD24NM`, ...
 *
 * @example
 * detectWardFields({ WD19CD: "E05004983", WD19NM: "Allington", OBJECTID: 1 }) //= { code: "WD19CD", name: "WD19NM" }
 */
export function detectWardFields(properties: Record<string, unknown>): { code: string; name: string } | null {
  const keys = Object.keys(properties);
  const pick = (patterns: RegExp[]): string | undefined => {
    for (const p of patterns) {
      const key = keys.find((k) => p.test(k) && typeof properties[k] === "string" && !/nmw$/i.test(k));
      if (key) return key;
    }
    return undefined;
  };
  const code = pick(CODE_FIELDS);
  const name = pick(NAME_FIELDS);
  return code && name ? { code, name } : null;
}

function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const rings = geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [x, y] of ring) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return [minX, minY, maxX, maxY];
}

function reproject(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const ring = (r: Position[]): Position[] => r.map(([x, y]) => fromBritishNationalGrid(x, y));
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: geometry.coordinates.map(ring) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map((p) => p.map(ring)) };
}

/** The coordinate system a GeoJSON `crs` member names (GeoJSON 2008 and every GIS since write one), or null. */
function namedCrs(collection: FeatureCollection, source: string): "bng" | "wgs84" | null {
  const crs = (collection as { crs?: { properties?: { name?: unknown } } }).crs;
  const name = typeof crs?.properties?.name === "string" ? crs.properties.name : null;
  if (name === null) return null;
  if (/\b27700$|::27700\b|EPSG:27700/i.test(name)) return "bng";
  if (/CRS84|\b4326$|::4326\b|EPSG:4326/i.test(name)) return "wgs84";
  throw new InputError(
    null,
    `${source} is in the coordinate system ${name}, which CSP Assess does not convert; save it as WGS84 (EPSG:4326) or British National Grid (EPSG:27700)`,
  );
}

/**
 * A collection's features in WGS84: reprojected from British National Grid when its `crs`
 * member says so, or, without one, when its coordinates can only be grid metres; any other
 * named system is refused by name.
 * @throws InputError for a coordinate system it does not convert
 */
export function inWgs84(collection: FeatureCollection, source = "boundary file"): FeatureCollection {
  const named = namedCrs(collection, source);
  const features = collection.features.map((f) => {
    if (!f.geometry || (f.geometry.type !== "Polygon" && f.geometry.type !== "MultiPolygon")) return f;
    const [x, y] = f.geometry.type === "Polygon" ? f.geometry.coordinates[0][0] : f.geometry.coordinates[0][0][0];
    const grid = named === "bng" || (named === null && looksLikeBritishNationalGrid(x, y));
    return grid ? { ...f, geometry: reproject(f.geometry) } : f;
  });
  return { type: "FeatureCollection", features };
}

/** Turns a GeoJSON collection of ward polygons into a topology (object `wards`), reprojecting BNG to WGS84. */
export function wardsTopology(collection: FeatureCollection, source = "boundary file"): Topology {
  const features: Feature[] = [];
  for (const [i, f] of inWgs84(collection, source).features.entries()) {
    if (!f.geometry || (f.geometry.type !== "Polygon" && f.geometry.type !== "MultiPolygon")) continue;
    const fields = detectWardFields((f.properties ?? {}) as Record<string, unknown>);
    if (!fields)
      throw new InputError(
        null,
        `${source}: feature ${i + 1} has no ward code and name fields (looked for code/name, WDnnCD/WDnnNM)`,
      );
    const props = f.properties as Record<string, string>;
    features.push({
      type: "Feature",
      properties: { code: props[fields.code], name: props[fields.name] },
      geometry: f.geometry,
    });
  }
  if (features.length === 0) throw new InputError(null, `${source} holds no ward polygons`);
  const wards: FeatureCollection = { type: "FeatureCollection", features };
  // Quantising snaps coordinates to a 10⁶ grid over the extent (centimetres for a borough), so
  // borders that differ only by floating-point noise are still shared arcs (neighbours).
  return topology({ wards }, 1e6) as unknown as Topology;
}

/** Ward boundaries from a topology whose first (or `wards`) object holds the ward polygons. */
export function boundariesFromTopology(topo: Topology, attribution = ONS_ATTRIBUTION): WardBoundaries {
  const key = topo.objects.wards ? "wards" : Object.keys(topo.objects)[0];
  const object = topo.objects[key] as GeometryCollection;
  if (!object || object.type !== "GeometryCollection")
    throw new InputError(null, "the boundary topology holds no collection of ward polygons");
  const collection = feature(topo, object) as FeatureCollection;
  const wards: Ward[] = collection.features.map((f, i) => {
    const fields = detectWardFields((f.properties ?? {}) as Record<string, unknown>);
    if (!fields) throw new InputError(null, `boundary feature ${i + 1} has no ward code and name fields`);
    const props = f.properties as Record<string, string>;
    const geometry = f.geometry as Polygon | MultiPolygon;
    return { code: props[fields.code], name: props[fields.name], geometry, bbox: bboxOf(geometry) };
  });
  return { wards, neighbours: neighbors(object.geometries), attribution };
}

/**
 * Reads boundaries from parsed JSON: a TopoJSON topology or a GeoJSON FeatureCollection.
 * @example
 * loadBoundaries({ type: "FeatureCollection", features: [{ type: "Feature", properties: { WD19CD: "E05000001", WD19NM: "West" }, geometry: { type: "Polygon", coordinates: [[[0, 51], [0.1, 51], [0.1, 51.1], [0, 51.1], [0, 51]]] } }, { type: "Feature", properties: { WD19CD: "E05000002", WD19NM: "East" }, geometry: { type: "Polygon", coordinates: [[[0.1, 51], [0.2, 51], [0.2, 51.1], [0.1, 51.1], [0.1, 51]]] } }] }).wards.map((w) => w.name) //= ["West", "East"]
 * @throws InputError when it is neither, or has no ward polygons with code and name
 */
export function loadBoundaries(json: unknown, source = "boundary file", attribution = ONS_ATTRIBUTION): WardBoundaries {
  const value = json as { type?: string };
  if (value?.type === "Topology") return boundariesFromTopology(json as Topology, attribution);
  if (value?.type === "FeatureCollection")
    return boundariesFromTopology(wardsTopology(json as FeatureCollection, source), attribution);
  throw new InputError(null, `${source} is neither TopoJSON nor a GeoJSON FeatureCollection`);
}

/**
 * The box around every ward: [west, south, east, north].
 *
 * @example
 * boundariesExtent(loadBoundaries({ type: "FeatureCollection", features: [{ type: "Feature", properties: { WD19CD: "E05000001", WD19NM: "West" }, geometry: { type: "Polygon", coordinates: [[[0, 51], [0.1, 51], [0.1, 51.1], [0, 51.1], [0, 51]]] } }, { type: "Feature", properties: { WD19CD: "E05000002", WD19NM: "East" }, geometry: { type: "Polygon", coordinates: [[[0.1, 51], [0.2, 51], [0.2, 51.1], [0.1, 51.1], [0.1, 51]]] } }] })) //= [0, 51, 0.2, 51.1]
 */
export function boundariesExtent(boundaries: WardBoundaries): [number, number, number, number] {
  return boundaries.wards.reduce<[number, number, number, number]>(
    (box, w) => [
      Math.min(box[0], w.bbox[0]),
      Math.min(box[1], w.bbox[1]),
      Math.max(box[2], w.bbox[2]),
      Math.max(box[3], w.bbox[3]),
    ],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

/**
 * A ward's outline with its coordinates rounded to `places` decimal places of a degree: six
 * is about 0.1 m, finer than any published ward boundary, and a third of the text of a
 * projected file's WGS84 coordinates. For keeping and sending shapes, never for counting.
 *
 * @example
 * roundedGeometry({ type: "Polygon", coordinates: [[[0.52123456789, 51.2], [0.6, 51.2], [0.6, 51.3], [0.52123456789, 51.2]]] }).coordinates[0][0] //= [0.521235, 51.2]
 */
export function roundedGeometry(geometry: Polygon | MultiPolygon, places = 6): Polygon | MultiPolygon {
  const scale = 10 ** places;
  const round = (position: Position): Position => position.map((c) => Math.round(c * scale) / scale);
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: geometry.coordinates.map((ring) => ring.map(round)) }
    : {
        type: "MultiPolygon",
        coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(round))),
      };
}
