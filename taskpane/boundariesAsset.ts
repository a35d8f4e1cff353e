import { type WardBoundaries, loadBoundaries } from "../geo";
import { boundariesFromFiles } from "../src/job/boundaryFile";

/** The sample's ward boundaries, which `npm run build` copies beside the page (from the ignored build folder). */
export const BOUNDARIES_URL = "wards.topo.json";

/**
 * The boundaries for a run: the files the analyst picked (GeoJSON in WGS84 or British National
 * Grid, TopoJSON, Shapefiles, zips of them; any council's), else, for the sample only, the
 * sample's wards beside the page. No borough's wards are drawn under another's workbook.
 */
export async function chosenBoundaries(sample: boolean): Promise<WardBoundaries | null> {
  const files = [...((document.getElementById("csp-boundaries") as HTMLInputElement | null)?.files ?? [])];
  if (files.length === 0) return sample ? fetchBoundaries() : null;
  const picked = await Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  const label = files.length === 1 ? files[0].name : `${files.length} boundary files`;
  // shpjs is fetched only when a Shapefile is picked.
  return boundariesFromFiles(picked, label, async (bytes) => {
    const { default: shp } = await import(/* webpackChunkName: "shapefile" */ "shpjs");
    return shp(bytes);
  });
}

/** Fetches the sample's boundaries from the page's own origin; null when the build has none. */
export async function fetchBoundaries(): Promise<WardBoundaries | null> {
  const response = await fetch(BOUNDARIES_URL);
  if (!response.ok) return null;
  return loadBoundaries(await response.json(), BOUNDARIES_URL);
}
