import type { RunProgress } from "../src/job";

/** The progress line the pane shows for a step of the run. */
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
