import path from "node:path";
// The core's, job's and output's own modules, not their indexes: the command then loads what a record
// extract needs, without the workbook reader, the map or the report (loaded with --report).
import { dayNumber } from "../core/calendar/namedDates";
import { countOf, formatCount } from "../core/format/formatNumbers";
import { isoMonthsWords, placesSentence } from "../core/incidents/extractSummary";
import { readCrimeGroups, wardList } from "../core/incidents/recordSheets";
import { reportDate } from "../core/options";
import { readLsoaLookup } from "../core/population/wardPopulation";
import { unmatchedHomeArea, unmatchedHomeAreaWords } from "../core/homeArea";
import { runIncidents } from "../job/runIncidents";
import { incidentRunJson } from "../output/runJson";
import type { ExtractRun } from "../output/runTypes";
import type { WorkbookGrids } from "../model";
import { type CommandArgs, type CommandSpec, COMMON_OPTIONS, checkedOption, stringOption } from "./commandLine";
import { UsageError, writeFileAtomic } from "./fileOutput";
import { extractFromPaths } from "./inputFiles";
import type { ProgressLine } from "./progressLine";
import { REPORT_OPTIONS, RUN_OPTIONS, runOptionsFrom } from "./runOptions";

const { "morile-preset": _preset, ...EXTRACT_OPTIONS } = RUN_OPTIONS;

export const INCIDENTS: CommandSpec = {
  name: "incidents",
  summary:
    "Analyse a record-level extract (CSV or .xlsx files, a folder, a police.uk download's zip): the year-on-year comparison, the whole extract, time patterns and interventions.",
  arguments: "<records.csv|records.xlsx|folder|download.zip>...",
  positionals: { min: 1, max: Infinity },
  options: {
    json: { type: "string", value: "<out.json>", help: "where the results go (required)", required: true },
    out: {
      type: "string",
      value: "<results.xlsx>",
      help: "a results workbook of the extract's result sheets, as compute --out writes them",
    },
    ...REPORT_OPTIONS,
    ...EXTRACT_OPTIONS,
    groups: { type: "string", value: "<mapping.csv>", help: "Category → Group mapping over the defaults" },
    districts: {
      type: "string",
      value: "<lookup.csv>",
      help: "an ONS LSOA to district lookup (LSOAnnCD, LADnnNM), for the force's districts (default: police.uk's LSOA names)",
    },
    category: { type: "string", value: "<name>", help: "the category profiled in time (default Domestic abuse)" },
    intervention: {
      type: "string",
      value: "<ward;ward>",
      help: "wards of an intervention, measured against comparison wards",
    },
    from: { type: "string", value: "YYYY-MM-DD", help: "the day the intervention started (with --intervention)" },
    to: { type: "string", value: "YYYY-MM-DD", help: "the intervention's last day (default: the latest record's)" },
    compare: {
      type: "string",
      value: "<ward;ward>",
      help: "comparison wards (default: the wards bordering the intervention's)",
    },
    name: { type: "string", value: "<text>", help: "the intervention's name" },
    ...COMMON_OPTIONS,
  },
};

/** A CSV or .xlsx table file; the workbook reader loads only when --groups or --districts names one. */
async function readTable(file: string): Promise<WorkbookGrids> {
  return (await import("./readTableFile")).readTableFile(file);
}

async function readDistrictLookup(
  file: string | undefined,
): Promise<Map<string, { name: string; code: string | null }> | undefined> {
  if (!file) return undefined;
  for (const sheet of (await readTable(file)).sheets) {
    const lookup = readLsoaLookup(sheet);
    if (lookup) return lookup;
  }
  throw new UsageError(`--districts: ${file} is not an LSOA to district lookup (no LSOAnnCD and LADnnNM columns)`);
}

async function readMapping(file: string | undefined): Promise<Map<string, string>> {
  if (!file) return new Map();
  const [sheet] = (await readTable(file)).sheets;
  return sheet ? readCrimeGroups(sheet) : new Map();
}

