import {
  type WardBoundaries,
  WardLocator,
  boundariesExtent,
  findPointColumns,
  readPlaces,
  readPointTable,
  wardStatistics,
} from "../../geo";
import { type Finding, finding, findingJson } from "../core";
import { InputError, type WorkbookGrids } from "../model";

/** Every ward's count and Gi* statistics from a table of located records. */
export interface WardsRun {
  readonly sheet: string;
  readonly records: number;
  readonly wards: ReturnType<typeof wardStatistics>;
  /** Records that lie in no ward (swapped coordinates included). */
  readonly outside: number;
  /** Records with no usable location (those with swapped coordinates among them). */
  readonly unlocated: number;
  /** Records whose latitude and longitude were swapped, and so in no ward. */
  readonly swapped: number;
  readonly findings: readonly Finding[];
}

/**
 * Located records (a sheet with coordinates or place names, a Places sheet to look names up)
 * counted in the boundaries' wards, zeros included, with Gi* hotspots. The job behind
 * `csp-assess wards`.
 * @throws InputError when no sheet has coordinates or places
 */
export function runWards(workbook: WorkbookGrids, name: string, boundaries: WardBoundaries): WardsRun {
  const placesGrid = workbook.sheets.find((s) => /^places?$/i.test(s.name));
  const places = placesGrid ? readPlaces(placesGrid) : null;
  const pointsGrid = workbook.sheets.find((s) => s !== placesGrid && findPointColumns(s));
  if (!pointsGrid)
    throw new InputError(null, `${name}: no sheet has Latitude/Longitude, Easting/Northing or Place columns`);
  const table = readPointTable(pointsGrid, places, boundariesExtent(boundaries));
  const { counts, outside, outsideCells } = new WardLocator(boundaries).count(table.points);
  const swapped = table.rejected.filter((r) => r.reason.includes("swapped")).length;
  const findings = [...table.findings];
  if (outside > 0) {
    findings.push(
      finding(
        pointsGrid.name,
        outsideCells[0] ?? "",
        "warning",
        "outside-boundaries",
        `${outside} record(s) lie outside every ward (first ${outsideCells.join(", ")})`,
        outside,
        null,
      ),
    );
  }
  return {
    sheet: pointsGrid.name,
    records: table.points.length + table.rejected.length,
    wards: wardStatistics(boundaries, counts),
    outside: outside + swapped,
    unlocated: table.rejected.length,
    swapped,
    findings,
  };
}

/** The JSON `csp-assess wards` writes: every ward, those in no ward, and the findings. */
export function wardsRunJson(run: WardsRun): Record<string, unknown> {
  return {
    wards: run.wards.map((s) => ({
      code: s.code,
      name: s.name,
      count: s.count,
      share: s.share,
      rank: s.rank,
      giZ: s.gi?.z ?? null,
      giP: s.gi?.p ?? null,
      hotspot: s.gi?.band ?? null,
    })),
    outside: run.outside,
    unlocated: run.unlocated,
    findings: run.findings.map(findingJson),
  };
}
