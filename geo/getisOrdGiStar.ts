import { erf } from "simple-statistics";

/** Confidence band of a Gi* z-score: a hot or cold spot at 90, 95 or 99%, or none. */
export type HotspotBand = "hot-99" | "hot-95" | "hot-90" | "none" | "cold-90" | "cold-95" | "cold-99";

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
 * The band of a z-score: |z| ≥ 2.576 is 99%, ≥ 1.960 is 95%, ≥ 1.645 is 90%.
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
 * Getis-Ord Gi* with binary contiguity weights, each area counted as its own neighbour
 * (Getis & Ord 1992; Ord & Getis 1995, eq. 8). For area i with weights w_ij over all n areas:
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
    return { z, p, band: hotspotBand(z) };
  });
}
