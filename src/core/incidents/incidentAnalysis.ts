import { type Finding, finding } from "../findings";
import { calendarDay, dayNumber } from "../calendar/namedDates";
import { countOf, formatCount } from "../format/formatNumbers";
import { type IncidentCounts, exampleText } from "./incidentCounts";
import { type ExtractSummary, extractSummary, monthWords } from "./extractSummary";
import { monthNumber } from "./recordDate";
import { type IncidentSummary, incidentSummary } from "./incidentSummary";
import { type Intervention, type InterventionImpact, interventionImpact } from "./interventionImpact";
import { DOMESTIC_ABUSE, type TemporalPatterns, temporalPatterns, ukDate } from "./temporalPatterns";
import type { WindowKind, YearMonth } from "../options";
import { type DistrictOptions, type DistrictPicture, districtPicture } from "./districtPicture";
import { type ForceCoverage, coverageFindings, extractCoverage } from "./extractCoverage";

/** Choices for analysing an extract. */
export interface IncidentOptions {
  readonly window: WindowKind;
  /** Last month of the later period; the latest month in the extract when null. */
  readonly end: YearMonth | null;
  /** The category profiled in time: domestic abuse by default (all crime when there is no DA flag). */
  readonly category?: string;
  readonly interventions?: readonly Intervention[];
  /** How to picture the force's districts (an LSOA lookup, district populations, the home area). */
  readonly districts?: DistrictOptions;
}

/** Everything worked out from one extract. */
export interface IncidentAnalysis {
  /** Where the records came from: a sheet name or a file name. */
  readonly source: string;
  readonly records: number;
  readonly counted: number;
  /** The whole extract, whatever span it covers. */
  readonly extract: ExtractSummary;
  /**
   * True when the extract reaches back to the start of the earlier compared period: only then
   * are the year-on-year comparison tables and headlines given.
   */
  readonly comparable: boolean;
  readonly summary: IncidentSummary;
  readonly patterns: TemporalPatterns | null;
  readonly interventions: readonly InterventionImpact[];
  /** The force's districts, from a force-wide download's LSOAs; null without LSOAs. */
  readonly districts: DistrictPicture | null;
  /** Each force's months in the download: missing, short, and records without a location. */
  readonly coverage: readonly ForceCoverage[];
  readonly findings: readonly Finding[];
}

// Records outside the compared periods are expected (an extract runs on past the period's
// end); the other reasons mean the analyst has records that were not counted.
const SEVERITY: Record<string, Finding["severity"]> = { "outside both periods": "info" };

type Note = (severity: Finding["severity"], kind: string, message: string, stated?: number | null) => void;

/** Whose records these are, and which of them are the borough's: several forces, records outside every ward or without a location. */
function placeFindings(extract: ExtractSummary, hasLocation: boolean, note: Note): void {
  if (extract.forces.length > 1) {
    note(
      "warning",
      "several-forces",
      `records from ${countOf(extract.forces.length, "force")}: ${extract.forces
        .slice(0, 5)
        .map((f) => `${f.force} (${formatCount(f.count)})`)
        .join(", ")}; each is counted once, whichever force it came from`,
    );
  }
  if (extract.outsideBoundaries > 0) {
    // Examples stay in the JSON: in force-wide data they are simply other boroughs' records.
    note(
      "info",
      "outside-boundaries",
      `${countOf(extract.outsideBoundaries, "record")} lie outside every ward of the boundaries and are left out of the borough's totals (force-wide data cut to the borough)`,
      extract.outsideBoundaries,
    );
  }
  if (extract.unlocated > 0 && hasLocation) {
    note(
      "info",
      "unlocated-records",
      extract.unlocatedExcluded
        ? `${countOf(extract.unlocated, "record")} have no location (police.uk's "No Location"): the extract reaches beyond the borough, so they cannot be counted as the borough's and are left out`
        : `${countOf(extract.unlocated, "record")} have no location: they are counted in the totals but in no ward`,
      extract.unlocated,
    );
  }
}

/** Why the temporal profile is missing or partial: months-only dates, or no such category. */
function profileFindings(counts: IncidentCounts, wanted: string, profiled: boolean, note: Note): void {
  const dayLevel = counts.counted - counts.monthOnly;
  if (counts.counted > 0 && dayLevel === 0) {
    note(
      "info",
      "month-only-dates",
      "the extract gives months only, not days (as police.uk does): the month × weekday and hour × weekday profiles and the named-date tests need day-level dates, so none are given",
    );
  } else if (!profiled) {
    note(
      "warning",
      "unknown-category",
      `no temporal profile for "${wanted}": the extract has no such crime group${wanted === DOMESTIC_ABUSE ? " (no DA flag column)" : ""}`,
    );
  } else if (counts.monthOnly > 0) {
    note(
      "info",
      "month-only-dates",
      `${countOf(counts.monthOnly, "record")} give a month only: the temporal profile counts only the records with a day`,
    );
  }
}

