import { existsSync } from "node:fs";
import { type WindowKind, countOf, dayNumber, formatCount, readCrimeGroups } from "../core";
import { incidentRunJson, runIncidents } from "../job";
import { BUILT_BOUNDARIES, readBoundaryFile } from "./boundaryFiles";
import { UsageError, writeFileAtomic } from "./fileOutput";
import { extractFromPaths } from "./inputFiles";
import { readPopulationFile } from "./populationFile";
import { readTableFile } from "./readTableFile";
import { parseArgs } from "./parseArgs";

export const INCIDENTS_USAGE =
  "csp-assess incidents <records.csv|records.xlsx|folder|download.zip>... [--window nov-oct|apr-mar|calendar] [--end YYYY-MM] [--groups <mapping.csv>] " +
  "[--category <name>] [--population <wards.csv>] [--boundaries <file>] " +
  "[--intervention <ward;ward> --from YYYY-MM-DD [--to YYYY-MM-DD] [--compare <ward;ward>] [--name <text>]] --json <out.json>";

async function readMapping(file: string | undefined): Promise<Map<string, string>> {
  if (!file) return new Map();
  const [sheet] = (await readTableFile(file)).sheets;
  return sheet ? readCrimeGroups(sheet) : new Map();
}

function isoDay(text: string, option: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const day = m ? dayNumber({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : NaN;
  if (!m || new Date(day * 86400000).toISOString().slice(0, 10) !== text) throw new UsageError(`--${option} must be a date written YYYY-MM-DD`);
  return day;
}

const wardList = (text: string | undefined): string[] => (text ?? "").split(/[;,]/).map((s) => s.trim()).filter(Boolean);

/**
 * `csp-assess incidents`: a record-level extract (one or several files, a folder, a police.uk
 * download's zip) to the whole-extract summary, the two-period comparison, the temporal
 * profile and intervention impact.
 */
export async function incidentsCommand(args: readonly string[], log: (line: string) => void): Promise<void> {
  const { positional, options } = parseArgs(args, ["window", "end", "groups", "json", "category", "intervention", "from", "to", "compare", "name", "population", "boundaries"]);
  if (positional.length === 0 || !options.json) throw new UsageError(`usage: ${INCIDENTS_USAGE}`);
  const window = (options.window ?? "nov-oct") as WindowKind;
  if (!["nov-oct", "apr-mar", "calendar"].includes(window)) throw new UsageError("--window must be nov-oct, apr-mar or calendar");
  let end: { year: number; month: number } | undefined;
  if (options.end) {
    const m = /^(\d{4})-(\d{2})$/.exec(options.end);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new UsageError("--end must be a month written YYYY-MM");
    end = { year: Number(m[1]), month: Number(m[2]) };
  }
  if (options.intervention && !options.from) throw new UsageError("--intervention needs --from YYYY-MM-DD (the day it started)");
  const from = options.from ? isoDay(options.from, "from") : null;
  const to = options.to ? isoDay(options.to, "to") : null;
  const port = await extractFromPaths(positional);

  // Boundaries (when built or given) place coordinates in wards, give ward codes and neighbours.
  const boundaries = options.boundaries || existsSync(BUILT_BOUNDARIES) ? await readBoundaryFile(options.boundaries) : null;
  const run = await runIncidents(port, {
    window,
    end,
    category: options.category,
    mapping: await readMapping(options.groups),
    intervention: options.intervention && from !== null ? { name: options.name, wards: wardList(options.intervention), compare: wardList(options.compare), from, to } : null,
    boundaries,
    population: options.population ? await readPopulationFile(options.population) : null,
  });
  await writeFileAtomic(options.json, `${JSON.stringify(incidentRunJson(run), null, 2)}\n`);
  const { summary, extract, comparable } = run.analysis;
  if (comparable) {
    const outside = summary.rejected.reasons["outside both periods"] ?? 0;
    log(`${summary.periods[0]} to ${summary.periods[1]}: all crime ${formatCount(summary.allCrime[0])} -> ${formatCount(summary.allCrime[1])}; ` +
      `${countOf(summary.rejected.count - outside, "record")} not counted, ${formatCount(outside)} outside both periods.`);
  } else if (extract.span) {
    log(`No year-on-year comparison: the extract covers ${extract.span.from} to ${extract.span.to} (see the findings).`);
  }
  const skipped = run.files.skipped.length > 0 ? `; ${countOf(run.files.skipped.length, "file")} skipped` : "";
  log(`Read ${countOf(extract.records, "record")} from ${countOf(run.files.read.length, "file")}${skipped}: ${formatCount(extract.located)} in the borough's wards, ${formatCount(extract.outsideBoundaries)} outside them, ${formatCount(extract.unlocated)} without a location.`);
  if (extract.monthOnly) log(`By month: ${extract.months.map((m) => `${m.month} ${formatCount(m.count)}`).join(", ")}.`);
  for (const impact of run.analysis.interventions) log(`${impact.name}: ${impact.periods[1]} against ${impact.periods[0]}, ${countOf(impact.wards.length, "ward")}.`);
  log(`Results JSON: ${options.json}`);
}
