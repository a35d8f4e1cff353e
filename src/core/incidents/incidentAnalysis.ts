import { type Finding, finding } from "../findings";
import { calendarDay, dayNumber } from "../calendar/namedDates";
import { countOf } from "../format/formatNumbers";
import { type IncidentCounts, exampleText } from "./incidentAggregator";
import { type IncidentSummary, incidentSummary } from "./incidentSummary";
import { type Intervention, type InterventionImpact, interventionImpact } from "./interventionImpact";
import { DOMESTIC_ABUSE, type TemporalPatterns, temporalPatterns, ukDate } from "./temporalPatterns";
import type { WindowKind } from "./windows";

/** Choices for analysing an extract. */
export interface IncidentOptions {
  readonly window?: WindowKind;
  /** Last month of the later period; the latest month in the extract when absent. */
  readonly end?: { readonly year: number; readonly month: number };
  /** The category profiled in time: domestic abuse by default (all crime when there is no DA flag). */
  readonly category?: string;
  readonly interventions?: readonly Intervention[];
}

/** Everything worked out from one extract. */
export interface IncidentAnalysis {
  /** Where the records came from: a sheet name or a file name. */
  readonly source: string;
  readonly records: number;
  readonly counted: number;
  readonly summary: IncidentSummary;
  readonly patterns: TemporalPatterns | null;
  readonly interventions: readonly InterventionImpact[];
  readonly findings: readonly Finding[];
}

// Records outside the compared periods are expected (an extract runs on past the period's
// end); the other reasons mean the analyst has records that were not counted.
const SEVERITY: Record<string, Finding["severity"]> = { "outside both periods": "info" };

/**
 * The comparison, the temporal profile of the chosen category over both periods, and each
 * intervention's before/after table, and a finding for every reason records were not counted.
 */
export function analyseIncidents(counts: IncidentCounts, source: string, options: IncidentOptions = {}): IncidentAnalysis {
  const summary = incidentSummary(counts, options.window ?? "nov-oct", options.end);
  const [earlier, later] = summary.windows.ranges;
  const from = dayNumber({ year: Math.floor(earlier[0] / 12), month: (earlier[0] % 12) + 1, day: 1 });
  const to = dayNumber({ year: Math.floor((later[1] + 1) / 12), month: ((later[1] + 1) % 12) + 1, day: 1 }) - 1;
  const findings: Finding[] = [];
  const wanted = options.category ?? (counts.hasDomesticAbuse ? DOMESTIC_ABUSE : "All crime");
  const patterns = temporalPatterns(counts, wanted, from, to);
  if (!patterns) {
    findings.push(finding(source, "", "warning", "unknown-category", `no temporal profile for "${wanted}": the extract has no such crime group${wanted === DOMESTIC_ABUSE ? " (no DA flag column)" : ""}`));
  }
  const interventions = (options.interventions ?? []).map((i) => interventionImpact(counts, i));
  for (const impact of interventions) {
    if (impact.unknownWards.length > 0) {
      findings.push(finding(source, "", "warning", "unknown-ward", `${impact.name}: the extract has no records in ${impact.unknownWards.map((w) => `"${w}"`).join(", ")}`));
    }
  }
  for (const [reason, count] of Object.entries(summary.rejected.reasons)) {
    const examples = summary.rejected.examples[reason] ?? [];
    const severity = SEVERITY[reason] ?? "warning";
    const what = severity === "info" ? "not in the compared periods" : "not counted";
    // The finding points at the first example when it is a cell of a workbook sheet.
    const cell = examples[0]?.where.includes("!") ? examples[0].where : "";
    findings.push(finding(source, cell, severity, "records-not-counted", `${countOf(count, "record")} ${what} (${reason}); for example ${examples.slice(0, 3).map(exampleText).join("; ")}`, count, null));
  }
  if (counts.lastDay !== null && summary.allCrime[1] > 0) {
    if (counts.lastDay < to) {
      findings.push(finding(source, "", "warning", "incomplete-period", `the latest record is dated ${ukDate(calendarDay(counts.lastDay))}, before the later period ends (${ukDate(calendarDay(to))}): that period may be incomplete`));
    }
  }
  return { source, records: counts.records, counted: counts.counted, summary, patterns, interventions, findings };
}
