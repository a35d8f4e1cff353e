import path from "node:path";
import { ExcelJsWorkbook } from "../adapters/exceljs";
import { assessmentJson, countOf, runAssessment } from "../core";
import { InputError } from "../model";
import { UsageError, readInputFile, writeFileAtomic } from "./fileOutput";
import { parseArgs } from "./parseArgs";

export const COMPUTE_USAGE = "csp-assess compute <input.xlsx> --out <output.xlsx> [--json <result.json>]";

/** `csp-assess compute`: the workbook plus result sheets to --out, and the JSON to --json. */
export async function computeCommand(args: readonly string[], log: (line: string) => void): Promise<void> {
  const { positional, options } = parseArgs(args, ["out", "json"]);
  if (positional.length !== 1) throw new UsageError(`usage: ${COMPUTE_USAGE}`);
  if (!options.out && !options.json) throw new UsageError(`say where the results go with --out (and/or --json); usage: ${COMPUTE_USAGE}`);
  const input = positional[0];
  if (options.out && path.resolve(options.out) === path.resolve(input)) {
    throw new UsageError("--out must be a new file: the input workbook is never overwritten");
  }
  const port = await ExcelJsWorkbook.fromBytes(await readInputFile(input), input);
  const assessment = await runAssessment(port);
  if (assessment.tables.length === 0) {
    throw new InputError(null, `${input}: no tables found on any of its ${assessment.sheetsRead} sheets (a table needs a label column and at least one column of numbers under a header)`);
  }
  if (options.out) await writeFileAtomic(options.out, await port.toBytes());
  if (options.json) await writeFileAtomic(options.json, `${JSON.stringify(assessmentJson(assessment), null, 2)}\n`);
  const errors = assessment.findings.filter((f) => f.severity === "error").length;
  const warnings = assessment.findings.filter((f) => f.severity === "warning").length;
  log(`Read ${countOf(assessment.tables.length, "table")} from ${countOf(assessment.sheetsRead, "sheet")}: ${countOf(assessment.headlines.length, "headline")}, ${countOf(errors, "error")}, ${countOf(warnings, "warning")}.`);
  if (options.out) log(`Results workbook: ${options.out} (sheets ${port.writtenSheets.join(", ")})`);
  if (options.json) log(`Results JSON: ${options.json}`);
}
