import type { WardBoundaries } from "./boundaries";
import { type GiStar, wardGiStar } from "./getisOrdGiStar";

/** Everything worked out for one ward from a count of incidents. */
export interface WardStatistic {
  readonly code: string;
  readonly name: string;
  readonly count: number;
  readonly population: number | null;
  /** Incidents per 1,000 residents, when the population is known. */
  readonly ratePer1000: number | null;
  readonly share: number | null;
  /** Rank by count, highest first; tied counts share a rank. */
  readonly rank: number;
  /** Location quotient: the ward's rate over the borough's rate (1 = as the borough). */
  readonly locationQuotient: number | null;
  /** Gi* and what the ward is called; null for a ward with no data, which is never classed. */
  readonly gi: GiStar | null;
}

/**
 * Counts, rates per 1,000, shares, ranks, location quotients and Gi* hotspots for every ward,
 * zeros included. `population` is aligned with the wards (null where unknown); `noData` lists
 * the wards the layer does not mention, left out of Gi*.
 *
 * @example
 * wardStatistics(loadBoundaries({ type: "FeatureCollection", features: [{ type: "Feature", properties: { WD19CD: "E05000001", WD19NM: "West" }, geometry: { type: "Polygon", coordinates: [[[0, 51], [0.1, 51], [0.1, 51.1], [0, 51.1], [0, 51]]] } }, { type: "Feature", properties: { WD19CD: "E05000002", WD19NM: "East" }, geometry: { type: "Polygon", coordinates: [[[0.1, 51], [0.2, 51], [0.2, 51.1], [0.1, 51.1], [0.1, 51]]] } }] }), [10, 30]).map((w) => [w.name, w.share]) //= [["West", 0.25], ["East", 0.75]]
 */
export function wardStatistics(
  boundaries: WardBoundaries,
  counts: readonly number[],
  population?: readonly (number | null)[],
  noData: readonly number[] = [],
): WardStatistic[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const known = boundaries.wards.map((_, i) => population?.[i] ?? null);
  const popTotal = known.every((p) => p !== null && p > 0) ? (known as number[]).reduce((a, b) => a + b, 0) : null;
  const boroughRate = popTotal ? total / popTotal : null;
  const missing = new Set(noData);
  const gi = wardGiStar(
    counts.map((c, i) => (missing.has(i) ? null : c)),
    boundaries.neighbours,
  );
  const order = counts.map((c, i) => ({ c, i })).sort((a, b) => b.c - a.c || a.i - b.i);
  const ranks = new Array<number>(counts.length);
  order.forEach((e, position) => {
    const previous = order[position - 1];
    ranks[e.i] = previous && previous.c === e.c ? ranks[previous.i] : position + 1;
  });
  return boundaries.wards.map((ward, i) => {
    const pop = known[i];
    const rate = pop && pop > 0 ? counts[i] / pop : null;
    return {
      code: ward.code,
      name: ward.name,
      count: counts[i],
      population: pop,
      ratePer1000: rate === null ? null : rate * 1000,
      share: total > 0 ? counts[i] / total : null,
      rank: ranks[i],
      locationQuotient: rate !== null && boroughRate ? rate / boroughRate : null,
      gi: gi[i],
    };
  });
}
