import type { WardAnalysis, WardBoundaries } from "../../../geo";
import type { Assessment } from "../../core";
import { type Rasterise, draftReport } from "./draftReport";
import { type ReportOptions, reportContent } from "./reportContent";

export * from "./draftReport";
export * from "./reportContent";

/**
 * The draft report of a run (a workbook's or an extract's): its content from the results, then
 * the Word document, maps drawn through `rasterise`. The job behind `--report` and the pane's
 * Draft report button.
 */
export function runReport(
  run: {
    readonly assessment: Assessment;
    readonly wards: WardAnalysis | null;
    readonly boundaries: WardBoundaries | null;
  },
  rasterise: Rasterise,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  const wards = run.wards && run.boundaries ? { analysis: run.wards, boundaries: run.boundaries } : null;
  return draftReport(reportContent(run.assessment, wards, options), rasterise);
}
