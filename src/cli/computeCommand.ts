import path from "node:path";
import { WorkbookFile } from "../adapters/workbookFile";
import { nodeDeflateCodec } from "../adapters/node/nodeDeflateCodec";
import { countOf, reportDate, unmappedWardTables, unmatchedHomeArea, unmatchedHomeAreaWords } from "../core";
import { runAssessment } from "../job";
import { type Run, runJsonChunks, runReport } from "../output";
import { resvgRasterise } from "../adapters/node/resvgRasterise";
import { type CommandSpec, type CommandArgs, COMMON_OPTIONS, checkedOption, stringOption } from "./commandLine";
import { UsageError, readInputFile, writeChunksAtomic, writeFileAtomic } from "./fileOutput";
import type { ProgressLine } from "./progressLine";
import { REPORT_OPTIONS, RUN_OPTIONS, runOptionsFrom } from "./runOptions";

export const COMPUTE: CommandSpec = {
  name: "compute",
  summary: "Compute the assessment of a workbook: its tables, MoRiLE and ward layers, as result sheets and JSON.",
  arguments: "<input.xlsx>",
  positionals: { min: 1, max: 1 },
  options: {
    out: {
      type: "string",
      value: "<output.xlsx>",
      help: "the workbook with the result sheets added (the input is never overwritten)",
    },
    json: { type: "string", value: "<result.json>", help: "the results as JSON" },
    ...REPORT_OPTIONS,
    ...RUN_OPTIONS,
    ...COMMON_OPTIONS,
  },
};

/** `csp-assess compute`: the workbook plus result sheets to --out, and the JSON to --json. */
export async function computeCommand(
  args: CommandArgs,
  log: (line: string) => void,
  progress: ProgressLine,
): Promise<void> {
  const out = stringOption(args, "out");
  const json = stringOption(args, "json");
  const [input] = args.positional;
  const report = stringOption(args, "report");
  const date = checkedOption(args, "date", reportDate);
  if (!out && !json && !report)
    throw new UsageError(
      "say where the results go with --out (and/or --json, --report); see csp-assess compute --help",
    );
  if (out && path.resolve(out) === path.resolve(input))
    throw new UsageError("--out must be a new file: the input workbook is never overwritten");
  const options = await runOptionsFrom(args);
  const port = await WorkbookFile.fromBytes(await readInputFile(input), input, nodeDeflateCodec);
  const run = await runAssessment(port, { ...options, onProgress: progress.update, source: input });
  const { assessment } = run;
  // A home area named for the run that is none of the data's areas is a wrong call: said before anything is written.
  const unmatched = unmatchedHomeArea(assessment);
  if (unmatched) throw new UsageError(`--area ${unmatchedHomeAreaWords(unmatched)}`);
  if (out) await writeFileAtomic(out, await port.toBytes());
  if (json) await writeChunksAtomic(json, runJsonChunks(run));
  if (report)
    await writeFileAtomic(
      report,
      await runReport(run, resvgRasterise, {
        date,
        source: path.basename(input),
        partnership: stringOption(args, "partnership"),
      }),
    );
  progress.end();
  reportCounts(run, log);
  // A fallback to ExcelJS or a part left out is said here too, not only on the Findings sheet.
  for (const note of port.notes) log(`Workbook file: ${input}: ${note}.`);
  if (out) log(`Results workbook: ${out} (sheets ${port.writtenSheets.join(", ")})`);
  if (json) log(`Results JSON: ${json}`);
  if (report) log(`Draft report: ${report}`);
  reportLayers(run, log);
}

function reportCounts({ assessment }: Run, log: (line: string) => void): void {
  const errors = assessment.findings.filter((f) => f.severity === "error").length;
  const warnings = assessment.findings.filter((f) => f.severity === "warning").length;
  log(
    `Read ${countOf(assessment.tables.length, "table")} from ${countOf(assessment.sheetsRead, "sheet")}: ${countOf(assessment.headlines.length, "headline")}, ${countOf(errors, "error")}, ${countOf(warnings, "warning")}.`,
  );
}

function reportLayers(run: Run, log: (line: string) => void): void {
  const { assessment } = run;
  if (run.wards) {
    const layers = run.wards.layers.map(
      (l) =>
        `${l.title} (${
          l.wards
            .filter((w) => w.gi?.band.startsWith("hot"))
            .map((w) => w.name)
            .join(", ") || "no hotspot"
        })`,
    );
    log(`Ward layers: ${layers.length > 0 ? layers.join("; ") : "none (no table of wards or located records)"}`);
  } else {
    const wardTables = unmappedWardTables(assessment);
    if (wardTables.length > 0)
      log(
        `Ward layers: none, as no ward boundaries were given (--boundaries <file|folder>) for ${wardTables.join(", ")}`,
      );
  }
  // What was noticed about the run's inputs as a whole (not a cell): areas, wards, populations.
  for (const f of assessment.findings) if (f.severity === "warning" && f.cell === "") log(`Warning: ${f.message}`);
  if (assessment.homeArea) {
    const standings = assessment.tables.flatMap((t) => (t.homeArea ? [t.homeArea.sentence] : []));
    log(
      `Home area: ${assessment.homeArea.name}${assessment.homeArea.source === "inferred" ? " (inferred from the table titles)" : ""}; ${countOf(standings.length, "table")} of areas ${standings.length === 1 ? "includes" : "include"} it.`,
    );
    for (const sentence of standings) log(`  ${sentence}`);
  }
  if (assessment.morile) {
    log(`MoRiLE ranking (${assessment.morile.preset} preset):`);
    for (const t of assessment.morile.themes) {
      const stability = t.stable === null ? "" : t.stable ? ", stable" : ", unstable";
      log(
        `  ${String(t.rank).padStart(2)}. ${t.theme}: score ${t.score.toFixed(1)} (${t.band}; ranks ${t.rankRange[0]}-${t.rankRange[1]}${stability})`,
      );
    }
  }
}
