import { exampleText } from "../core/incidents/incidentCounts";
import { findingJson } from "./findingJson";
import type { IncidentAnalysis } from "../core/incidents/incidentAnalysis";

/**
 * The whole-extract summary in the JSON shape documented for `csp-assess incidents`: `records`,
 * `located`, `outsideBoundaries`, `unlocated`, `months`, `byCategory` (the extract's own
 * category names) and `byWard` (with ONS codes from `wardCode`).
 */
export function extractJson(
  analysis: IncidentAnalysis,
  wardCode: (name: string) => string | null = () => null,
): Record<string, unknown> {
  const { extract } = analysis;
  return {
    records: extract.records,
    located: extract.located,
    outsideBoundaries: extract.outsideBoundaries,
    unlocated: extract.unlocated,
    unlocatedExcluded: extract.unlocatedExcluded,
    placed: extract.placed,
    counted: extract.counted,
    monthOnly: extract.monthOnly,
    policeUk: extract.policeUk,
    span: extract.span,
    missingMonths: extract.missingMonths,
    gaps: extract.gaps,
    forces: extract.forces,
    months: extract.months,
    byCategory: extract.byCategory,
    byWard: extract.byWard.map((w) => ({ code: wardCode(w.name), ...w })),
    byLsoa: extract.byLsoa,
    ...(analysis.districts
      ? {
          byDistrict: analysis.districts.districts,
          districts: {
            force: analysis.districts.force,
            forceArea: analysis.districts.forceArea,
            months: analysis.districts.months,
            comparedMonths: analysis.districts.comparedMonths,
            previousMonths: analysis.districts.previousMonths,
            total: analysis.districts.total,
            comparedTotal: analysis.districts.comparedTotal,
            previousTotal: analysis.districts.previousTotal,
            home: analysis.districts.home,
            renamed: analysis.districts.renamed,
          },
        }
      : {}),
    coverage: analysis.coverage,
    outsideExamples: extract.outsideExamples.map(exampleText),
  };
}

/**
 * An extract's analysis in the documented JSON shape of `csp-assess incidents`: `periods`,
 * `allCrime`, `byGroup`, `byWard` (`code` is added by the caller that knows the boundaries),
 * `daShareAll`, `daShareViolence`, `rejected`, plus `extract`, `patterns` and `interventions`.
 * `comparable` says whether the extract reaches back over both compared periods; when it does
 * not, the comparison fields are still given but only `extract` describes the data fully.
 */
export function incidentJson(
  analysis: IncidentAnalysis,
  wardCode: (name: string) => string | null = () => null,
): Record<string, unknown> {
  const { summary } = analysis;
  const hasAsb = summary.antisocialBehaviour !== null;
  return {
    source: analysis.source,
    records: analysis.records,
    counted: analysis.counted,
    comparable: analysis.comparable,
    periods: summary.periods,
    allCrime: summary.allCrime,
    byGroup: summary.byGroup,
    ...(hasAsb ? { antisocialBehaviour: summary.antisocialBehaviour } : {}),
    byWard: summary.byWard.map((w) => ({
      code: wardCode(w.name),
      name: w.name,
      values: w.values,
      domesticAbuse: w.domesticAbuse,
      ...(hasAsb ? { antisocialBehaviour: w.antisocialBehaviour } : {}),
    })),
    domesticAbuse: summary.domesticAbuse,
    daShareAll: summary.daShareAll,
    daShareViolence: summary.daShareViolence,
    rejected: {
      count: summary.rejected.count,
      reasons: summary.rejected.reasons,
      examples: Object.fromEntries(
        Object.entries(summary.rejected.examples).map(([reason, list]) => [reason, list.map(exampleText)]),
      ),
    },
    extract: extractJson(analysis, wardCode),
    patterns: analysis.patterns,
    interventions: analysis.interventions,
    findings: analysis.findings.map(findingJson),
  };
}
