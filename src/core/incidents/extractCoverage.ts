import { median } from "simple-statistics";
import { type Finding, finding } from "../findings";
import { formatCount, formatPercent } from "../format/formatNumbers";
import { isoMonth } from "./extractSummary";
import type { ForceWideCounts } from "./lsoaTally";

/** One force's months in a download: each month's records, and how many have no location. */
export interface ForceCoverage {
  readonly force: string;
  readonly months: readonly {
    readonly month: string;
    readonly records: number;
    readonly unlocated: number;
    readonly unlocatedShare: number;
  }[];
  /** Months inside the force's span with no record at all. */
  readonly missingMonths: readonly string[];
  /** Months with fewer than 70% of the median month's records: a file cut short, say. */
  readonly shortMonths: readonly { readonly month: string; readonly records: number; readonly median: number }[];
  readonly unlocatedShare: number;
}

/** Under this share of the median month, a month's file is taken to be short. */
export const SHORT_MONTH = 0.7;

/**
 * How completely a download covers its span, force by force: months missing from it, months
 * much shorter than the rest, and the share of records police.uk could not place.
 */
export function extractCoverage(counts: ForceWideCounts): ForceCoverage[] {
  const byForce = new Map<string, { month: number; records: number; unlocated: number }[]>();
  for (const m of counts.forceMonths) {
    const list = byForce.get(m.force) ?? [];
    list.push(m);
    byForce.set(m.force, list);
  }
  return [...byForce].map(([force, months]) => {
    const seen = new Set(months.map((m) => m.month));
    const first = Math.min(...seen);
    const last = Math.max(...seen);
    const missingMonths: string[] = [];
    for (let m = first; m <= last; m += 1) if (!seen.has(m)) missingMonths.push(isoMonth(m));
    const middle = median(months.map((m) => m.records));
    const records = months.reduce((sum, m) => sum + m.records, 0);
    const unlocated = months.reduce((sum, m) => sum + m.unlocated, 0);
    return {
      force,
      months: months.map((m) => ({
        month: isoMonth(m.month),
        records: m.records,
        unlocated: m.unlocated,
        unlocatedShare: m.unlocated / m.records,
      })),
      missingMonths,
      shortMonths:
        months.length >= 3
          ? months
              .filter((m) => m.records < SHORT_MONTH * middle)
              .map((m) => ({ month: isoMonth(m.month), records: m.records, median: middle }))
          : [],
      unlocatedShare: records > 0 ? unlocated / records : 0,
    };
  });
}

/** The coverage findings: missing months, short months and records without a location, one of each per force. */
export function coverageFindings(source: string, coverage: readonly ForceCoverage[]): Finding[] {
  const findings: Finding[] = [];
  const say = (severity: Finding["severity"], kind: string, text: string, stated: number | null = null): void => {
    findings.push(finding(source, "", severity, kind, text, stated, null));
  };
  for (const force of coverage) {
    const who = force.force || "the extract";
    if (force.missingMonths.length > 0)
      say(
        "warning",
        "coverage-missing-months",
        `${who}: no records for ${force.missingMonths.join(", ")}, inside the download's span; its monthly file may be missing`,
        force.missingMonths.length,
      );
    if (force.shortMonths.length > 0)
      say(
        "warning",
        "coverage-short-months",
        `${who}: ${force.shortMonths
          .map((m) => `${m.month} has ${formatCount(m.records)} records`)
          .join(
            ", ",
          )}, under ${formatPercent(SHORT_MONTH, 0)} of the median month's ${formatCount(force.shortMonths[0].median)}; its file may be cut short`,
        force.shortMonths.length,
      );
    if (force.months.length > 0 && force.unlocatedShare > 0) {
      const shares = force.months.map((m) => m.unlocatedShare);
      const low = Math.min(...shares);
      const high = Math.max(...shares);
      const range =
        force.months.length > 1 && high - low >= 0.001
          ? ` (${formatPercent(low)} to ${formatPercent(high)} by month)`
          : "";
      say(
        "info",
        "coverage-unlocated",
        `${who}: ${formatPercent(force.unlocatedShare)} of records have no location${range}; they are in no ward and no district`,
        force.unlocatedShare,
      );
    }
  }
  return findings;
}
