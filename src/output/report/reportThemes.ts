// Which priority each table, row, key change and map is evidence for, by its words (the theme
// vocabulary beside the MoRiLE presets): so a priority's section holds its own evidence, a mixed
// indicators table is split by row, and what fits no theme is "Other evidence".
import type { WardLayer } from "../../../geo";
import {
  type Assessment,
  type KeyFinding,
  THEME_VOCABULARY,
  type TableResult,
  type ThemeWords,
  evidenceTheme,
  isAllCrimeLabel,
  tableSubjectLine,
} from "../../core";
import { isPopulationByAge, tableSignature } from "./reportTables";

/** Where evidence that fits no priority goes: police crime as a whole, the community's views, or the rest. */
export type Place = ThemeWords["key"] | "crime" | "community" | "other";

/** A table, or some of its rows, placed under one priority or chapter. */
export interface PlacedTable {
  readonly result: TableResult;
  /** The rows shown, when a mixed table is split by theme; all rows when absent. */
  readonly labels?: ReadonlySet<string>;
  /** The caption of a part of a split table. */
  readonly caption?: string;
}

const CRIME = /crime|offen[cs]e/i;
const COMMUNITY = /\b(safe|safety|survey|feel|feelings|perception|confidence|opinion|satisf)/i;

/** The vocabulary entry a scored MoRiLE theme is, by its name. */
export const entryOfTheme = (theme: string): ThemeWords | null =>
  THEME_VOCABULARY.find((t) => t.names.test(theme)) ?? null;

/** True for a table of crime types (rows are types of crime, with all crime typed or computed): charted whole. */
export function isCrimeTypes(result: TableResult): boolean {
  const { table } = result;
  return (
    table.kind === "periods" &&
    (table.place !== undefined ||
      table.evaluation === true ||
      table.rows.some((r) => isAllCrimeLabel(r.label)) ||
      /crime (type|group)|offence (type|group)/i.test(`${table.labelHeader} ${tableSubjectLine(table) ?? ""}`))
  );
}

/** Where evidence with no theme goes, by its words. */
function unthemed(words: string): Place {
  if (COMMUNITY.test(words)) return "community";
  return CRIME.test(words) ? "crime" : "other";
}

/**
 * Every table placed: a table of crime types whole under police crime (its themed rows are
 * said in their priorities' key changes); any other table whole under its theme when its rows
 * agree, else split by row; the same table printed twice (copied to another sheet) once.
 */
export function placeTables(assessment: Assessment): Map<Place, PlacedTable[]> {
  const placed = new Map<Place, PlacedTable[]>();
  const add = (place: Place, table: PlacedTable): void => {
    placed.set(place, [...(placed.get(place) ?? []), table]);
  };
  const seen = new Set<string>();
  for (const result of assessment.tables) {
    if (result.rows.length === 0 || isPopulationByAge(result)) continue;
    const signature = tableSignature(result);
    if (seen.has(signature)) continue;
    seen.add(signature);
    const words = `${tableSubjectLine(result.table) ?? ""} ${result.table.sheet}`;
    if (isCrimeTypes(result)) {
      add("crime", { result });
      continue;
    }
    const tableTheme = evidenceTheme([tableSubjectLine(result.table), result.table.sheet]);
    const rowPlaces = result.rows
      .filter((r) => !r.aggregate)
      .map((r) => ({ label: r.label, place: evidenceTheme([r.label])?.key ?? tableTheme?.key ?? unthemed(words) }));
    const places = [...new Set(rowPlaces.map((r) => r.place))];
    if (places.length <= 1) {
      add(places[0] ?? tableTheme?.key ?? unthemed(words), { result });
      continue;
    }
    for (const place of places) {
      const labels = new Set(rowPlaces.filter((r) => r.place === place).map((r) => r.label));
      add(place, { result, labels, caption: `${tableSubjectLine(result.table) ?? result.table.sheet}: ${place}` });
    }
  }
  return placed;
}

/** The key of a table's findings: its sheet and title. */
export const tableKey = (sheet: string, title: string | null): string => `${sheet}\u0000${title ?? ""}`;

/** The tables of an evaluation (an intervention's wards), by `tableKey`: their changes belong with police crime. */
export function evaluationTables(assessment: Assessment): Set<string> {
  return new Set(
    assessment.tables
      .filter((t) => t.table.place || t.table.evaluation)
      .map((t) => tableKey(t.table.sheet, t.table.title)),
  );
}

/**
 * The place of a key change: police crime for an evaluation's, else its MoRiLE theme's entry,
 * else the theme its words are evidence for.
 */
export function findingPlace(f: KeyFinding, evaluations: ReadonlySet<string>): Place {
  if (evaluations.has(tableKey(f.sheet, f.table))) return "crime";
  const entry = (f.theme ? entryOfTheme(f.theme) : null) ?? evidenceTheme([f.label, f.table, f.text]);
  return entry?.key ?? unthemed(`${f.table ?? ""} ${f.text}`);
}

/** The place of a ward layer's map: the theme its title is evidence for, else police crime or other. */
export function layerPlace(layer: WardLayer): Place {
  return evidenceTheme([layer.title])?.key ?? unthemed(layer.title);
}
