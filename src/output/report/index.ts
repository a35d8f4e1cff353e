import type { WardAnalysis, WardBoundaries } from "../../../geo";
import type { Assessment } from "../../core";
import type { Rasterise } from "./draftReport";
import { type ReportOptions, reportContent } from "./reportContent";

export type { Rasterise } from "./draftReport";
export * from "./reportContent";

/**
 * The draft report of a run (a workbook's or an extract's): its content from the results, then
 * the Word document, maps drawn through `rasterise`. The job behind `--report` and the pane's
 * Draft report button. The Word writer loads only when a report is asked for: a run without one
 * starts without it.
 */
export async function runReport(
  run: {
    readonly assessment: Assessment;
    readonly wards: WardAnalysis | null;
    readonly boundaries: WardBoundaries | null;
  },
  rasterise: Rasterise,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  const wards = run.wards && run.boundaries ? { analysis: run.wards, boundaries: run.boundaries } : null;
  const { draftReport } = await import("./draftReport");
  return draftReport(reportContent(run.assessment, wards, options), rasterise);
}
