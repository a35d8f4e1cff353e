import proj4 from "proj4";

// EPSG:27700 with the OSGB36 seven-parameter Helmert shift from WGS84 (accurate to a few
// metres, ample at ward scale; OSTN15 would add a 15 MB grid for centimetres).
proj4.defs(
  "EPSG:27700",
  "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs",
);
const toGrid = proj4("EPSG:4326", "EPSG:27700");

/**
 * WGS84 longitude/latitude to British National Grid easting/northing in metres.
 *
 * @example
 * toBritishNationalGrid(1.072628, 51.29788).map(Math.round) //= [614302, 159901]
 */
export function toBritishNationalGrid(longitude: number, latitude: number): [number, number] {
  const [e, n] = toGrid.forward([longitude, latitude]);
  return [e, n];
}

/**
 * British National Grid easting/northing in metres to WGS84 longitude/latitude.
 *
 * @example
 * fromBritishNationalGrid(576000, 155000).map((v) => Math.round(v * 1e4) / 1e4) //= [0.5214, 51.267]
 */
export function fromBritishNationalGrid(easting: number, northing: number): [number, number] {
  const [lon, lat] = toGrid.inverse([easting, northing]);
  return [lon, lat];
}

/**
 * True when a pair looks like BNG metres (inside the grid's 700 km × 1,300 km extent) rather than degrees.
 *
 * @example
 * looksLikeBritishNationalGrid(576000, 155000) //= true
 * looksLikeBritishNationalGrid(0.52, 51.27) //= false
 */
export function looksLikeBritishNationalGrid(x: number, y: number): boolean {
  return x >= 0 && x <= 700000 && y >= 0 && y <= 1300000 && (Math.abs(x) > 180 || Math.abs(y) > 90);
}
