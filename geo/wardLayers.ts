import { type SheetGrid, sheetCellRef } from "../src/model";
import type { TableResult } from "../src/core/compute/tableResult";
import type { TableRow } from "../src/core/tables/table";
import { countOf } from "../src/core/format/formatNumbers";
import { findRecordHeader } from "../src/core/incidents";
import { type PopulationTable, readPopulationTable } from "../src/core/population/wardPopulation";
import { wardPopulations } from "./wardPopulations";
import { type Finding, finding } from "../src/core/findings";
import { type WardBoundaries, boundariesExtent } from "./boundaries";
import { type Classification, classify } from "./classify";
import { readPlaces, readPointTable, findPointColumns } from "./readPoints";
import { type CoverageReport, type Site, serviceCoverage, wardCentroids } from "./serviceLocation";
import { WardLocator } from "./pointInWard";
import { type WardMatch, WardMatcher } from "./wardMatch";
import { type WardStatistic, wardStatistics } from "./wardStatistics";
import { type EmergingWard, emergingHotspots } from "./emergingHotspots";

/** A ward-level map layer computed from the workbook: a ward table or a sheet of located records. */
export interface WardLayer {
  readonly id: string;
  readonly title: string;
  readonly sheet: string;
  readonly period: string | null;
  readonly source: "ward table" | "points";
  readonly wards: readonly WardStatistic[];
  /** Wards the data does not mention (null count on the map, "no data"), by index. */
  readonly noData: readonly number[];
  readonly classification: Classification | null;
  readonly coverage: CoverageReport | null;
  /** The located records of a points layer (for drawing), weighted. */
  readonly points: readonly {
    readonly longitude: number;
    readonly latitude: number;
    readonly weight: number;
    readonly label: string;
  }[];
  readonly outside: number;
  /** Whom the rates per 1,000 are of: all residents, or those aged 10 to 17 (youth offending); null without a population. */
  readonly rateBase: "all ages" | "aged 10 to 17" | null;
  /** Emerging hot and cold spots, for a ward table of four periods or more: each ward's pattern over them. */
  readonly emerging: { readonly periods: readonly string[]; readonly wards: readonly EmergingWard[] } | null;
}

/** Ward layers of a workbook, and what was noticed making them. */
export interface WardAnalysis {
  readonly layers: readonly WardLayer[];
  readonly sites: readonly Site[];
  readonly candidates: readonly Site[];
  /** Where the populations came from (a Population sheet, or a file given to the run), or null. */
  readonly populationSheet: string | null;
  /** What the map must credit for the data (police.uk's open data), beside the boundaries' licence. */
  readonly attributions: readonly string[];
  readonly findings: readonly Finding[];
}

/** Choices for the ward layers. */
export interface WardAnalysisOptions {
  readonly classes?: number;
  /** Ward populations given to the run (`--population`); else the workbook's Population sheet. */
  readonly population?: PopulationTable | null;
  /** Attributions the data's sources ask for. */
  readonly attributions?: readonly string[];
}

// Layers about young people take the 10–17 population, the youth justice system's ages.
const YOUTH_LAYER = /\b(youth|young|juvenile)/i;

const bySheetName = (grids: readonly SheetGrid[], pattern: RegExp): SheetGrid | undefined =>
  grids.find((g) => pattern.test(g.name));

function readSites(grid: SheetGrid | undefined, places: Map<string, [number, number]> | null): Site[] {
  if (!grid) return [];
  return readPointTable(grid, places, null).points.map((p) => ({
    name: p.reference,
    longitude: p.longitude,
    latitude: p.latitude,
  }));
}

// Labels looked up exactly before a table is taken for a ward table, and the share of them that
// must name a ward: spelling tolerance (edit distances against every ward) runs only on tables
// that pass. On a large workbook with no ward tables, fuzzy matching every label of every table
// took two fifths of the run.
const SAMPLE = 24;
const EXACT_SHARE = 0.25;

/** A ward-table row's ward: by its code where it gives one the boundaries know, else by its name. */
function matchRow(row: TableRow, matcher: WardMatcher): { match: WardMatch; byNameNotCode: boolean } {
  if (row.code) {
    const byCode = matcher.match(row.code);
    if (byCode.kind === "matched") return { match: byCode, byNameNotCode: false };
  }
  return { match: matcher.match(row.label), byNameNotCode: row.code !== undefined };
}

/** True when most data rows of a table are wards (so it is a ward table). */
function wardRows(result: TableResult, matcher: WardMatcher): boolean {
  const rows = result.table.rows.filter((r) => !r.aggregate);
  if (rows.length < 3) return false;
  const step = Math.max(1, Math.floor(rows.length / SAMPLE));
  let sampled = 0;
  let exact = 0;
  for (let i = 0; i < rows.length && sampled < SAMPLE; i += step, sampled += 1)
    if ((rows[i].code && matcher.exactly(rows[i].code as string) !== null) || matcher.exactly(rows[i].label) !== null)
      exact += 1;
  if (exact / sampled < EXACT_SHARE) return false;
  const matched = rows.filter((r) => matchRow(r, matcher).match.kind === "matched").length;
  return matched / rows.length >= 0.6;
}

