import { WardLocator, findPointColumns, readPlaces, readPointTable, wardStatistics } from "../../geo";
import { InputError } from "../model";
import { readBoundaryFile } from "./boundaryFiles";
import { UsageError, writeFileAtomic } from "./fileOutput";
import { parseArgs } from "./parseArgs";
import { readTableFile } from "./readTableFile";

export const WARDS_USAGE = "csp-assess wards <points.csv|points.xlsx> [--boundaries <file>] --json <out.json>";

/**
 * `csp-assess wards`: assigns located records to wards and writes every ward (zeros included)
 * with its count and Gi* hotspot statistics, the number of records in no ward, and findings.
 */
export async function wardsCommand(args: readonly string[], log: (line: string) => void): Promise<void> {
  const { positional, options } = parseArgs(args, ["boundaries", "json"]);
  if (positional.length !== 1 || !options.json) throw new UsageError(`usage: ${WARDS_USAGE}`);
  const boundaries = await readBoundaryFile(options.boundaries);
  const workbook = await readTableFile(positional[0]);
  const placesGrid = workbook.sheets.find((s) => /^places?$/i.test(s.name));
  const places = placesGrid ? readPlaces(placesGrid) : null;
  const pointsGrid = workbook.sheets.find((s) => s !== placesGrid && findPointColumns(s));
  if (!pointsGrid) throw new InputError(null, `${positional[0]}: no sheet has Latitude/Longitude, Easting/Northing or Place columns`);

  const extent = boundaries.wards.reduce<[number, number, number, number]>(
    (box, w) => [Math.min(box[0], w.bbox[0]), Math.min(box[1], w.bbox[1]), Math.max(box[2], w.bbox[2]), Math.max(box[3], w.bbox[3])],
    [Infinity, Infinity, -Infinity, -Infinity]);
  const table = readPointTable(pointsGrid, places, extent);
  const locator = new WardLocator(boundaries);
  const counts = new Array<number>(boundaries.wards.length).fill(0);
  let outside = 0;
  const outsideCells: string[] = [];
  for (const p of table.points) {
    const ward = locator.locate(p.longitude, p.latitude);
    if (ward < 0) {
      outside += p.weight;
      if (outsideCells.length < 3) outsideCells.push(p.cell);
    } else {
      counts[ward] += p.weight;
    }
  }
  const swapped = table.rejected.filter((r) => r.reason.includes("swapped")).length;
  const findings = [...table.findings];
  if (outside > 0) {
    findings.push({ sheet: pointsGrid.name, cell: outsideCells[0], severity: "warning", kind: "outside-boundaries", stated: outside, computed: null,
      message: `${outsideCells[0]}: ${outside} record(s) lie outside every ward (first ${outsideCells.join(", ")})` });
  }
  const stats = wardStatistics(boundaries, counts);
  const result = {
    wards: stats.map((s) => ({ code: s.code, name: s.name, count: s.count, share: s.share, rank: s.rank, giZ: s.gi.z, giP: s.gi.p, hotspot: s.gi.band })),
    outside: outside + swapped,
    unlocated: table.rejected.length,
    findings: findings.map((f) => ({ cell: f.cell, severity: f.severity, kind: f.kind, stated: f.stated, computed: f.computed, message: f.message })),
  };
  await writeFileAtomic(options.json, `${JSON.stringify(result, null, 2)}\n`);
  const placed = counts.reduce((a, b) => a + b, 0);
  log(`Placed ${placed} of ${table.points.length + table.rejected.length} records in ${boundaries.wards.length} wards; ${outside + swapped} in no ward, ${table.rejected.length - swapped} not located.`);
  log(`Ward results JSON: ${options.json}`);
}
