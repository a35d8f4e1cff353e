import { emergingLabel } from "../../geo/emergingHotspots";
import type { GiStar } from "../../geo/getisOrdGiStar";
import type { WardAnalysis } from "../../geo/wardLayers";
import type { WardsRun } from "./runTypes";
import { findingJson } from "./findingJson";

/** A ward's Gi* as the JSON gives it, on a map layer and from `wards` alike: z, p and the band called. */
function giJson(gi: GiStar | null): { giZ: number | null; giP: number | null; hotspot: string | null } {
  return { giZ: gi?.z ?? null, giP: gi?.p ?? null, hotspot: gi?.band ?? null };
}

/** The ward analysis as JSON (the `wards` key of `compute --json`). */
export function wardAnalysisJson(analysis: WardAnalysis): Record<string, unknown> {
  return {
    sites: analysis.sites,
    populationSheet: analysis.populationSheet,
    layers: analysis.layers.map((l) => ({
      id: l.id,
      title: l.title,
      sheet: l.sheet,
      period: l.period,
      source: l.source,
      outside: l.outside,
      rateBase: l.rateBase,
      classification: l.classification,
      wards: l.wards.map((w, i) => ({
        code: w.code,
        name: w.name,
        count: l.noData.includes(i) ? null : w.count,
        population: w.population,
        ratePer1000: w.ratePer1000,
        share: w.share,
        rank: w.rank,
        locationQuotient: w.locationQuotient,
        ...giJson(w.gi),
        ...(l.emerging
          ? {
              emerging: {
                pattern: emergingLabel(l.emerging.wards[i]),
                giZByPeriod: l.emerging.wards[i].z,
                trendTau: l.emerging.wards[i].trend.tau,
                trendP: l.emerging.wards[i].trend.p,
              },
            }
          : {}),
      })),
      ...(l.emerging ? { emergingPeriods: l.emerging.periods } : {}),
      coverage: l.coverage,
      points: l.points,
    })),
    findings: analysis.findings.map(findingJson),
  };
}

/** The JSON `csp-assess wards` writes: every ward, those in no ward, and the findings. */
export function wardsRunJson(run: WardsRun): Record<string, unknown> {
  return {
    wards: run.wards.map((s) => ({
      code: s.code,
      name: s.name,
      count: s.count,
      share: s.share,
      rank: s.rank,
      ...giJson(s.gi),
    })),
    outside: run.outside,
    unlocated: run.unlocated,
    findings: run.findings.map(findingJson),
  };
}
