import { type WardBoundaries, loadBoundaries } from "../geo";

/** The ward boundaries `npm run build` copies beside the page (from the ignored build folder). */
export const BOUNDARIES_URL = "wards.topo.json";

/**
 * The boundaries for a run: the file the analyst picked (GeoJSON, TopoJSON or a zipped
 * Shapefile, any council), else the ones beside the page.
 */
export async function chosenBoundaries(): Promise<WardBoundaries | null> {
  const file = (document.getElementById("csp-boundaries") as HTMLInputElement | null)?.files?.[0];
  if (!file) return fetchBoundaries();
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const { default: shp } = await import(/* webpackChunkName: "shapefile" */ "shpjs");
    const parsed = await shp(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    return loadBoundaries(Array.isArray(parsed) ? parsed[0] : parsed, file.name);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error(`${file.name} is not GeoJSON, TopoJSON or a zipped Shapefile`);
  }
  return loadBoundaries(json, file.name);
}

/** Fetches the boundaries from the page's own origin; null when the build has none. */
export async function fetchBoundaries(): Promise<WardBoundaries | null> {
  const response = await fetch(BOUNDARIES_URL);
  if (!response.ok) return null;
  return loadBoundaries(await response.json(), BOUNDARIES_URL);
}
