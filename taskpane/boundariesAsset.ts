import { type WardBoundaries, loadBoundaries } from "../geo";

/** The ward boundaries `npm run build` copies beside the page (from the ignored build folder). */
export const BOUNDARIES_URL = "wards.topo.json";

/** Fetches the boundaries from the page's own origin; null when the build has none. */
export async function fetchBoundaries(): Promise<WardBoundaries | null> {
  const response = await fetch(BOUNDARIES_URL);
  if (!response.ok) return null;
  return loadBoundaries(await response.json(), BOUNDARIES_URL);
}
