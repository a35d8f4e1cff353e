import type { SheetGrid, WorkbookGrids } from "../model";
import type { Assessment } from "./assessment";
import { addExtract } from "./extractAssessment";
import { runToEnd } from "./steps";
import {
  type HomeAreaChoice,
  homeAreaHeadline,
  homeAreaStanding,
  inferHomeArea,
  settingsHomeArea,
  settingsValue,
} from "./homeArea";
import { auditedTable } from "./audit/auditTable";
import { computeTable } from "./compute/computeTable";
import type { TableResult } from "./compute/tableResult";
import { type Finding, sortFindings } from "./findings";
import { type Headline, writeHeadlines } from "./headlines/writeHeadlines";
import { isMorileInput, morileAssessment } from "./morile/morileAssessment";
import { discoverTables } from "./tables/discoverTables";
import { withComputedTotal } from "./tables/computedTotal";
import { findMonthColumns } from "./tables/monthColumns";
import { monthColumnTables } from "./tables/monthColumnTables";
import { type AssessmentOptions, DEFAULT_OPTIONS } from "./options";
import { runUnusualMonths, unusualMonthHeadline } from "./unusualMonthSeries";
import {
  type IncidentAnalysis,
  type RecordLocator,
  analyseRecordSheet,
  findRecordHeader,
  readCrimeGroups,
} from "./incidents";
import { districtPopulations } from "./population/wardPopulation";

export type { Assessment } from "./assessment";

/** What the GIS module lends the core for one run: placing records in wards, and their neighbours. */
export interface WardHelpers {
  /** Places records with coordinates in wards (the GIS module's, when the run has boundaries). */
  readonly recordLocator?: RecordLocator | null;
  /** Names of the wards bordering a ward (from the boundaries), for intervention comparison wards. */
  readonly wardNeighbours?: (ward: string) => string[];
}

// Settings sheets the analyst may keep beside record-level sheets; they hold no tables.
const CRIME_GROUPS_SHEET = /^crime groups?$/i;
const INTERVENTIONS_SHEET = /^interventions?$/i;

/** Reports progress while computing: `sheet` of `sheets`. */
export type ProgressListener = (step: {
  readonly stage: "computing";
  readonly sheet: number;
  readonly sheets: number;
  readonly name: string;
}) => void;

/**
 * Finds every table in the workbook, computes it, audits what the analyst typed and words
 * the headlines. Our own result sheets from an earlier run are skipped. Pure: the same
 * workbook always gives the same assessment.
 *
 * @example
 * computeAssessment({ sheets: [{ name: "Crime", top: 0, left: 0, values: [["Crime type", "2018/19", "2019/20"], ["Drug offences", 318, 394], ["Robbery", 60, 75], ["Total", 378, 469]] }] }).headlines.length //= 3
 */
export function computeAssessment(
  workbook: WorkbookGrids,
  onProgress?: ProgressListener,
  options: AssessmentOptions & WardHelpers = DEFAULT_OPTIONS,
): Assessment {
  return runToEnd(assessmentSteps(workbook, onProgress, options));
}

/**
 * `computeAssessment` a sheet at a time: it yields before each sheet, so a caller on the page's
 * one thread can give the page a turn between sheets, and returns the assessment.
 */
