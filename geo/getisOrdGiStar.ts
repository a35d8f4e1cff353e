import { erf } from "simple-statistics";

/**
 * What a ward is called from its Gi* z-score and its own value: a hot or cold spot at 90, 95 or
 * 99%; next to one (significant only through its neighbours); or none.
 */
export type HotspotBand =
  "hot-99" | "hot-95" | "hot-90" | "near-hot" | "none" | "near-cold" | "cold-90" | "cold-95" | "cold-99";

/** Gi* of one area. */
export interface GiStar {
  readonly z: number;
  /** Two-sided p-value from the normal approximation. */
  readonly p: number;
  readonly band: HotspotBand;
}

const BANDS: [number, string][] = [
  [2.576, "99"],
  [1.96, "95"],
  [1.645, "90"],
];

/**
 * The band of a z-score alone: |z| ≥ 2.576 is 99%, ≥ 1.960 is 95%, ≥ 1.645 is 90%.
 *
 * @example
 * hotspotBand(2.7) //= "hot-99"
 * hotspotBand(-2.1) //= "cold-95"
 * hotspotBand(1.2) //= "none"
 */
export function hotspotBand(z: number): HotspotBand {
  for (const [critical, level] of BANDS) {
    if (z >= critical) return `hot-${level}` as HotspotBand;
    if (z <= -critical) return `cold-${level}` as HotspotBand;
  }
  return "none";
}

/**
 * What a ward is called. Gi* sums a ward with its neighbours, so a ward with little of its own
 * beside a busy one can be significant; a partnership board reads "hotspot" as "a lot happens
 * here". A significant ward is a hotspot only when its own value is above the mean (a cold spot
 * only when below); otherwise it is next to one, and is not outlined as one.
 *
 * @example
 * calledBand(2.7, 40, 10) //= "hot-99"
 * calledBand(2.7, 0, 10) //= "near-hot"
 * calledBand(-2.1, 12, 10) //= "near-cold"
 */
export function calledBand(z: number, own: number, mean: number): HotspotBand {
  const band = hotspotBand(z);
  if (band.startsWith("hot") && !(own > mean)) return "near-hot";
  if (band.startsWith("cold") && !(own < mean)) return "near-cold";
  return band;
}

/**
 * Getis-Ord Gi* with binary contiguity weights, each area counted as its own neighbour
 * (Getis & Ord 1992; Ord & Getis 1995, eq. 8), each area's band called by `calledBand`. For area i with weights w_ij over all n areas:
 *
 *   Gi* = (Σ w_ij x_j − x̄ Σ w_ij) / (S √((n Σ w_ij² − (Σ w_ij)²) / (n − 1)))
 *
 * where x̄ and S are the mean and (population) standard deviation of x. This is the form
 * ArcGIS's Hot Spot Analysis and PySAL's `esda.G_Local(star=True)` compute; the p-value is
 * two-sided from the normal approximation. O(n + edges).
 *
 * @see https://doi.org/10.1111/j.1538-4632.1995.tb00912.x
 * @example
 * getisOrdGiStar([10, 1, 1], [[1], [0, 2], [1]]).map((g) => g.z) //= [0.7071, 0, -1.4142]
 */
export function getisOrdGiStar(values: readonly number[], neighbours: readonly (readonly number[])[]): GiStar[] {
  const n = values.length;
  if (n < 2) return values.map(() => ({ z: 0, p: 1, band: "none" as const }));
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + b * b, 0) / n - mean * mean;
  const s = Math.sqrt(Math.max(0, variance));
  return values.map((_, i) => {
    const members = new Set([i, ...neighbours[i]]);
    let local = 0;
    for (const j of members) local += values[j];
    const w = members.size;
    const denominator = s * Math.sqrt((n * w - w * w) / (n - 1));
    const z = denominator > 0 ? (local - mean * w) / denominator : 0;
    // Two-sided p = 2(1 − Φ(|z|)) = 1 − erf(|z| / √2); simple-statistics' normal CDF is a
    // table at 0.01 steps of z, too coarse for p-values.
    const p = Math.min(1, Math.max(0, 1 - erf(Math.abs(z) / Math.SQRT2)));
    return { z, p, band: calledBand(z, values[i], mean) };
  });
}

/**
 * Gi* of the wards that have data: a ward with none is left out of the statistic (it is not a
 * zero, and not anyone's neighbour) and gets no z-score and no band (null).
 *
 * @example
 * wardGiStar([10, null, 1], [[1], [0, 2], [1]]).map((g) => g?.z ?? null) //= [1, null, -1]
 */
export function wardGiStar(
  values: readonly (number | null)[],
  neighbours: readonly (readonly number[])[],
): (GiStar | null)[] {
  const present: number[] = [];
  const at = values.map((v, i) => (v === null ? -1 : present.push(i) - 1));
  const gi = getisOrdGiStar(
    present.map((i) => values[i] as number),
    present.map((i) => neighbours[i].map((j) => at[j]).filter((j) => j >= 0)),
  );
  return at.map((k) => (k < 0 ? null : gi[k]));
}
