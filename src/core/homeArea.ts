import { type SheetGrid, cellText } from "../model";
import type { TableResult } from "./compute/computeTable";
import { formatCount, formatPercent, formatSignedCount } from "./format/formatNumbers";
import type { Headline } from "./headlines/writeHeadlines";
import { stripFootnotes } from "./tables/footnotes";

/** The partnership's own area, and how the run came to know it. */
export interface HomeAreaChoice {
  readonly name: string;
  readonly source: "option" | "settings" | "inferred";
}

/** Where the home area stands in one table of areas (the seed's "highest in the whole of Kent"). */
export interface HomeAreaStanding {
  readonly label: string;
  readonly code: string | null;
  readonly value: number;
  /** Among the areas (aggregates left out) by the newest period, 1 the highest, of `of`. */
  readonly rank: number;
  readonly of: number;
  readonly pctChange: number | null;
  readonly change: number | null;
  /** The table's total row, or the parent area's row (England and Wales for a force). */
  readonly aggregateLabel: string | null;
  readonly aggregatePctChange: number | null;
  readonly sentence: string;
}

const MAX_TITLE = 120;

const key = (text: string): string => stripFootnotes(text).text.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, " ").trim();

/** `Home area | Maidstone` on a Settings sheet, or null. */
export function settingsHomeArea(grids: readonly SheetGrid[]): string | null {
  const settings = grids.find((g) => /^settings$/i.test(g.name.trim()));
  for (const row of settings?.values ?? []) {
    if (/^home\s*area$/i.test(cellText(row[0] ?? null)) && cellText(row[1] ?? null)) return cellText(row[1] ?? null);
  }
  return null;
}

const AREA_HEADER = /\b(districts?|wards?|areas?|boroughs?|forces?|csps?|partnerships?|authority|authorities|regions?|count(y|ies)|councils?)\b/i;

/** True for a table whose rows are areas: coded, or under an area header ("District", "Area Name"). */
const ofAreas = (result: TableResult): boolean => AREA_HEADER.test(result.table.labelHeader) || result.table.rows.some((r) => r.code !== undefined);

/**
 * The home area when nobody named it: the one area of the workbook's tables of areas whose
 * name appears in the tables' titles ("Safer Maidstone …"), or null when none or several do.
 */
export function inferHomeArea(results: readonly TableResult[]): string | null {
  // The analyst's own titles: not the tables an extract's records make, nor notes written as a
  // title line ("ILLUSTRATIVE DATA … High Street highest, Park Wood second …").
  const titles = results
    .filter((r) => !r.table.range.endsWith("(records)") && (r.table.title ?? "").length <= MAX_TITLE)
    .map((r) => ` ${key(r.table.title ?? "")} `)
    .join(" | ");
  const candidates = new Set<string>();
  for (const result of results) {
    if (result.table.kind !== "periods" || result.table.rows.filter((r) => !r.aggregate).length < 3 || !ofAreas(result)) continue;
    for (const row of result.table.rows) {
      const name = key(row.label);
      if (!row.aggregate && name.length >= 3 && titles.includes(` ${name} `)) candidates.add(row.label);
    }
  }
  return candidates.size === 1 ? [...candidates][0] : null;
}

