// Apart from computeAssessment, so that an extract's run (`csp-assess incidents`) loads none of
// the workbook's table discovery, audit or MoRiLE.
import type { Assessment } from "./assessment";
import { computeTable } from "./compute/computeTable";
import type { TableResult } from "./compute/tableResult";
import { type Finding, sortFindings } from "./findings";
import { type Headline, writeHeadlines } from "./headlines/writeHeadlines";
import type { IncidentAnalysis } from "./incidents/incidentAnalysis";
import type { HomeAreaChoice } from "./homeArea";
import { incidentHeadlines } from "./incidents/incidentHeadlines";
import { incidentTables } from "./incidents/incidentTables";
import { runUnusualMonths, unusualMonthHeadline } from "./unusualMonthSeries";

/** The parts of an assessment an extract adds to. */
export interface AssessmentParts {
  readonly tables: TableResult[];
  readonly headlines: Headline[];
  readonly findings: Finding[];
  readonly incidents: IncidentAnalysis[];
}

/** An analysed extract's tables (computed and worded), headlines and findings, added to `parts`. */
export function addExtract(analysis: IncidentAnalysis, parts: AssessmentParts): void {
  parts.incidents.push(analysis);
  parts.findings.push(...analysis.findings);
  parts.headlines.push(...incidentHeadlines(analysis));
  // Built from counts, not typed by the analyst: computed and worded, with nothing to audit.
  for (const table of incidentTables(analysis)) {
    const result = computeTable(table);
    parts.tables.push(result);
    parts.headlines.push(...writeHeadlines(result));
  }
}

/**
 * The assessment of a record-level extract read from files (`csp-assess incidents`, or files
 * picked in the pane): its tables, headlines and findings as a workbook's record sheet gives them,
 * and the home area named for the run.
 */
export function assessExtract(analysis: IncidentAnalysis, named: HomeAreaChoice | null): Assessment {
  const parts: AssessmentParts = { tables: [], headlines: [], findings: [], incidents: [] };
  addExtract(analysis, parts);
  const unusual = runUnusualMonths(parts.tables, parts.incidents);
  parts.headlines.push(...unusual.map(unusualMonthHeadline));
  return {
    sheetsRead: 0,
    ...parts,
    findings: sortFindings(parts.findings),
    morile: null,
    // The district the extract placed it among, by its own name there; else as named.
    homeArea: analysis.districts?.home ? { name: analysis.districts.home.name, source: "option" } : named,
    unusualMonths: unusual,
  };
}
