import { type GiStar, wardGiStar } from "./getisOrdGiStar";
import { type MannKendall, mannKendall } from "./mannKendall";

/** Esri's Emerging Hot Spot Analysis categories, hot and cold. */
export type EmergingCategory =
  | "new"
  | "consecutive"
  | "intensifying"
  | "persistent"
  | "diminishing"
  | "sporadic"
  | "oscillating"
  | "historical"
  | "no pattern";

/** One ward's pattern over the periods. */
export interface EmergingWard {
  /** "hot", "cold", or null for no pattern. */
  readonly kind: "hot" | "cold" | null;
  readonly category: EmergingCategory;
  /** Its Gi* z-score in each period, oldest first, and their trend. */
  readonly z: readonly number[];
  readonly trend: MannKendall;
}

/** The share of periods a ward must be a hot (or cold) spot in to be persistent, intensifying, diminishing or historical. */
const MOSTLY = 0.9;

const hot = (g: GiStar): boolean => g.band.startsWith("hot");
const cold = (g: GiStar): boolean => g.band.startsWith("cold");

/**
 * The category of one ward, as Esri's Emerging Hot Spot Analysis defines them, from its Gi* in
 * each period (significant at 90%) and the Mann–Kendall trend of its z-scores. `is` tests the
 * kind asked for (hot or cold), `isOther` the opposite kind; `rising` is the trend that means
 * intensifying for this kind (up for hot spots, down for cold).
 */
function categoryOf(
  gi: readonly GiStar[],
  trend: MannKendall,
  is: (g: GiStar) => boolean,
  isOther: (g: GiStar) => boolean,
  rising: "up" | "down",
): EmergingCategory | null {
  const n = gi.length;
  const flags = gi.map(is);
  const count = flags.filter(Boolean).length;
  if (count === 0) return null;
  const last = flags[n - 1];
  const mostly = count >= MOSTLY * n;
  if (!last) return mostly ? "historical" : null;
  if (mostly) {
    if (trend.trend === rising) return "intensifying";
    if (trend.trend !== "none") return "diminishing";
    return "persistent";
  }
  if (count === 1) return "new";
  // The run of periods ending with the last one.
  let run = 0;
  while (run < n && flags[n - 1 - run]) run += 1;
  if (run === count && run >= 2) return "consecutive";
  return gi.some(isOther) ? "oscillating" : "sporadic";
}

/**
 * Emerging hot and cold spots of wards over four periods or more: Gi* of each period's counts
 * (binary contiguity, as the map's hotspots), then each ward classed by when it was a significant
 * hot or cold spot (by `calledBand`: its own count above the period's mean) and by the
 * Mann–Kendall trend of its z-scores. `periods` holds each period's counts by ward, oldest
 * first; wards in `noData` are left out of every period and have no pattern and no z-scores.
 */
export function emergingHotspots(
  periods: readonly (readonly number[])[],
  neighbours: readonly (readonly number[])[],
  noData: readonly number[] = [],
): EmergingWard[] {
  if (periods.length < 4) return [];
  const missing = new Set(noData);
  const gi = periods.map((counts) =>
    wardGiStar(
      counts.map((c, w) => (missing.has(w) ? null : c)),
      neighbours,
    ),
  );
  return neighbours.map((_, w) => {
    if (missing.has(w)) return { kind: null, category: "no pattern", z: [], trend: mannKendall([]) };
    const series = gi.map((period) => period[w] as GiStar);
    const z = series.map((g) => g.z);
    const trend = mannKendall(z);
    const asHot = categoryOf(series, trend, hot, cold, "up");
    const asCold = asHot ? null : categoryOf(series, trend, cold, hot, "down");
    if (asHot) return { kind: "hot", category: asHot, z, trend };
    if (asCold) return { kind: "cold", category: asCold, z, trend };
    return { kind: null, category: "no pattern", z, trend };
  });
}

/** "Intensifying hot spot", "New cold spot", "No pattern". */
export function emergingLabel(ward: Pick<EmergingWard, "kind" | "category">): string {
  if (!ward.kind) return "No pattern";
  return `${ward.category.charAt(0).toUpperCase()}${ward.category.slice(1)} ${ward.kind} spot`;
}