function isoDay(text: string, option: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const day = m ? dayNumber({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : NaN;
  if (!m || new Date(day * 86400000).toISOString().slice(0, 10) !== text)
    throw new UsageError(`--${option} must be a date written YYYY-MM-DD`);
  return day;
}

/** The draft report of a run; the report's modules (docx, the map's rasteriser) load only for it. */
async function writeReport(report: string, run: ExtractRun, args: CommandArgs): Promise<void> {
  const [{ runReport }, { resvgRasterise }] = await Promise.all([
    import("../output/report"),
    import("../adapters/node/resvgRasterise"),
  ]);
  await writeFileAtomic(
    report,
    await runReport(run, resvgRasterise, {
      date: checkedOption(args, "date", reportDate),
      source: args.positional.map((p) => path.basename(p)).join(", "),
      partnership: stringOption(args, "partnership"),
    }),
  );
}

/**
 * `csp-assess incidents`: a record-level extract (one or several files, a folder, a police.uk
 * download's zip) to the whole-extract summary, the two-period comparison, the temporal
 * profile and intervention impact.
 */
export async function incidentsCommand(
  args: CommandArgs,
  log: (line: string) => void,
  progress: ProgressLine,
): Promise<void> {
  const json = stringOption(args, "json");
  if (!json) throw new UsageError("say where the results go with --json; see csp-assess incidents --help");
  const intervention = stringOption(args, "intervention");
  const fromText = stringOption(args, "from");
  const toText = stringOption(args, "to");
  if (intervention && !fromText) throw new UsageError("--intervention needs --from YYYY-MM-DD (the day it started)");
  const from = fromText ? isoDay(fromText, "from") : null;
  const to = toText ? isoDay(toText, "to") : null;
  const options = await runOptionsFrom(args);
  const port = await extractFromPaths(args.positional);
  const run = await runIncidents(port, {
    ...options,
    category: stringOption(args, "category"),
    mapping: await readMapping(stringOption(args, "groups")),
    lsoaDistricts: await readDistrictLookup(stringOption(args, "districts")),
    intervention:
      intervention && from !== null
        ? {
            name: stringOption(args, "name"),
            wards: wardList(intervention),
            compare: wardList(stringOption(args, "compare") ?? ""),
            from,
            to,
          }
        : null,
    onProgress: progress.update,
  });
  const unmatched = unmatchedHomeArea({
    ...run.assessment,
    homeArea: options.homeArea ? { name: options.homeArea, source: "option" } : null,
  });
  if (unmatched) throw new UsageError(`--area ${unmatchedHomeAreaWords(unmatched)}`);
  await writeFileAtomic(json, `${JSON.stringify(incidentRunJson(run), null, 2)}\n`);
  const out = stringOption(args, "out");
  if (out) await writeResultsWorkbook(out, run);
  const report = stringOption(args, "report");
  if (report) await writeReport(report, run, args);
  progress.end();
  reportExtract(run, log);
  for (const impact of run.extract.analysis.interventions)
    log(`${impact.name}: ${impact.periods[1]} against ${impact.periods[0]}, ${countOf(impact.wards.length, "ward")}.`);
  log(`Results JSON: ${json}`);
  if (out) log(`Results workbook: ${out} (sheets ${run.sheets.map((s) => s.name).join(", ")})`);
  if (report) log(`Draft report: ${report}`);
}

/** What the extract held, said on the terminal: the home district's figures first, then the force's. */
function reportExtract(run: ExtractRun, log: (line: string) => void): void {
  const { summary, extract, comparable } = run.extract.analysis;
  const districts = run.extract.analysis.districts;
  // The home district's own figures lead, beside the force's, when no boundaries placed the records.
  if (districts?.home && !extract.placed) log(districts.home.figures);
  if (comparable) {
    const outside = summary.rejected.reasons["outside both periods"] ?? 0;
    log(
      `${summary.periods[0]} to ${summary.periods[1]}: all crime ${formatCount(summary.allCrime[0])} -> ${formatCount(summary.allCrime[1])}; ` +
        `${countOf(summary.rejected.count - outside, "record")} not counted, ${formatCount(outside)} outside both periods.`,
    );
  } else if (extract.span) {
    log(
      `No year-on-year comparison: the extract covers ${isoMonthsWords(extract.span.from, extract.span.to)} (see the findings).`,
    );
  }
  const skipped =
    run.extract.files.skipped.length > 0 ? `; ${countOf(run.extract.files.skipped.length, "file")} skipped` : "";
  log(
    `Read ${countOf(extract.records, "record")} from ${countOf(run.extract.files.read.length, "file")}${skipped}: ${placesSentence(extract)}.`,
  );
  if (extract.monthOnly)
    log(
      `By month: ${extract.months.map((m) => `${isoMonthsWords(m.month, m.month)} ${formatCount(m.count)}`).join(", ")}.`,
    );
  if (districts)
    log(
      `${districts.forceArea} districts, ${isoMonthsWords(districts.months.from, districts.months.to)}: ${districts.districts
        .filter((d) => !d.outside)
        .map((d) => `${d.name} ${formatCount(d.count)}`)
        .join(", ")}.`,
    );
  if (districts?.renamed) log(districts.renamed);
  if (districts?.home) log(districts.home.sentence);
}

/** The extract's result sheets in a new workbook, as the pane offers them (ExcelJS loads only for this). */
async function writeResultsWorkbook(out: string, run: ExtractRun): Promise<void> {
  const { WorkbookFile } = await import("../adapters/workbookFile");
  const results = WorkbookFile.empty();
  await results.writeResultSheets(run.sheets);
  await writeFileAtomic(out, await results.toBytes());
}
