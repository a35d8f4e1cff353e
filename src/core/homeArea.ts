import { type SheetGrid, cellText } from "../model";
import type { HomeAreaStanding, TableResult } from "./compute/tableResult";
import { isCountUnit } from "./tables/headerRows";
import { formatCount, formatPercent, formatSignedCount } from "./format/formatNumbers";
import type { Headline } from "./headlines/writeHeadlines";
import { stripFootnotes } from "./tables/footnotes";
import { areaKey, nearestAreas } from "./areaName";
import { rankInterval } from "./stats/rankInterval";
import { rankIntervalSentence, rankWords } from "./format/rankWords";

/** The partnership's own area, and how the run came to know it. */
export interface HomeAreaChoice {
  readonly name: string;
  readonly source: "option" | "settings" | "inferred";
}

const MAX_TITLE = 120;

const key = areaKey;

/**
 * `Home area | Maidstone` on a Settings sheet, or null.
 *
 * @example
 * settingsHomeArea([{ name: "Settings", top: 0, left: 0, values: [["Home area", "Maidstone"]] }]) //= "Maidstone"
 */
export function settingsHomeArea(grids: readonly SheetGrid[]): string | null {
  return settingsValue(grids, /^home\s*area$/i);
}

/**
 * The value beside a name on a Settings sheet (`Partnership | Safer Maidstone Partnership`), or null.
 *
 * @example
 * settingsValue([{ name: "Settings", top: 0, left: 0, values: [["Partnership", "Safer Ashvale"]] }], /^partnership$/i) //= "Safer Ashvale"
 */
export function settingsValue(grids: readonly SheetGrid[], name: RegExp): string | null {
  const settings = grids.find((g) => /^settings$/i.test(g.name.trim()));
  for (const row of settings?.values ?? []) {
    if (name.test(cellText(row[0] ?? null).trim()) && cellText(row[1] ?? null).trim())
      return cellText(row[1] ?? null).trim();
  }
  return null;
}

const COVERAGE = /^(english regions|england|wales|scotland|england and wales|united kingdom|uk|great britain)\b/i;
const AREA_HEADER =
  /\b(districts?|wards?|areas?|boroughs?|forces?|csps?|partnerships?|authority|authorities|regions?|count(y|ies)|councils?)\b/i;

/** True for a table whose rows are areas: coded, or under an area header ("District", "Area Name"). */
export const ofAreas = (result: TableResult): boolean =>
  AREA_HEADER.test(result.table.labelHeader) || result.table.rows.some((r) => r.code !== undefined);

/**
 * The home area when nobody named it: the one area of the workbook's tables of areas whose
 * name appears in the tables' titles ("Safer Maidstone …"), or null when none or several do.
 *
 * @example
 * inferHomeArea(computeAssessment({ sheets: [{ name: "D", top: 0, left: 0, values: [["Burglary in Maidstone and the Kent districts"], ["District", "2018/19", "2019/20"], ["Ashford", 100, 110], ["Maidstone", 150, 120], ["Swale", 90, 99], ["All Kent", 340, 329]] }] }).tables) //= "Maidstone"
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
    if (result.table.kind !== "periods" || result.table.rows.filter((r) => !r.aggregate).length < 3 || !ofAreas(result))
      continue;
    for (const row of result.table.rows) {
      const name = key(row.label);
      if (!row.aggregate && name.length >= 3 && titles.includes(` ${name} `)) candidates.add(row.label);
    }
  }
  return candidates.size === 1 ? [...candidates][0] : null;
}

/**
 * What the table counts, and of what kind of area, from its title as written: "Alcohol related
 * hospital admissions, Kent districts" counts alcohol related hospital admissions of Kent
 * districts; ONS's "Table P7: Anti-social behaviour incidents, by police force area, …" counts
 * anti-social behaviour incidents of police force areas. `measure` is the part a split table's
 * title ends with ("Rate per 1,000 population"), else the column's unit.
 */
