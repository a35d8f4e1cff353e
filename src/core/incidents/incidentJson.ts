import { exampleText } from "./incidentAggregator";
import type { IncidentAnalysis } from "./incidentAnalysis";

/**
 * An extract's analysis in the documented JSON shape of `csp-assess incidents`: `periods`,
 * `allCrime`, `byGroup`, `byWard` (`code` is added by the caller that knows the boundaries),
 * `daShareAll`, `daShareViolence`, `rejected`, plus `patterns` and `interventions`.
 */
export function incidentJson(analysis: IncidentAnalysis, wardCode: (name: string) => string | null = () => null): Record<string, unknown> {
  const { summary } = analysis;
  return {
    source: analysis.source,
    records: analysis.records,
    counted: analysis.counted,
    periods: summary.periods,
    allCrime: summary.allCrime,
    byGroup: summary.byGroup,
    byWard: summary.byWard.map((w) => ({ code: wardCode(w.name), name: w.name, values: w.values, domesticAbuse: w.domesticAbuse })),
    domesticAbuse: summary.domesticAbuse,
    daShareAll: summary.daShareAll,
    daShareViolence: summary.daShareViolence,
    rejected: {
      count: summary.rejected.count,
      reasons: summary.rejected.reasons,
      examples: Object.fromEntries(Object.entries(summary.rejected.examples).map(([reason, list]) => [reason, list.map(exampleText)])),
    },
    patterns: analysis.patterns,
    interventions: analysis.interventions,
    findings: analysis.findings.map((f) => ({ severity: f.severity, kind: f.kind, message: f.message })),
  };
}
