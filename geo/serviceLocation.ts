import centerOfMass from "@turf/center-of-mass";
import type { WardBoundaries } from "./boundaries";
import { toBritishNationalGrid } from "./britishNationalGrid";

/** A service site (e.g. a One Stop Shop) or a candidate for one. */
export interface Site {
  readonly name: string;
  readonly longitude: number;
  readonly latitude: number;
}

/** The radii, in kilometres, coverage is reported at. */
export const COVERAGE_RADII_KM = [2, 5, 10] as const;

/** How well a set of sites reaches a layer's incidents, and where more would help most. */
export interface CoverageReport {
  /** Per ward: distance in km from its centroid to the nearest site. */
  readonly wardDistances: readonly {
    readonly code: string;
    readonly name: string;
    readonly km: number;
    readonly nearest: string;
  }[];
  /** Share of incidents within each radius of a site. */
  readonly shareWithin: readonly { readonly km: number; readonly share: number }[];
  /** Greedy best additional sites, each with the share of incidents it adds at `radiusKm`. */
  readonly suggestions: readonly { readonly site: Site; readonly adds: number; readonly cumulative: number }[];
  readonly radiusKm: number;
}

/** A weighted demand point: where incidents are (a ward centroid with its count, or a point). */
export interface Demand {
  readonly longitude: number;
  readonly latitude: number;
  readonly weight: number;
}

const km = (a: readonly [number, number], b: readonly [number, number]): number =>
  Math.hypot(a[0] - b[0], a[1] - b[1]) / 1000;

/**
 * Ward centroids (centre of mass of the polygon), WGS84.
 *
 * @example
 * wardCentroids(loadBoundaries({ type: "FeatureCollection", features: [{ type: "Feature", properties: { WD19CD: "E05000001", WD19NM: "West" }, geometry: { type: "Polygon", coordinates: [[[0, 51], [0.1, 51], [0.1, 51.1], [0, 51.1], [0, 51]]] } }, { type: "Feature", properties: { WD19CD: "E05000002", WD19NM: "East" }, geometry: { type: "Polygon", coordinates: [[[0.1, 51], [0.2, 51], [0.2, 51.1], [0.1, 51.1], [0.1, 51]]] } }] })).map((c) => c.map((v) => Math.round(v * 100) / 100)) //= [[0.05, 51.05], [0.15, 51.05]]
 */
export function wardCentroids(boundaries: WardBoundaries): [number, number][] {
  return boundaries.wards.map((w) => centerOfMass(w.geometry).geometry.coordinates as [number, number]);
}

/**
 * Coverage of demand by sites, measured as straight-line distance on the British National
 * Grid, and the best `k` additional sites from the candidates by greedy maximal coverage
 * (Church & ReVelle 1974; greedy is within 1 − 1/e of the optimum). O(k · C · D).
 */
export function serviceCoverage(
  boundaries: WardBoundaries,
  demand: readonly Demand[],
  sites: readonly Site[],
  candidates: readonly Site[],
  options: { k?: number; radiusKm?: number } = {},
): CoverageReport {
  const k = options.k ?? 3;
  const radiusKm = options.radiusKm ?? 5;
  const grid = (p: { longitude: number; latitude: number }): [number, number] =>
    toBritishNationalGrid(p.longitude, p.latitude);
  const siteXY = sites.map(grid);
  const demandXY = demand.map(grid);
  const total = demand.reduce((a, d) => a + d.weight, 0);
  const nearest = (xy: [number, number]): { km: number; index: number } =>
    siteXY.reduce(
      (best, s, i) => {
        const d = km(xy, s);
        return d < best.km ? { km: d, index: i } : best;
      },
      { km: Infinity, index: -1 },
    );

  const wardDistances = wardCentroids(boundaries).map(([lon, lat], i) => {
    const n = nearest(toBritishNationalGrid(lon, lat));
    return {
      code: boundaries.wards[i].code,
      name: boundaries.wards[i].name,
      km: n.km,
      nearest: n.index >= 0 ? sites[n.index].name : "",
    };
  });
  const demandKm = demandXY.map((xy) => nearest(xy).km);
  const shareWithin = COVERAGE_RADII_KM.map((r) => ({
    km: r,
    share: total > 0 ? demand.reduce((a, d, i) => a + (demandKm[i] <= r ? d.weight : 0), 0) / total : 0,
  }));

  const covered = demandKm.map((d) => d <= radiusKm);
  const candidateXY = candidates.map(grid);
  const chosen = new Set<number>();
  const suggestions: { site: Site; adds: number; cumulative: number }[] = [];
  let cumulative =
    shareWithin.find((s) => s.km === radiusKm)?.share ??
    (total > 0 ? demand.reduce((a, d, i) => a + (covered[i] ? d.weight : 0), 0) / total : 0);
  for (let round = 0; round < k && total > 0; round += 1) {
    let best = -1;
    let bestGain = 0;
    candidateXY.forEach((c, ci) => {
      if (chosen.has(ci)) return;
      let gain = 0;
      demandXY.forEach((d, di) => {
        if (!covered[di] && km(c, d) <= radiusKm) gain += demand[di].weight;
      });
      if (gain > bestGain) {
        bestGain = gain;
        best = ci;
      }
    });
    if (best < 0) break;
    chosen.add(best);
    demandXY.forEach((d, di) => {
      if (km(candidateXY[best], d) <= radiusKm) covered[di] = true;
    });
    cumulative += bestGain / total;
    suggestions.push({ site: candidates[best], adds: bestGain / total, cumulative });
  }
  return { wardDistances, shareWithin, suggestions, radiusKm };
}
