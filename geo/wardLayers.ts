import type { SheetGrid } from "../src/model";
import type { TableResult } from "../src/core/compute/tableResult";
import { findRecordHeader } from "../src/core/incidents";
import { type PopulationTable, readPopulationTable } from "../src/core/population/wardPopulation";
import { wardPopulations } from "./wardPopulations";
import { type Finding, finding } from "../src/core/findings";
import { type WardBoundaries, boundariesExtent } from "./boundaries";
import { type Classification, classify } from "./classify";
import { readPlaces, readPointTable, findPointColumns } from "./readPoints";
import { type CoverageReport, type Site, serviceCoverage, wardCentroids } from "./serviceLocation";
import { WardLocator } from "./pointInWard";
import { WardMatcher } from "./wardMatch";
import { type WardStatistic, wardStatistics } from "./wardStatistics";
import type { LayerInput, PeriodCounts } from "./wardLayerInput";
import { wardTableLayer } from "./wardTableLayer";

/** A ward-level map layer computed from the workbook: a ward table or a sheet of located records. */
export interface WardLayer extends Omit<LayerInput, "counts"> {
  readonly wards: readonly WardStatistic[];
  readonly classification: Classification | null;
  readonly coverage: CoverageReport | null;
  /** Whom the rates per 1,000 are of: all residents, or those aged 10 to 17 (youth offending); null without a population. */
  readonly rateBase: "all ages" | "aged 10 to 17" | null;
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
  /** Month-by-month counts for tables of fewer than four periods (an extract's), for emerging hotspots. */
  readonly periodCounts?: readonly PeriodCounts[];
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

/** What every layer of one analysis shares: the wards, their populations and the service sites. */
interface LayerContext {
  readonly boundaries: WardBoundaries;
  readonly centroids: readonly (readonly [number, number])[];
  readonly population: ReturnType<typeof wardPopulations> | null;
  readonly sites: readonly Site[];
  readonly candidates: readonly Site[];
  readonly classes: number;
}

/** A layer's statistics from its counts: rates (youth layers on the 10–17 population), classes and coverage. */
function makeLayer(input: LayerInput, context: LayerContext): WardLayer {
  const { boundaries, population, sites, candidates } = context;
  const { counts, noData, points } = input;
  const youth = YOUTH_LAYER.test(input.title) && population?.youth ? population.youth : null;
  const wards = wardStatistics(boundaries, [...counts], youth ?? population?.all, noData);
  const present = counts.filter((_, i) => !noData.includes(i));
  const demand = context.centroids.map(([longitude, latitude], i) => ({ longitude, latitude, weight: counts[i] }));
  return {
    id: input.id,
    title: input.title,
    sheet: input.sheet,
    period: input.period,
    source: input.source,
    wards,
    noData,
    classification: present.length > 0 ? classify(present, context.classes, "jenks") : null,
    coverage:
      sites.length > 0
        ? serviceCoverage(boundaries, points.length > 0 ? points : demand, sites, candidates, { k: 3, radiusKm: 5 })
        : null,
    points,
    outside: input.outside,
    rateBase: population ? (youth ? "aged 10 to 17" : "all ages") : null,
    emerging: input.emerging,
  };
}

/**
 * The layer of a sheet of located records (assigned to wards through the spatial index), or null
 * for a sheet that is not one: no point columns, a crime extract (counted by its own tables) or
 * no readable point.
 */
function pointsLayer(
  grid: SheetGrid,
  places: Map<string, [number, number]> | null,
  locator: WardLocator,
  extent: ReturnType<typeof boundariesExtent>,
  findings: Finding[],
): LayerInput | null {
  // A sheet of records starts with its header (perhaps under a title line); a Location
  // column further down belongs to a summary table, not to records.
  const columns = findPointColumns(grid);
  if (grid.isResultSheet || !columns || columns.row > grid.top + 1) return null;
  // A crime extract's records are already counted by ward in its own tables (and layers).
  if (findRecordHeader(grid)) return null;
  const read = readPointTable(grid, places, extent);
  if (read.points.length === 0 && read.system !== "place") return null;
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
  return {
    id: `${grid.name}|points`,
    title: grid.name,
    sheet: grid.name,
    period: null,
    source: "points",
    counts,
    noData: [],
    points: read.points.map((p) => ({
      longitude: p.longitude,
      latitude: p.latitude,
      weight: p.weight,
      label: p.reference,
    })),
    outside,
    emerging: null,
  };
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
  // Population per ward: the run's own (--population), else a Population sheet's table.
  const populationGrid = bySheetName(grids, /^population\b/i);
  const special = new Set([placesGrid, sitesGrid, candidatesGrid, populationGrid].filter(Boolean));
  const populationTable = options.population ?? (populationGrid ? readPopulationTable(populationGrid) : null);
  const population = populationTable ? wardPopulations(populationTable, boundaries, matcher, findings) : null;
  const context = { boundaries, centroids, population, sites, candidates, classes: options.classes ?? 5 };

  const inputs: LayerInput[] = [];
  for (const result of tables) {
    if (result.table.kind === "categories" || result.table.sheet === populationGrid?.name) continue;
    const input = wardTableLayer(result, matcher, boundaries, findings, options.periodCounts ?? []);
    if (input) inputs.push(input);
  }
  const locator = new WardLocator(boundaries);
  const extent = boundariesExtent(boundaries);
  for (const grid of grids) {
    const input = special.has(grid) ? null : pointsLayer(grid, places, locator, extent, findings);
    if (input) inputs.push(input);
  }
  return {
    layers: inputs.map((input) => makeLayer(input, context)),
    sites,
    candidates,
    populationSheet: populationTable?.source ?? null,
    attributions: options.attributions ?? [],
    findings,
  };
}