/** A table that says it is of wards (its label column or title), or whose rows carry ward codes. */
const LOOKS_LIKE_WARDS = /\bwards?\b/i;
function saysWards(result: TableResult): boolean {
  const { table } = result;
  return (
    LOOKS_LIKE_WARDS.test(table.labelHeader) ||
    LOOKS_LIKE_WARDS.test(table.title ?? "") ||
    table.rows.some((r) => /^[EW]05\d{6}$/.test(r.code ?? r.label))
  );
}

/**
 * The one warning for a table of wards whose wards the boundaries do not hold (another borough's
 * boundaries, or none of its names): "Crime by ward: 19 ward names, 0 in the boundaries given
 * (26 wards)". Null when most of its wards are the boundaries' (a table too short to map).
 */
function unmatchedWardTable(result: TableResult, matcher: WardMatcher, wards: number): Finding | null {
  const rows = result.table.rows.filter((r) => !r.aggregate);
  const matched = rows.filter((r) => matchRow(r, matcher).match.kind === "matched").length;
  // Too short a table to map, but of these wards: nothing to warn of.
  if (rows.length === 0 || matched / rows.length >= 0.6) return null;
  const { title, range } = result.table;
  const name = title ? (title.split(" – ").pop() as string) : `the table ${range}`;
  return finding(
    result.table.sheet,
    "",
    "warning",
    "ward-table-unmatched",
    `${name}: ${countOf(rows.length, "ward name")}, ${matched} in the boundaries given (${countOf(wards, "ward")}); it is left off the map`,
  );
}

/**
 * Ward layers from a computed workbook: every table whose rows are wards (its newest period)
 * and every sheet of located records (assigned to wards through the spatial index), each with
 * counts, rates per 1,000 (Population sheet), shares, ranks, location quotients, Gi*, class
 * breaks and One Stop Shop coverage (Sites sheet, none without it; Candidates sheet or
 * ward centroids). Unmatched ward labels are findings listing the closest candidates.
 */