/** A finding for every reason records were not counted, quoting up to three of them. */
function rejectedFindings(source: string, summary: IncidentSummary, comparable: boolean): Finding[] {
  const findings: Finding[] = [];
  for (const [reason, count] of Object.entries(summary.rejected.reasons)) {
    // Without a comparison there are no periods to be outside of (the JSON still counts them).
    if (!comparable && reason === "outside both periods") continue;
    const examples = summary.rejected.examples[reason] ?? [];
    const severity = SEVERITY[reason] ?? "warning";
    const what = severity === "info" ? "not in the compared periods" : "not counted";
    // The finding points at the first example when it is a cell of a workbook sheet.
    const cell = examples[0]?.where.includes("!") ? examples[0].where : "";
    findings.push(
      finding(
        source,
        cell,
        severity,
        "records-not-counted",
        `${countOf(count, "record")} ${what} (${reason}); for example ${examples.slice(0, 3).map(exampleText).join("; ")}`,
        count,
        null,
      ),
    );
  }
  return findings;
}

/**
 * An extract too short to compare, said with its span; or a later period that ends after the
 * latest record (an incomplete period).
 */
function spanFindings(
  counts: IncidentCounts,
  summary: IncidentSummary,
  span: { firstMonth: number | null; lastMonth: number | null; comparable: boolean; to: number },
  note: Note,
): void {
  const { firstMonth, lastMonth, comparable, to } = span;
  const earlier = summary.windows.ranges[0];
  if (firstMonth !== null && lastMonth !== null && !comparable) {
    const words = `${monthWords(firstMonth)} to ${monthWords(lastMonth)} (${countOf(lastMonth - firstMonth + 1, "month")})`;
    note(
      "info",
      "short-extract",
      `the extract covers ${words}: comparing ${summary.periods[0]} with ${summary.periods[1]} needs records from ${monthWords(earlier[0])} on, so the year-on-year comparison is not given; the whole extract is summarised instead`,
    );
  } else if (counts.lastDay !== null && summary.allCrime[1] > 0) {
    // A month-only record stands for its whole month.
    const lastCovered =
      counts.monthOnly > 0 && lastMonth !== null
        ? dayNumber({ year: Math.floor((lastMonth + 1) / 12), month: ((lastMonth + 1) % 12) + 1, day: 1 }) - 1
        : counts.lastDay;
    if (lastCovered < to) {
      note(
        "warning",
        "incomplete-period",
        `the latest record is dated ${ukDate(calendarDay(counts.lastDay))}, before the later period ends (${ukDate(calendarDay(to))}): that period may be incomplete`,
      );
    }
  }
}

/**
 * The comparison, the temporal profile of the chosen category over both periods, and each
 * intervention's before/after table, and a finding for every reason records were not counted.
 */
export function analyseIncidents(counts: IncidentCounts, source: string, options: IncidentOptions): IncidentAnalysis {
  const summary = incidentSummary(counts, options.window, options.end);
  const extract = extractSummary(counts);
  const [earlier, later] = summary.windows.ranges;
  const from = dayNumber({ year: Math.floor(earlier[0] / 12), month: (earlier[0] % 12) + 1, day: 1 });
  const to = dayNumber({ year: Math.floor((later[1] + 1) / 12), month: ((later[1] + 1) % 12) + 1, day: 1 }) - 1;
  const firstMonth = counts.firstDay === null ? null : monthNumber(calendarDay(counts.firstDay));
  const lastMonth = counts.lastDay === null ? null : monthNumber(calendarDay(counts.lastDay));
  const comparable = firstMonth !== null && firstMonth <= earlier[0];
  const findings: Finding[] = [];
  const note = (severity: Finding["severity"], kind: string, message: string, stated: number | null = null): void => {
    findings.push(finding(source, "", severity, kind, message, stated, null));
  };

  placeFindings(extract, counts.hasLocation, note);
  const coverage = extractCoverage(counts.forceWide);
  findings.push(...coverageFindings(source, coverage));
  const districts = districtPicture(counts.forceWide, options.districts);
  if (districts?.home) note("info", "district-standing", districts.home.sentence);
  // A force's missing months are said above, once; the borough's own only without a force.
  if (extract.missingMonths.length > 0 && coverage.length === 0) {
    note(
      "warning",
      "missing-months",
      `no records at all for ${extract.missingMonths.join(", ")}, inside the extract's span: a monthly file may be missing`,
    );
  }
  for (const gap of extract.gaps)
    note("info", "extract-gap", `no records from ${gap.from} to ${gap.to} (${countOf(gap.months, "month")})`);

  const wanted = options.category ?? (counts.hasDomesticAbuse ? DOMESTIC_ABUSE : "All crime");
  const dayLevel = counts.counted - counts.monthOnly;
  const patterns = dayLevel > 0 ? temporalPatterns(counts, wanted, from, to) : null;
  profileFindings(counts, wanted, patterns !== null, note);
  const interventions =
    comparable || dayLevel > 0 ? (options.interventions ?? []).map((i) => interventionImpact(counts, i)) : [];
  for (const impact of interventions) {
    if (impact.unknownWards.length > 0) {
      findings.push(
        finding(
          source,
          "",
          "warning",
          "unknown-ward",
          `${impact.name}: the extract has no records in ${impact.unknownWards.map((w) => `"${w}"`).join(", ")}`,
        ),
      );
    }
  }
  findings.push(...rejectedFindings(source, summary, comparable));
  spanFindings(counts, summary, { firstMonth, lastMonth, comparable, to }, note);
  return {
    source,
    records: counts.records,
    counted: counts.counted,
    extract,
    comparable,
    summary,
    patterns,
    interventions,
    districts,
    coverage,
    findings,
  };
}
