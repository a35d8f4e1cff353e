import type { RunProgress } from "./runAssessment";

/** The progress line the pane and the command line show for a step of the run. */
export function progressText(step: RunProgress): string {
  switch (step.stage) {
    case "reading":
      return "Reading the workbook…";
    case "computing":
      return `Computing sheet ${step.sheet} of ${step.sheets}: ${step.name}`;
    case "mapping":
      return "Matching wards and finding hotspots…";
    default:
      return `Writing ${step.sheets} result sheets…`;
  }
}