export function wardAnalysis(
  grids: readonly SheetGrid[],
  tables: readonly TableResult[],
  boundaries: WardBoundaries,
  options: WardAnalysisOptions = {},
): WardAnalysis {
  const findings: Finding[] = [];
  const matcher = new WardMatcher(boundaries.wards);
  const placesGrid = bySheetName(grids, /^places?\b/i);
  const places = placesGrid ? readPlaces(placesGrid) : null;
  const sitesGrid = bySheetName(grids, /^sites?\b/i);
  const candidatesGrid = bySheetName(grids, /^candidates?\b/i);
  // Sites belong to the partnership's workbook: without a Sites sheet there is no coverage to give.
  const sites = readSites(sitesGrid, places);
  const centroids = wardCentroids(boundaries);
  const candidates = candidatesGrid
    ? readSites(candidatesGrid, places)
    : boundaries.wards.map((w, i) => ({
        name: `${w.name} (ward centre)`,
        longitude: centroids[i][0],
        latitude: centroids[i][1],
      }));
  const special = new Set(
    [placesGrid, sitesGrid, candidatesGrid, bySheetName(grids, /^population\b/i)].filter(Boolean),
  );

  // Population per ward: the run's own (--population), else a Population sheet's table.
  const populationGrid = bySheetName(grids, /^population\b/i);
  const populationTable = options.population ?? (populationGrid ? readPopulationTable(populationGrid) : null);
  const population = populationTable ? wardPopulations(populationTable, boundaries, matcher, findings) : null;

  const classes = options.classes ?? 5;
  const layers: WardLayer[] = [];
  const finish = (
    id: string,
    title: string,
    sheet: string,
    period: string | null,
    source: WardLayer["source"],
    counts: number[],
    noData: number[],
    points: WardLayer["points"],
    outside: number,
    emerging: WardLayer["emerging"] = null,
  ): void => {
    const youth = YOUTH_LAYER.test(title) && population?.youth ? population.youth : null;
    const wards = wardStatistics(boundaries, counts, youth ?? population?.all);
    const present = counts.filter((_, i) => !noData.includes(i));
    const demand = centroids.map(([longitude, latitude], i) => ({ longitude, latitude, weight: counts[i] }));
    layers.push({
      id,
      title,
      sheet,
      period,
      source,
      wards,
      noData,
      classification: present.length > 0 ? classify(present, classes, "jenks") : null,
      coverage:
        sites.length > 0
          ? serviceCoverage(boundaries, points.length > 0 ? points : demand, sites, candidates, { k: 3, radiusKm: 5 })
          : null,
      points,
      outside,
      rateBase: population ? (youth ? "aged 10 to 17" : "all ages") : null,
      emerging,
    });
  };

  for (const result of tables) {
    if (result.table.kind === "categories" || result.table.sheet === populationGrid?.name) continue;
    if (!wardRows(result, matcher)) {
      const unmatched = saysWards(result) ? unmatchedWardTable(result, matcher, boundaries.wards.length) : null;
      if (unmatched) findings.push(unmatched);
      continue;
    }
    const { table } = result;
    let byName = 0;
    const last = table.columns.length - 1;
    const counts = new Array<number>(boundaries.wards.length).fill(0);
    // Each period's counts by ward too, for emerging hotspots over four periods or more.
    const periods = table.kind !== "categories" && table.columns.length >= 4 ? table.columns.length : 0;
    const byPeriod = Array.from({ length: periods }, () => new Array<number>(boundaries.wards.length).fill(0));
    const seen = new Set<number>();
    table.rows.forEach((row, r) => {
      if (row.aggregate) return;
      const { match: m, byNameNotCode } = matchRow(row, matcher);
      if (byNameNotCode && m.kind === "matched") byName += 1;
      const cell = sheetCellRef(table.sheet, row.labelCell.row, row.labelCell.column);
      if (m.kind !== "matched") {
        const near = m.candidates.map((c) => `${c.name} (${Math.round(c.similarity * 100)}%)`).join(", ");
        findings.push(
          finding(
            table.sheet,
            cell,
            "warning",
            m.kind === "ambiguous" ? "ward-ambiguous" : "ward-unmatched",
            `"${row.label}" is not a ward of these boundaries${m.kind === "ambiguous" ? " (two wards are equally close)" : ""}; closest: ${near}. It is left off the map`,
          ),
        );
        return;
      }
      if (m.how === "spelling") {
        findings.push(
          finding(
            table.sheet,
            cell,
            "info",
            "ward-spelling",
            `"${row.label}" read as ward ${boundaries.wards[m.ward].name} (${Math.round(m.similarity * 100)}% alike)`,
          ),
        );
      }
      result.rows[r].values.forEach((v, p) => {
        if (p < periods && v !== null) byPeriod[p][m.ward] += v;
      });
      const value = result.rows[r].values[last];
      if (value !== null) {
        counts[m.ward] += value;
        seen.add(m.ward);
      }
    });
    const noData = boundaries.wards.map((_, i) => i).filter((i) => !seen.has(i));
    if (byName > 0)
      findings.push(
        finding(
          table.sheet,
          "",
          "info",
          "ward-codes-differ",
          `${table.title ?? table.sheet} uses other ward codes than the boundaries (another vintage of wards); ${byName} of ${table.rows.filter((r) => !r.aggregate).length} matched by name`,
        ),
      );
    // The table's own title line, not a sheet banner above it ("ILLUSTRATIVE DATA ... – Domestic abuse by ward").
    const title = (table.title ?? table.sheet).split(" – ").pop() as string;
    finish(
      `${table.sheet}|${table.range}|${table.title ?? ""}`,
      title,
      table.sheet,
      table.columns[last].header,
      "ward table",
      counts,
      noData,
      [],
      0,
      periods > 0
        ? {
            periods: table.columns.map((c) => c.header),
            wards: emergingHotspots(byPeriod, boundaries.neighbours),
          }
        : null,
    );
  }

  const locator = new WardLocator(boundaries);
  const extent = boundariesExtent(boundaries);
  for (const grid of grids) {
    // A sheet of records starts with its header (perhaps under a title line); a Location
    // column further down belongs to a summary table, not to records.
    const columns = findPointColumns(grid);
    if (special.has(grid) || grid.isResultSheet || !columns || columns.row > grid.top + 1) continue;
    // A crime extract's records are already counted by ward in its own tables (and layers).
    if (findRecordHeader(grid)) continue;
    const read = readPointTable(grid, places, extent);
    if (read.points.length === 0 && read.system !== "place") continue;
    findings.push(...read.findings);
    const { counts, outside } = locator.count(read.points);
    if (outside > 0)
      findings.push(
        finding(
          grid.name,
          "",
          "warning",
          "outside-boundaries",
          `${outside} record(s) lie outside every ward`,
          outside,
          null,
        ),
      );
    finish(
      `${grid.name}|points`,
      grid.name,
      grid.name,
      null,
      "points",
      counts,
      [],
      read.points.map((p) => ({ longitude: p.longitude, latitude: p.latitude, weight: p.weight, label: p.reference })),
      outside,
    );
  }
  return {
    layers,
    sites,
    candidates,
    populationSheet: populationTable?.source ?? null,
    attributions: options.attributions ?? [],
    findings,
  };
}
