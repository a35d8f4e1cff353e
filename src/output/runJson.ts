import type { TableResult } from "../core/compute/tableResult";
import { assessmentJson, tableJson } from "./assessmentJson";
import { incidentJson } from "./extractJson";
import { jsonChunks } from "./jsonChunks";
import type { ExtractRun, Run } from "./runTypes";
import { wardAnalysisJson } from "./wardsJson";

/** The JSON of a run: the assessment's, plus `wards` when ward layers were computed. */
export function runJson(run: Run): Record<string, unknown> {
  return {
    ...assessmentJson(run.assessment, run.wardCode),
    ...(run.wards ? { wards: wardAnalysisJson(run.wards) } : {}),
  };
}

/**
 * The JSON text of a run, in pieces, tables streamed one by one: what `runJson` gives, for a
 * writer that must not hold it whole.
 */
export function runJsonChunks(run: Run): Generator<string> {
  const whole = {
    ...assessmentJson(run.assessment, run.wardCode, { withoutTables: true }),
    ...(run.wards ? { wards: wardAnalysisJson(run.wards) } : {}),
  };
  return jsonChunks(whole, new Map([["tables", () => tablesOneByOne(run.assessment.tables)]]));
}

function* tablesOneByOne(tables: readonly TableResult[]): Generator<Record<string, unknown>> {
  for (const table of tables) yield tableJson(table);
}

/** The JSON of a record-level run: the extract's analysis, the files read and skipped, and the ward layers. */
export function incidentRunJson(run: ExtractRun): Record<string, unknown> {
  return {
    ...incidentJson(run.extract.analysis, run.wardCode),
    unusualMonths: run.assessment.unusualMonths,
    files: run.extract.files,
    ...(run.wards ? { wards: wardAnalysisJson(run.wards) } : {}),
  };
}
