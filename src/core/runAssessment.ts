import type { WorkbookPort } from "../model";
import { type Assessment, type AssessmentOptions, computeAssessment } from "./computeAssessment";
import { buildResultSheets } from "./output/buildResultSheets";

/** A step of a run, for progress display: reading, computing sheet n of N, writing. */
export type RunProgress =
  | { readonly stage: "reading" }
  | { readonly stage: "computing"; readonly sheet: number; readonly sheets: number; readonly name: string }
  | { readonly stage: "writing"; readonly sheets: number };

/**
 * "Compute assessment": read the workbook through its port, compute, and write the result
 * sheets. The one code path behind the CLI, the Excel add-in and the standalone page.
 */
export async function runAssessment(port: WorkbookPort, onProgress?: (step: RunProgress) => void, options: AssessmentOptions = {}): Promise<Assessment> {
  onProgress?.({ stage: "reading" });
  const workbook = await port.readWorkbook();
  const assessment = computeAssessment(workbook, onProgress, options);
  const sheets = buildResultSheets(assessment);
  onProgress?.({ stage: "writing", sheets: sheets.length });
  await port.writeResultSheets(sheets);
  return assessment;
}
