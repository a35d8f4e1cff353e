import path from "node:path";
import { ExcelJsWorkbook } from "../adapters/exceljs";
import { MORILE_PRESETS, assessmentJson, countOf, runAssessment } from "../core";
import { InputError } from "../model";
import { UsageError, readInputFile, writeFileAtomic } from "./fileOutput";
import { parseArgs } from "./parseArgs";

export const COMPUTE_USAGE = "csp-assess compute <input.xlsx> --out <output.xlsx> [--json <result.json>] [--morile-preset linear|escalating]";

/** `csp-assess compute`: the workbook plus result sheets to --out, and the JSON to --json. */
export async function computeCommand(args: readonly string[], log: (line: string) => void): Promise<void> {
  const { positional, options } = parseArgs(args, ["out", "json", "morile-preset"]);
  const morilePreset = (options["morile-preset"] ?? "linear").toLowerCase();
  if (!MORILE_PRESETS[morilePreset]) throw new UsageError(`--morile-preset must be one of ${Object.keys(MORILE_PRESETS).join(", ")}`);
  if (positional.length !== 1) throw new UsageError(`usage: ${COMPUTE_USAGE}`);
  if (!options.out && !options.json) throw new UsageError(`say where the results go with --out (and/or --json); usage: ${COMPUTE_USAGE}`);
  const input = positional[0];
  if (options.out && path.resolve(options.out) === path.resolve(input)) {
    throw new UsageError("--out must be a new file: the input workbook is never overwritten");
  }
  const port = await ExcelJsWorkbook.fromBytes(await readInputFile(input), input);
  const assessment = await runAssessment(port, undefined, { morilePreset });
  if (assessment.tables.length === 0 && !assessment.morile) {
    throw new InputError(null, `${input}: no tables found on any of its ${assessment.sheetsRead} sheets (a table needs a label column and at least one column of numbers under a header; a MoRiLE sheet needs a Theme column and the factor columns)`);
  }
  if (options.out) await writeFileAtomic(options.out, await port.toBytes());
  if (options.json) await writeFileAtomic(options.json, `${JSON.stringify(assessmentJson(assessment), null, 2)}\n`);
  const errors = assessment.findings.filter((f) => f.severity === "error").length;
  const warnings = assessment.findings.filter((f) => f.severity === "warning").length;
  log(`Read ${countOf(assessment.tables.length, "table")} from ${countOf(assessment.sheetsRead, "sheet")}: ${countOf(assessment.headlines.length, "headline")}, ${countOf(errors, "error")}, ${countOf(warnings, "warning")}.`);
  if (options.out) log(`Results workbook: ${options.out} (sheets ${port.writtenSheets.join(", ")})`);
  if (options.json) log(`Results JSON: ${options.json}`);
  if (assessment.morile) {
    log(`MoRiLE ranking (${assessment.morile.preset} preset):`);
    for (const t of assessment.morile.themes) {
      const stability = t.stable === null ? "" : t.stable ? ", stable" : ", unstable";
      log(`  ${String(t.rank).padStart(2)}. ${t.theme}: score ${t.score.toFixed(1)} (${t.band}; ranks ${t.rankRange[0]}-${t.rankRange[1]}${stability})`);
    }
  }
}
