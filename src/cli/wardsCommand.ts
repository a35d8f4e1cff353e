import { runWards } from "../job";
import { wardsRunJson } from "../output";
import { readBoundaryFiles } from "./readBoundaryFile";
import { type CommandArgs, type CommandSpec, COMMON_OPTIONS, stringOption, stringOptions } from "./commandLine";
import { UsageError, writeFileAtomic } from "./fileOutput";
import type { ProgressLine } from "./progressLine";
import { readTableFile } from "./readTableFile";
import { RUN_OPTIONS } from "./runOptions";

export const WARDS: CommandSpec = {
  name: "wards",
  summary: "Count located records (coordinates or place names) in every ward, with Gi* hotspots.",
  arguments: "<points.csv|points.xlsx>",
  positionals: { min: 1, max: 1 },
  options: {
    json: { type: "string", value: "<out.json>", help: "where the results go (required)" },
    boundaries: RUN_OPTIONS.boundaries,
    ...COMMON_OPTIONS,
  },
};

/**
 * `csp-assess wards`: assigns located records to wards and writes every ward (zeros included)
 * with its count and Gi* hotspot statistics, the number of records in no ward, and findings.
 */
export async function wardsCommand(
  args: CommandArgs,
  log: (line: string) => void,
  progress: ProgressLine,
): Promise<void> {
  const json = stringOption(args, "json");
  if (!json) throw new UsageError("say where the results go with --json; see csp-assess wards --help");
  const given = stringOptions(args, "boundaries");
  if (given.length === 0)
    throw new UsageError("say which wards to count in with --boundaries <file|folder>; see csp-assess wards --help");
  const boundaries = await readBoundaryFiles(given);
  const [file] = args.positional;
  progress.update({ stage: "reading" });
  const workbook = await readTableFile(file);
  progress.update({ stage: "mapping" });
  const run = runWards(workbook, file, boundaries);
  await writeFileAtomic(json, `${JSON.stringify(wardsRunJson(run), null, 2)}\n`);
  progress.end();
  const placed = run.wards.reduce((a, w) => a + w.count, 0);
  log(
    `Placed ${placed} of ${run.records} records in ${boundaries.wards.length} wards; ${run.outside} in no ward, ${run.unlocated - run.swapped} not located.`,
  );
  log(`Ward results JSON: ${json}`);
}
