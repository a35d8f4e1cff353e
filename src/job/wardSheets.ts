import type { WardAnalysis } from "../../geo/wardLayers";
import { wardsResultSheet } from "../../geo/wardsResultSheet";
import type { Assessment } from "../core/assessment";
import { sortFindings } from "../core/findings";
import { buildResultSheets } from "../core/output/buildResultSheets";
import type { ResultSheet } from "../model";

/**
 * An assessment with its ward layers: one list of findings for the Findings sheet and the JSON,
 * ward matching included, and the result sheets with `CSP Wards` before `CSP Findings`.
 */
export function withWardLayers(
  computed: Assessment,
  wards: WardAnalysis | null,
): { assessment: Assessment; sheets: ResultSheet[] } {
  const assessment = withWardFindings(computed, wards);
  return { assessment, sheets: withWardSheet(buildResultSheets(assessment), wards) };
}

/** The assessment with the ward matching's findings among its own. */
export function withWardFindings(computed: Assessment, wards: WardAnalysis | null): Assessment {
  return wards ? { ...computed, findings: sortFindings([...computed.findings, ...wards.findings]) } : computed;
}

/** The result sheets with `CSP Wards` before `CSP Findings`, when there are ward layers. */
export function withWardSheet(sheets: ResultSheet[], wards: WardAnalysis | null): ResultSheet[] {
  if (wards && wards.layers.length > 0) sheets.splice(sheets.length - 1, 0, wardsResultSheet(wards));
  return sheets;
}