const ordinal = (n: number): string => {
  const tens = n % 100;
  return tens >= 11 && tens <= 13 ? `${n}th` : `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
};

/**
 * What the table counts, and of what kind of area, from its title as written: "Alcohol related
 * hospital admissions, Kent districts" counts alcohol related hospital admissions of Kent
 * districts; ONS's "Table P7: Anti-social behaviour incidents, by police force area, …" counts
 * anti-social behaviour incidents of police force areas. `measure` is the part a split table's
 * title ends with ("Rate per 1,000 population"), else the column's unit.
 */
function titleParts(result: TableResult): { subject: string; areas: string; measure: string | null } {
  const { table } = result;
  const title = stripFootnotes(table.title ?? "").text.replace(/^table\s+\w+\s*:\s*/i, "");
  const segments = title.split(/\s+[–-]\s+/);
  const [whole, ...rest] = segments[0].split(/,\s+/);
  // "Mid-year population estimates for police force areas": what, and of which areas.
  const forAreas = /^(.+?)\s+for\s+(.+?)s?$/i.exec(whole);
  const first = forAreas && AREA_HEADER.test(forAreas[2]) ? forAreas[1] : whole;
  const by = rest.map((p) => /^by\s+(.+?)s?$/i.exec(p)?.[1]).find(Boolean) ?? (forAreas && AREA_HEADER.test(forAreas[2]) ? forAreas[2] : undefined);
  const header = stripFootnotes(table.labelHeader).text.toLowerCase().replace(/\s*(name|code)s?$/, "");
  const areas = by ? `${by}s` : (rest.find((p) => AREA_HEADER.test(p)) ?? (header && header !== "area" ? `${header.replace(/y$/, "ie")}s` : "areas"));
  const last = table.columns[table.columns.length - 1];
  const measure = segments.length > 2 ? segments[segments.length - 1] : (last?.unit ?? null);
  return { subject: first ? first.charAt(0).toLowerCase() + first.slice(1) : "", areas, measure };
}

/**
 * Where the home area stands in a table of areas compared over periods, worded as the seed
 * words it: "Maidstone had the highest number of alcohol related hospital admissions of the 12
 * Kent districts (165), up 18.7% (+26), against 14.4% for All Kent." Null when the table is not
 * a comparison or has no row for the area.
 */
export function homeAreaStanding(result: TableResult, area: string): HomeAreaStanding | null {
  const { table } = result;
  if (table.kind === "categories" || table.columns.length < 2) return null;
  const wanted = key(area);
  const index = table.rows.findIndex((r) => !r.aggregate && (key(r.label) === wanted || r.code?.toLowerCase() === wanted));
  if (index < 0) return null;
  const row = result.rows[index];
  const last = table.columns.length - 1;
  const value = row.values[last];
  if (value === null || row.rank === null) return null;
  const of = result.rows.filter((r) => !r.aggregate && r.values[last] !== null).length;
  // The parent: England and Wales for a force in ONS tables, else the table's first total row.
  const aggregates = result.rows.map((r, i) => ({ r, code: table.rows[i].code })).filter(({ r }) => r.aggregate && r.pctChange !== null);
  const parent = aggregates.find(({ code }) => code?.startsWith("K04")) ?? aggregates[0] ?? null;
  const { subject, areas, measure } = titleParts(result);
  const counts = !table.columns[last].nonCount;
  const position = row.rank === 1 ? "highest" : row.rank === of ? "lowest" : `${ordinal(row.rank)} highest`;
  // A count: "the highest number of alcohol related hospital admissions"; a rate or share:
  // "the 35th highest rate per 1,000 population for anti-social behaviour incidents".
  const what = counts ? (subject ? `number of ${subject}` : "number") : `${(measure ?? "figure").toLowerCase()}${subject ? ` for ${subject}` : ""}`;
  let sentence = `${row.label} had the ${position} ${what} of the ${of} ${areas} (${formatCount(value)})`;
  if (row.pctChange !== null && row.change !== null) {
    sentence += `, ${row.change >= 0 ? "up" : "down"} ${formatPercent(Math.abs(row.pctChange))} (${formatSignedCount(row.change)})`;
    if (parent) sentence += `, against ${formatPercent(parent.r.pctChange as number)} for ${parent.r.label}`;
  }
  return {
    label: row.label,
    code: table.rows[index].code ?? null,
    value,
    rank: row.rank,
    of,
    pctChange: row.pctChange,
    change: row.change,
    aggregateLabel: parent?.r.label ?? null,
    aggregatePctChange: parent?.r.pctChange ?? null,
    sentence: `${sentence}.`,
  };
}

/** The one headline that stands for a table of areas, in place of a sentence per area. */
export function homeAreaHeadline(result: TableResult, standing: HomeAreaStanding): Headline {
  return { sheet: result.table.sheet, table: result.table.title, label: standing.label, text: standing.sentence, pValue: null, significant: null };
}
