import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { createReadStream, existsSync } from "node:fs";
import { IncidentAggregator, type WindowKind, findRecordColumns } from "../core";
import { WardMatcher } from "../../geo";
import { type CellValue, InputError } from "../model";
import { toCellValue } from "../adapters/exceljs";
import { BUILT_BOUNDARIES, readBoundaryFile } from "./boundaryFiles";
import { UsageError, readInputFile, writeFileAtomic } from "./fileOutput";
import { parseArgs } from "./parseArgs";

export const INCIDENTS_USAGE = "csp-assess incidents <records.csv|records.xlsx> [--window nov-oct|apr-mar|calendar] [--end YYYY-MM] [--groups <mapping.csv>] --json <out.json>";

/** Streams the rows of a CSV or the first record sheet of an .xlsx into an aggregator, in bounded memory. */
async function streamRecords(file: string, mapping: Map<string, string>): Promise<IncidentAggregator> {
  let aggregator: IncidentAggregator | null = null;
  const feed = (row: CellValue[], where: string): void => {
    if (aggregator) return aggregator.add(row, where);
    const columns = findRecordColumns(row);
    if (columns) aggregator = new IncidentAggregator(columns, mapping);
  };
  if (/\.csv$/i.test(file)) {
    let line = 0;
    for await (const record of createReadStream(file).pipe(parse({ bom: true, relax_column_count: true }))) {
      line += 1;
      feed(record as CellValue[], `${file} line ${line}`);
    }
  } else {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore" });
    try {
      for await (const worksheet of reader) {
        const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
        for await (const row of ws) {
          const values = (row.values as ExcelJS.CellValue[]).slice(1).map(toCellValue);
          feed(values, `${ws.name ?? "sheet"} row ${row.number}`);
        }
        if (aggregator) break;
      }
    } catch (error) {
      throw new InputError(null, `${file} is not a readable CSV or .xlsx extract (${(error as Error).message})`);
    }
  }
  if (!aggregator) throw new InputError(null, `${file}: no record-level columns found (a date column such as Committed Date and a category such as Crime Type)`);
  return aggregator;
}

async function readMapping(file: string | undefined): Promise<Map<string, string>> {
  const mapping = new Map<string, string>();
  if (!file) return mapping;
  const text = new TextDecoder().decode(await readInputFile(file));
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [category, group] = line.split(",").map((s) => s.trim());
    if (category && group) mapping.set(category.toLowerCase().replace(/\s+/g, " "), group);
  }
  return mapping;
}

/** `csp-assess incidents`: record-level extract to the two-period comparison by group and ward. */
export async function incidentsCommand(args: readonly string[], log: (line: string) => void): Promise<void> {
  const { positional, options } = parseArgs(args, ["window", "end", "groups", "json"]);
  if (positional.length !== 1 || !options.json) throw new UsageError(`usage: ${INCIDENTS_USAGE}`);
  const window = (options.window ?? "nov-oct") as WindowKind;
  if (!["nov-oct", "apr-mar", "calendar"].includes(window)) throw new UsageError("--window must be nov-oct, apr-mar or calendar");
  let end: { year: number; month: number } | undefined;
  if (options.end) {
    const m = /^(\d{4})-(\d{2})$/.exec(options.end);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new UsageError("--end must be a month written YYYY-MM");
    end = { year: Number(m[1]), month: Number(m[2]) };
  }
  if (!existsSync(positional[0])) throw new InputError(null, `${positional[0]} does not exist`);
  const aggregator = await streamRecords(positional[0], await readMapping(options.groups));
  const summary = aggregator.summary(window, end);
  // Ward codes from the boundaries, when built; names the boundaries do not know keep a null code.
  const wards = existsSync(BUILT_BOUNDARIES) ? (await readBoundaryFile()).wards : [];
  const matcher = new WardMatcher(wards);
  const byWard = summary.byWard.map((w) => {
    const match = matcher.match(w.name);
    return { code: match.kind === "matched" ? wards[match.ward].code : null, name: w.name, values: w.values };
  });
  await writeFileAtomic(options.json, `${JSON.stringify({ ...summary, byWard }, null, 2)}\n`);
  log(`${summary.periods[0]} to ${summary.periods[1]}: all crime ${summary.allCrime[0]} -> ${summary.allCrime[1]}; ${summary.rejected.count} records not counted.`);
  log(`Results JSON: ${options.json}`);
}