function titleParts(result: TableResult): { subject: string; areas: string; measure: string | null } {
  const { table } = result;
  // An untitled table is named by its sheet ("Psychoactive admissions"), unless that is a default name.
  const named = table.title ?? (/^(sheet|tabelle|feuil|hoja)\s*\d*$/i.test(table.sheet.trim()) ? "" : table.sheet);
  const title = stripFootnotes(named).text.replace(/^table\s+\w+\s*:\s*/i, "");
  const segments = title.split(/\s+[–-]\s+/);
  // What a publication says of its coverage ("English regions and Wales") is not the kind of area.
  const [whole, ...rest] = segments[0].split(/,\s+/).filter((p, i) => i === 0 || !COVERAGE.test(p));
  // "Mid-year population estimates for police force areas": what, and of which areas.
  const forAreas = /^(.+?)\s+for\s+(.+?)s?$/i.exec(whole);
  // "Police recorded crime by offence group and police force area": what, and by which areas.
  const byAreas =
    /^(.+?)\s+by\s+(?:.+?\s+and\s+(?:by\s+)?)?((?:[\w-]+\s+){0,2}(?:areas?|districts?|wards?|boroughs?|forces?|partnerships?|authority|authorities|regions?))$/i.exec(
      whole,
    );
  const first = forAreas && AREA_HEADER.test(forAreas[2]) ? forAreas[1] : (byAreas?.[1] ?? whole);
  const by =
    rest.map((p) => /^(?:.*\band\s+)?by\s+(.+?)s?$/i.exec(p)?.[1]).find(Boolean) ??
    (forAreas && AREA_HEADER.test(forAreas[2]) ? forAreas[2] : byAreas?.[2].replace(/s$/, ""));
  const header = stripFootnotes(table.labelHeader)
    .text.toLowerCase()
    .replace(/\s*(name|code)s?$/, "");
  const areas = by
    ? `${by}s`
    : (rest.find((p) => AREA_HEADER.test(p)) ??
      (header && header !== "area" ? `${header.replace(/y$/, "ie")}s` : "areas"));
  const last = table.columns[table.columns.length - 1];
  const measure = segments.length > 2 ? segments[segments.length - 1] : (last?.unit ?? null);
  return { subject: first ? first.charAt(0).toLowerCase() + first.slice(1) : "", areas, measure };
}

/** How a column's figures read in a sentence: a count, a percentage, or a rate. */
type Reading = "count" | "percent" | "fraction" | "rate";

function readingOf(result: TableResult, column: number, measure: string | null): Reading {
  const { table } = result;
  const header = `${table.columns[column].header} ${table.columns[column].unit ?? ""} ${measure ?? ""}`;
  if (
    table.rows.some((r) => {
      const v = r.values[column];
      return v?.kind === "number" && v.isPercent;
    })
  )
    return "fraction";
  if (/%|percent|percentage|proportion/i.test(header)) return "percent";
  return table.columns[column].nonCount ? "rate" : "count";
}

function figure(value: number, reading: Reading, signed = false): string {
  const sign = signed && value > 0 ? "+" : "";
  if (reading === "fraction") return sign + formatPercent(value);
  if (reading === "percent") return `${sign}${formatCount(value, 1)}%`;
  return sign + formatCount(value, reading === "rate" ? 1 : 0);
}

/** The column a table of one period is ranked by: its first, unless that is a population. */
function rankedColumn(result: TableResult, row: number): number {
  const { table } = result;
  return table.columns.findIndex(
    (c, j) => !/population|household/i.test(c.header) && result.rows[row].values[j] !== null,
  );
}

