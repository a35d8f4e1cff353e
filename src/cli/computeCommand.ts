import { existsSync } from "node:fs";
import path from "node:path";
import { ExcelJsWorkbook } from "../adapters/exceljs";
import { nodeDeflateCodec } from "./nodeDeflateCodec";
import { MORILE_PRESETS, type WindowKind, countOf } from "../core";
import { runAssessment, runJson } from "../job";
import { BUILT_BOUNDARIES, readBoundaryFile } from "./boundaryFiles";
import { InputError } from "../model";
import { UsageError, readInputFile, writeFileAtomic } from "./fileOutput";
import { parseArgs } from "./parseArgs";
import { readPopulationFile } from "./populationFile";

export const COMPUTE_USAGE = "csp-assess compute <input.xlsx> --out <output.xlsx> [--json <result.json>] [--morile-preset linear|escalating] [--boundaries <file>] [--population <wards.csv>] [--area <name>] [--window nov-oct|apr-mar|calendar]";

/** `csp-assess compute`: the workbook plus result sheets to --out, and the JSON to --json. */
export async function computeCommand(args: readonly string[], log: (line: string) => void): Promise<void> {
  const { positional, options } = parseArgs(args, ["out", "json", "morile-preset", "boundaries", "window", "population", "area"]);
  const incidentWindow = (options.window ?? "nov-oct") as WindowKind;
  if (!["nov-oct", "apr-mar", "calendar"].includes(incidentWindow)) throw new UsageError("--window must be nov-oct, apr-mar or calendar (the periods compared for record-level sheets)");
  const morilePreset = (options["morile-preset"] ?? "linear").toLowerCase();
  if (!MORILE_PRESETS[morilePreset]) throw new UsageError(`--morile-preset must be one of ${Object.keys(MORILE_PRESETS).join(", ")}`);
  if (positional.length !== 1) throw new UsageError(`usage: ${COMPUTE_USAGE}`);
  if (!options.out && !options.json) throw new UsageError(`say where the results go with --out (and/or --json); usage: ${COMPUTE_USAGE}`);
  const input = positional[0];
  if (options.out && path.resolve(options.out) === path.resolve(input)) {
    throw new UsageError("--out must be a new file: the input workbook is never overwritten");
  }
  const port = await ExcelJsWorkbook.fromBytes(await readInputFile(input), input, nodeDeflateCodec);
  // Ward layers need boundaries: --boundaries, else the built default when it exists.
  const boundaries = options.boundaries || existsSync(BUILT_BOUNDARIES) ? await readBoundaryFile(options.boundaries) : null;
  const population = options.population ? await readPopulationFile(options.population) : null;
  const run = await runAssessment(port, { morilePreset, boundaries, incidentWindow, population, homeArea: options.area });
  const { assessment } = run;
  if (assessment.tables.length === 0 && !assessment.morile && assessment.incidents.length === 0) {
    throw new InputError(null, `${input}: no tables found on any of its ${assessment.sheetsRead} sheets (a table needs a label column and at least one column of numbers under a header; a MoRiLE sheet needs a Theme column and the factor columns)`);
  }
  if (options.out) await writeFileAtomic(options.out, await port.toBytes());
  if (options.json) await writeFileAtomic(options.json, `${JSON.stringify(runJson(run), null, 2)}\n`);
  const errors = assessment.findings.filter((f) => f.severity === "error").length;
  const warnings = assessment.findings.filter((f) => f.severity === "warning").length;
  log(`Read ${countOf(assessment.tables.length, "table")} from ${countOf(assessment.sheetsRead, "sheet")}: ${countOf(assessment.headlines.length, "headline")}, ${countOf(errors, "error")}, ${countOf(warnings, "warning")}.`);
  if (options.out) log(`Results workbook: ${options.out} (sheets ${port.writtenSheets.join(", ")})`);
  if (options.json) log(`Results JSON: ${options.json}`);
  if (run.wards) {
    const layers = run.wards.layers.map((l) => `${l.title} (${l.wards.filter((w) => w.gi.band.startsWith("hot")).map((w) => w.name).join(", ") || "no hotspot"})`);
    log(`Ward layers: ${layers.length > 0 ? layers.join("; ") : "none (no table of wards or located records)"}`);
  }
  if (assessment.homeArea) {
    const standings = assessment.tables.flatMap((t) => (t.homeArea ? [t.homeArea.sentence] : []));
    log(`Home area: ${assessment.homeArea.name}${assessment.homeArea.source === "inferred" ? " (inferred from the table titles)" : ""}; ${countOf(standings.length, "table")} of areas include it.`);
    for (const sentence of standings) log(`  ${sentence}`);
  }
  if (assessment.morile) {
    log(`MoRiLE ranking (${assessment.morile.preset} preset):`);
    for (const t of assessment.morile.themes) {
      const stability = t.stable === null ? "" : t.stable ? ", stable" : ", unstable";
      log(`  ${String(t.rank).padStart(2)}. ${t.theme}: score ${t.score.toFixed(1)} (${t.band}; ranks ${t.rankRange[0]}-${t.rankRange[1]}${stability})`);
    }
  }
}
