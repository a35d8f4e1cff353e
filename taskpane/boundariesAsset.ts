import { type WardBoundaries, loadBoundaries } from "../geo";
import { boundariesFromBytes } from "../src/job/boundaryFile";

/** The ward boundaries `npm run build` copies beside the page (from the ignored build folder). */
export const BOUNDARIES_URL = "wards.topo.json";

/**
 * The boundaries for a run: the file the analyst picked (GeoJSON, TopoJSON or a zipped
 * Shapefile, any council), else the ones beside the page.
 */
export async function chosenBoundaries(): Promise<WardBoundaries | null> {
  const file = (document.getElementById("csp-boundaries") as HTMLInputElement | null)?.files?.[0];
  if (!file) return fetchBoundaries();
  // shpjs is fetched only when a Shapefile is picked.
  return boundariesFromBytes(new Uint8Array(await file.arrayBuffer()), file.name, async (bytes) => {
    const { default: shp } = await import(/* webpackChunkName: "shapefile" */ "shpjs");
    return shp(bytes);
  });
}

/** Fetches the boundaries from the page's own origin; null when the build has none. */
export async function fetchBoundaries(): Promise<WardBoundaries | null> {
  const response = await fetch(BOUNDARIES_URL);
  if (!response.ok) return null;
  return loadBoundaries(await response.json(), BOUNDARIES_URL);
}