/**
 * Where the home area stands in a table of areas, worded as the seed words it: "Maidstone had
 * the highest number of alcohol related hospital admissions of the 12 Kent districts (165), up
 * 18.7% (+26), against 14.4% for All Kent." Over periods it is ranked by the newest period and
 * its change is given; in a table of one period (ONS's offence columns for each force) it is
 * ranked by the table's first column. Null when the table has no row for the area.
 *
 * @example
 * homeAreaStanding(computeAssessment({ sheets: [{ name: "D", top: 0, left: 0, values: [["Burglary in Maidstone and the Kent districts"], ["District", "2018/19", "2019/20"], ["Ashford", 100, 110], ["Maidstone", 150, 120], ["Swale", 90, 99], ["All Kent", 340, 329]] }] }).tables[0], "Swale")?.rank //= 3
 */
export function homeAreaStanding(result: TableResult, area: string): HomeAreaStanding | null {
  const { table } = result;
  const wanted = key(area);
  const index = table.rows.findIndex(
    (r) => !r.aggregate && (key(r.label) === wanted || r.code?.toLowerCase() === wanted),
  );
  if (index < 0) return null;
  const periods = table.kind !== "categories" && table.columns.length >= 2;
  // A table of one period is about areas only when coded or headed so ("District").
  if (!periods && !ofAreas(result)) return null;
  const column = periods ? table.columns.length - 1 : rankedColumn(result, index);
  if (column < 0) return null;
  const row = result.rows[index];
  const value = row.values[column];
  if (value === null) return null;
  const peers = result.rows.filter((r) => !r.aggregate && r.values[column] !== null);
  const of = peers.length;
  if (of < 2) return null;
  const rank = 1 + peers.filter((r) => (r.values[column] as number) > value).length;
  const counts = peers.map((r) => r.values[column] as number);
  // The parent: England and Wales for a force in ONS tables, else the table's first total row.
  const aggregates = result.rows
    .map((r, i) => ({ r, code: table.rows[i].code }))
    .filter(({ r }) => r.aggregate && r.values[column] !== null);
  const parent = aggregates.find(({ code }) => code?.startsWith("K04")) ?? aggregates[0] ?? null;
  const { subject, areas, measure } = titleParts(result);
  const reading = readingOf(result, column, periods ? measure : null);
  const header = table.columns[column].header;
  const unit = table.columns[column].unit ?? null;
  const change = !periods && /change/i.test(`${header} ${unit ?? ""}`);
  const position = rankWords(rank, of).replace(/^the /, "");
  // A count: "the highest number of alcohol related hospital admissions"; a rate or share:
  // "the 35th highest rate per 1,000 population for anti-social behaviour incidents"; a column
  // of one period: "the 5th highest total recorded crime (excluding fraud)".
  const what = !periods
    ? unit && !isCountUnit(unit)
      ? `${unit.toLowerCase()} ${change ? "in" : "for"} ${lowerFirst(header)}`
      : lowerFirst(header)
    : reading === "count"
      ? subject
        ? `number of ${subject === "crime" ? "crimes" : subject}`
        : "number"
      : `${(measure ?? (reading === "rate" ? "rate" : header)).toLowerCase()}${subject ? ` for ${subject}` : ""}`;
  const interval =
    // Counts of events vary by chance; estimates of people or households are not such counts.
    reading === "count" &&
    !change &&
    !/population|household|estimate/i.test(`${header} ${table.title ?? ""}`) &&
    counts.every((c) => Number.isInteger(c) && c >= 0)
      ? rankInterval(counts, peers.indexOf(row))
      : null;
  let sentence = `${row.label} had the ${position} ${what} of the ${of} ${areas} (${figure(value, reading, change)})`;
  if (periods && row.change !== null) {
    const up = row.change >= 0 ? "up" : "down";
    if (reading === "percent" || reading === "fraction") {
      // A share changes by percentage points; a change of a percentage would mislead.
      const points = (v: number): string =>
        `${formatCount(Math.abs(reading === "fraction" ? v * 100 : v), 1)} percentage points`;
      sentence += `, ${up} ${points(row.change)}`;
      if (parent?.r.change != null)
        sentence += `, against ${parent.r.change >= 0 ? "up" : "down"} ${points(parent.r.change)} for ${parent.r.label}`;
    } else if (row.pctChange !== null) {
      sentence += `, ${up} ${formatPercent(Math.abs(row.pctChange))} (${reading === "count" ? formatSignedCount(row.change) : figure(row.change, reading, true)})`;
      if (parent?.r.pctChange != null)
        sentence += `, against ${formatPercent(parent.r.pctChange)} for ${parent.r.label}`;
    }
  } else if (!periods && parent) {
    sentence += `, against ${figure(parent.r.values[column] as number, reading, change)} for ${parent.r.label}`;
  }
  sentence += ".";
  // A rank counts for little when chance alone could move it: say how far when it could.
  sentence += rankIntervalSentence(interval, of);
  return {
    label: row.label,
    code: table.rows[index].code ?? null,
    column: header,
    value,
    rank,
    of,
    rankInterval: interval,
    pctChange: periods ? row.pctChange : null,
    change: periods ? row.change : null,
    aggregateLabel: parent?.r.label ?? null,
    aggregateValue: parent ? (parent.r.values[column] as number) : null,
    aggregatePctChange: periods ? (parent?.r.pctChange ?? null) : null,
    sentence,
  };
}

