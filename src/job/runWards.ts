import {
  type WardBoundaries,
  WardLocator,
  boundariesExtent,
  findPointColumns,
  readPlaces,
  readPointTable,
  wardStatistics,
} from "../../geo";
import { finding } from "../core";
import type { WardsRun } from "../output/runTypes";
import { InputError, type WorkbookGrids } from "../model";

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
