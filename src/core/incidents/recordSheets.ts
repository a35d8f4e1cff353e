import { type CellValue, type SheetGrid, cellText, sheetCellRef } from "../../model";
import { type Finding, finding } from "../findings";
import { IncidentAggregator } from "./incidentAggregator";
import type { RecordLocator } from "./incidentCounts";
import { type IncidentAnalysis, type IncidentOptions, analyseIncidents } from "./incidentAnalysis";
import { crimeGroupKey } from "./crimeGroups";
import { type Intervention, chooseComparisonWards } from "./interventionImpact";
import { type RecordColumns, findRecordColumns } from "./recordColumns";
import { parseRecordDate, parseRecordMonth, recordDay } from "./recordDate";

const HEADER_ROWS = 10;

/**
 * The header row of a record-level sheet (one row per crime or incident), or null: a row in
 * the first ten with a date column and a category column, followed by rows whose dates read.
 *
 * @example
 * findRecordHeader({ name: "Crime", top: 0, left: 0, values: [["Crime type", "2018/19", "2019/20"], ["Drug offences", 318, 394], ["Robbery", 60, 75], ["Total", 378, 469]] }) //= null
 */
export function findRecordHeader(grid: SheetGrid): { row: number; columns: RecordColumns } | null {
  for (let r = 0; r < Math.min(HEADER_ROWS, grid.values.length); r += 1) {
    const columns = findRecordColumns(grid.values[r]);
    if (!columns) continue;
    const sample = grid.values.slice(r + 1, r + 21);
    const read = columns.monthOnly ? parseRecordMonth : parseRecordDate;
    const dated = sample.filter((row) => read(row[columns.date] ?? null) !== null).length;
    if (dated >= Math.min(2, sample.length) && dated > 0) return { row: r, columns };
  }
  return null;
}

/** Reads a Crime groups sheet, or CSV (Category | Group), into the analyst's mapping. */
export function readCrimeGroups(grid: SheetGrid): Map<string, string> {
  const mapping = new Map<string, string>();
  for (const row of grid.values) {
    const category = cellText(row[0] ?? null);
    const group = cellText(row[1] ?? null);
    if (!category || !group || /^category$/i.test(category)) continue;
    mapping.set(crimeGroupKey(category), group);
  }
  return mapping;
}

/**
 * Reads an Interventions sheet: Intervention | Wards | Start | End | Comparison wards, one
 * intervention a row, wards separated by commas or semicolons. An empty End means up to the
 * latest record; empty comparison wards mean the wards bordering the intervention wards
 * (`neighbours`, from the boundaries when the run has them).
 */
export function readInterventions(
  grid: SheetGrid,
  lastDay: number | null,
  neighbours: (ward: string) => string[],
): { interventions: Intervention[]; findings: Finding[] } {
  const interventions: Intervention[] = [];
  const findings: Finding[] = [];
  const header = grid.values.findIndex((row) => row.some((v) => /^wards?$/i.test(cellText(v))));
  if (header < 0) {
    findings.push(
      finding(
        grid.name,
        "",
        "warning",
        "no-intervention-columns",
        "no Wards column: expected Intervention | Wards | Start | End | Comparison wards",
      ),
    );
    return { interventions, findings };
  }
  const names = grid.values[header].map((v) => cellText(v).toLowerCase());
  const col = (pattern: RegExp): number => names.findIndex((n) => pattern.test(n));
  const [nameCol, wardsCol, startCol, endCol, compareCol] = [
    col(/^(intervention|name|initiative)$/),
    col(/^wards?$/),
    col(/^(start|from|start date)$/),
    col(/^(end|to|end date)$/),
    col(/^(comparison|neighbouring|displacement) wards?$/),
  ];
  const list = (v: CellValue): string[] => wardList(cellText(v));
  grid.values.slice(header + 1).forEach((row, i) => {
    const r = grid.top + header + 1 + i;
    const wards = list(row[wardsCol] ?? null);
    if (wards.length === 0) return;
    const name = cellText(row[nameCol] ?? null) || wards.join(", ");
    const start = startCol < 0 ? null : parseRecordDate(row[startCol] ?? null);
    if (!start) {
      findings.push(
        finding(
          grid.name,
          sheetCellRef(grid.name, r, grid.left + Math.max(startCol, 0)),
          "error",
          "unreadable-date",
          `${name}: the start date "${cellText(row[startCol] ?? null)}" is not a date (write dd/mm/yyyy)`,
        ),
      );
      return;
    }
    const endText = endCol < 0 ? null : (row[endCol] ?? null);
    const end = endText === null || cellText(endText) === "" ? null : parseRecordDate(endText);
    if (endText !== null && cellText(endText) !== "" && !end) {
      findings.push(
        finding(
          grid.name,
          sheetCellRef(grid.name, r, grid.left + endCol),
          "error",
          "unreadable-date",
          `${name}: the end date "${cellText(endText)}" is not a date (write dd/mm/yyyy)`,
        ),
      );
      return;
    }
    const comparisonWards = chooseComparisonWards(
      wards,
      compareCol < 0 ? [] : list(row[compareCol] ?? null),
      neighbours,
    );
    const startDay = recordDay(start);
    const endDay = end ? recordDay(end) : (lastDay ?? startDay);
    interventions.push({ name, wards, comparisonWards, start: startDay, end: Math.max(startDay, endDay) });
  });
  return { interventions, findings };
}

/** Settings for the record sheets of a workbook. */
export interface RecordSheetOptions extends Omit<IncidentOptions, "interventions"> {
  readonly mapping?: ReadonlyMap<string, string>;
  readonly locator?: RecordLocator | null;
  readonly interventionsSheet?: SheetGrid;
  /** Names of the wards bordering a ward (from the boundaries); none without them. */
  readonly neighbours?: (ward: string) => string[];
}

/**
 * Ward names written as a list in one cell or option: "High Street; Park Wood" or "A, B".
 *
 * @example
 * wardList("High Street; Park Wood,") //= ["High Street", "Park Wood"]
 */
export function wardList(text: string): string[] {
  return text
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Counts a record sheet's rows and analyses them; every rejected row is named by its cell. */
export function analyseRecordSheet(
  grid: SheetGrid,
  header: { row: number; columns: RecordColumns },
  options: RecordSheetOptions,
): IncidentAnalysis {
  const aggregator = new IncidentAggregator(header.columns, options.mapping, options.locator ?? null);
  for (let r = header.row + 1; r < grid.values.length; r += 1) {
    aggregator.add(grid.values[r], sheetCellRef(grid.name, grid.top + r, grid.left + header.columns.date));
  }
  const counts = aggregator.counts();
  const read = options.interventionsSheet
    ? readInterventions(options.interventionsSheet, counts.lastDay, options.neighbours ?? (() => []))
    : { interventions: [], findings: [] };
  const analysis = analyseIncidents(counts, grid.name, { ...options, interventions: read.interventions });
  return { ...analysis, findings: [...read.findings, ...analysis.findings] };
}