export function* assessmentSteps(
  workbook: WorkbookGrids,
  onProgress?: ProgressListener,
  options: AssessmentOptions & WardHelpers = DEFAULT_OPTIONS,
): Generator<void, Assessment, void> {
  const tables: TableResult[] = [];
  const headlines: Headline[] = [];
  const findings: Finding[] = [];
  const sheets = workbook.sheets.filter((s) => !s.isResultSheet);
  const morileSheets = sheets.filter(isMorileInput);
  const groupsSheet = sheets.find((s) => CRIME_GROUPS_SHEET.test(s.name));
  const interventionsSheet = sheets.find((s) => INTERVENTIONS_SHEET.test(s.name));
  const incidents: IncidentAnalysis[] = [];
  // Where each table's headlines stand (by its place in `tables`), so a table of areas can be worded as one.
  const spans = new Map<number, [number, number]>();
  /** A computed table audited, its findings kept and its headlines worded. */
  const addComputed = (computed: TableResult): void => {
    const result = auditedTable(computed);
    findings.push(...result.findings);
    spans.set(tables.length, [headlines.length, headlines.length + pushAll(headlines, writeHeadlines(result))]);
    tables.push(result);
  };
  // A sheet of many areas' rows keeps the partnership's own: named for the run, or on a Settings sheet.
  const named = namedHomeArea(options.homeArea, sheets);
  const ownArea = named?.name ?? null;
  for (const [index, grid] of sheets.entries()) {
    yield;
    onProgress?.({ stage: "computing", sheet: index + 1, sheets: sheets.length, name: grid.name });
    if (morileSheets.includes(grid) || grid === groupsSheet || grid === interventionsSheet) continue;
    const layout = findMonthColumns(grid);
    if (layout) {
      const read = monthColumnTables(grid, layout, { homeArea: ownArea, end: options.windowEnd });
      findings.push(...read.findings);
      for (const table of read.tables) addComputed(computeTable(table));
      continue;
    }
    const recordHeader = findRecordHeader(grid);
    if (recordHeader) {
      const analysis = analyseRecordSheet(grid, recordHeader, {
        window: options.window,
        end: options.windowEnd,
        mapping: groupsSheet ? readCrimeGroups(groupsSheet) : undefined,
        locator: options.recordLocator,
        interventionsSheet,
        neighbours: options.wardNeighbours,
        // Rows pasted from a force-wide download picture the force's districts as incidents does.
        districts: { homeArea: ownArea, populations: districtPopulations(options.population) },
      });
      addExtract(analysis, { incidents, findings, headlines, tables });
      continue;
    }
    for (const table of discoverTables(grid)) addComputed(computeTable(withComputedTotal(table) ?? table));
  }
  const homeArea = named ?? inferredHomeArea(tables);
  const placed = withHomeArea(headlines, spans, tables, homeArea);
  const morile = morileAssessment(morileSheets, placed.tables, options.morilePreset);
  if (morile) findings.push(...morile.findings);
  const unusual = runUnusualMonths(placed.tables, incidents);
  return {
    sheetsRead: sheets.length,
    tables: placed.tables,
    headlines: [...placed.headlines, ...unusual.map(unusualMonthHeadline)],
    findings: sortFindings(findings),
    morile,
    incidents,
    homeArea,
    partnership: settingsValue(sheets, /^partnership(\s*name)?$/i),
    unusualMonths: unusual,
  };
}

function pushAll<T>(list: T[], items: readonly T[]): number {
  for (const item of items) list.push(item);
  return items.length;
}

/** The home area named for the run (settled and trimmed with the options), else on a Settings sheet: read once. */
function namedHomeArea(option: string | null, sheets: readonly SheetGrid[]): HomeAreaChoice | null {
  if (option) return { name: option, source: "option" };
  const set = settingsHomeArea(sheets);
  return set ? { name: set, source: "settings" } : null;
}

/** Else the home area inferred from the tables' titles, once they are read. */
function inferredHomeArea(tables: readonly TableResult[]): HomeAreaChoice | null {
  const inferred = inferHomeArea(tables);
  return inferred ? { name: inferred, source: "inferred" } : null;
}

/**
 * Each table of areas that includes the home area, as a new result with the home area's
 * standing; and the headlines with each such table worded as one sentence about it (its rank,
 * change and the total's change), in place of a sentence per area. Every area's comparison
 * stays in the tables.
 */
function withHomeArea(
  headlines: readonly Headline[],
  spans: ReadonlyMap<number, [number, number]>,
  tables: readonly TableResult[],
  home: HomeAreaChoice | null,
): { tables: readonly TableResult[]; headlines: Headline[] } {
  if (!home) return { tables, headlines: [...headlines] };
  const replaced = new Map<number, { end: number; headline: Headline }>();
  const placed = tables.map((result, index) => {
    const standing = homeAreaStanding(result, home.name);
    if (!standing) return result;
    const span = spans.get(index);
    if (span) replaced.set(span[0], { end: span[1], headline: homeAreaHeadline(result, standing) });
    return { ...result, homeArea: standing };
  });
  const out: Headline[] = [];
  for (let i = 0; i < headlines.length;) {
    const swap = replaced.get(i);
    if (swap) {
      out.push(swap.headline);
      i = Math.max(swap.end, i + 1);
    } else out.push(headlines[i++]);
  }
  // A table with no headlines of its own (one period only) gets none.
  return { tables: placed, headlines: out };
}
