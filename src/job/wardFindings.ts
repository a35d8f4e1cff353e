import type { WardAnalysis } from "../../geo/wardLayers";
import type { Assessment } from "../core/computeAssessment";
import { sortFindings } from "../core/findings";

/** The assessment with the ward matching's findings among its own: one list for the sheets and the JSON. */
export function withWardFindings(computed: Assessment, wards: WardAnalysis | null): Assessment {
  return wards ? { ...computed, findings: sortFindings([...computed.findings, ...wards.findings]) } : computed;
}