/** "Total of selected serious offences: Number of offences" as words in a sentence. */
const lowerFirst = (text: string): string =>
  text.replace(
    /(^|:\s+)(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b)([A-Z])(?=[a-z])/g,
    (_, before: string, letter: string) => before + letter.toLowerCase(),
  );

/** The one headline that stands for a table of areas, in place of a sentence per area. */
export function homeAreaHeadline(result: TableResult, standing: HomeAreaStanding): Headline {
  return {
    sheet: result.table.sheet,
    table: result.table.title,
    label: standing.label,
    text: standing.sentence,
    pValue: null,
    significant: null,
    homeArea: true,
  };
}

/** What the command line and the pane say of a home area that matched nothing. */
export function unmatchedHomeAreaWords(unmatched: NonNullable<ReturnType<typeof unmatchedHomeArea>>): string {
  return `"${unmatched.name}" is none of the ${unmatched.areas} areas the data name; the nearest: ${unmatched.nearest.join(", ")}`;
}

/**
 * The home area named for a run (`--area`, the pane's field) when it is none of the areas the
 * run found (the rows of its tables of areas, an extract's districts), with the nearest of them;
 * null when it matched, or when the run has no areas to match. A Settings sheet's or an
 * inferred home area is never refused.
 *
 * @example
 * unmatchedHomeArea(computeAssessment({ sheets: [{ name: "D", top: 0, left: 0, values: [["District", "2018/19", "2019/20"], ["Ashford", 100, 110], ["Tonbridge and Malling", 150, 120], ["Swale", 90, 99]] }] }, undefined, assessmentOptions({ homeArea: "Tunbridge" })))?.nearest[0] //= "Tonbridge and Malling"
 */
export function unmatchedHomeArea(assessment: {
  readonly tables: readonly TableResult[];
  readonly homeArea: HomeAreaChoice | null;
  readonly incidents: readonly {
    readonly districts: {
      readonly home: unknown;
      readonly districts: readonly { readonly name: string; readonly outside?: unknown }[];
    } | null;
  }[];
}): { readonly name: string; readonly areas: number; readonly nearest: readonly string[] } | null {
  const home = assessment.homeArea;
  if (!home || home.source !== "option") return null;
  if (assessment.tables.some((t) => t.homeArea) || assessment.incidents.some((a) => a.districts?.home)) return null;
  const names = [
    ...assessment.tables
      .filter((t) => ofAreas(t) && !/\bwards?\b/i.test(t.table.labelHeader))
      .flatMap((t) => t.table.rows.filter((r) => !r.aggregate).map((r) => r.label)),
    ...assessment.incidents.flatMap((a) => (a.districts?.districts ?? []).filter((d) => !d.outside).map((d) => d.name)),
  ];
  const areas = new Set(names).size;
  return areas > 0 ? { name: home.name, areas, nearest: nearestAreas(home.name, names) } : null;
}
