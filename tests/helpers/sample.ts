import { promises as fs } from "node:fs";
import path from "node:path";
import { WorkbookFile } from "../../src/adapters/workbookFile";
import type { Assessment, RowResult, TableResult } from "../../src/core";
import { runAssessment } from "../../src/job";

export const SAMPLE = path.join(__dirname, "..", "..", "samples", "maidstone-strategic-assessment-2020-21.xlsx");

/** The sample's own wards (Maidstone's, built by npm run geo:build), given as `npm run demo` gives them: no borough's wards are a default. */
export const SAMPLE_WARDS = ["--boundaries", path.join(__dirname, "..", "..", "build", "geo", "wards.topo.json")];

/** Runs the whole job on the committed sample workbook through the ExcelJS port. */
export async function assessSample(): Promise<{ assessment: Assessment; port: WorkbookFile }> {
  const port = await WorkbookFile.fromBytes(new Uint8Array(await fs.readFile(SAMPLE)), "sample.xlsx");
  return { assessment: (await runAssessment(port)).assessment, port };
}

/** The table on `sheet` titled `title`, or else the one whose title contains it. */
export function tableOf(assessment: Assessment, sheet: string, title: string): TableResult {
  const onSheet = assessment.tables.filter((t) => t.table.sheet === sheet);
  const exact = onSheet.filter((t) => t.table.title === title);
  const found = exact.length > 0 ? exact : onSheet.filter((t) => (t.table.title ?? "").includes(title));
  if (found.length !== 1) throw new Error(`expected one table "${title}" on ${sheet}, found ${found.length}`);
  return found[0];
}

/** The row labelled `label`. */
export function rowOf(table: TableResult, label: string): RowResult {
  const row = table.rows.find((r) => r.label === label);
  if (!row) throw new Error(`no row "${label}" in ${table.table.title}`);
  return row;
}

/** True when a fraction, shown with as many decimals as `published` has, reads as `published` ("29%", "-7.8%"). */
export function roundsTo(fraction: number | null, published: string): boolean {
  if (fraction === null) return false;
  const match = /^([+-]?\s*\d+(?:\.(\d+))?)%$/.exec(published.replace(/\s/g, ""));
  if (!match) throw new Error(`not a percentage: ${published}`);
  const decimals = match[2]?.length ?? 0;
  return Math.abs(fraction * 100 - Number(match[1])) <= 0.5 * 10 ** -decimals + 1e-9;
}
