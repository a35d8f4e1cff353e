import type { Assessment } from "./computeAssessment";
import type { RowResult, TableResult } from "./compute/tableResult";
import type { Headline } from "./headlines/writeHeadlines";
import { monthIndex } from "./parse/parsePeriod";
import { ofAreas } from "./homeArea";
import { scoredThemeOf } from "./morile/themeVocabulary";

/** A headline scored for how much it matters: what the report and the summary lead with. */
export interface KeyFinding {
  readonly text: string;
  readonly sheet: string;
  readonly table: string | null;
  readonly label: string;
  readonly pValue: number | null;
  readonly significant: boolean | null;
  /** The MoRiLE theme this row is the evidence for, when the workbook scores themes. */
  readonly theme: string | null;
  readonly score: number;
  /** True for a month's row of a month-by-month table: listed after every annual finding. */
  readonly monthly: boolean;
  /** True for a pattern within the year (a named date that stands out), not a change between years. */
  readonly pattern?: boolean;
}

/** How many key findings lead the summary, the pane and the report. */
export const KEY_CHANGES = 10;

/**
 * The score of one finding, as docs/KEY_FINDINGS.md sets it out: significance (an exact
 * Poisson test on counts), size (relative and absolute change), the home area's own sentence,
 * the MoRiLE theme it is evidence for (higher for a higher-ranked theme) and a table's total row.
 *
 * @example
 * findingScore({ pValue: 0.005, significant: true, pctChange: 0.239, change: 76, homeArea: false, themeRank: null, themes: 0, aggregate: false }) //= 5.74
 * findingScore({ pValue: 0.77, significant: false, pctChange: -0.033, change: -7, homeArea: false, themeRank: 1, themes: 10, aggregate: false }) //= 2.49
 */
export function findingScore(f: {
  readonly pValue: number | null;
  readonly significant: boolean | null;
  readonly pctChange: number | null;
  readonly change: number | null;
  readonly homeArea: boolean;
  readonly themeRank: number | null;
  readonly themes: number;
  readonly aggregate: boolean;
}): number {
  let score = 0;
  if (f.significant) score += 3;
  if (f.pValue !== null && f.pValue > 0) score += Math.min(2, -Math.log10(f.pValue) / 2);
  if (f.pctChange !== null) score += Math.min(2, Math.abs(f.pctChange) * 4);
  if (f.change !== null) score += Math.min(1, Math.log10(1 + Math.abs(f.change)) / 3);
  if (f.homeArea) score += 2;
  if (f.themeRank !== null && f.themes > 0) score += (2 * (f.themes - f.themeRank + 1)) / f.themes;
  if (f.aggregate) score += 0.5;
  return Math.round(score * 100) / 100;
}

const key = (sheet: string, table: string | null, label: string): string =>
  `${sheet}\u0000${table ?? ""}\u0000${label}`;

/** Row labels of the partnership's all-crime figure, typed or computed. */
const ALL_CRIME =
  /^(all (recorded |police recorded |notifiable )?crimes?|total (police )?recorded crimes?|total crimes?|all offences|total (notifiable )?offences)\b/i;

/**
 * True for a label that names all crime ("All crime", "Total recorded crime"): the one row of a
 * table of crime types that is their whole, not a type.
 *
 * @example
 * isAllCrimeLabel("Total recorded crime") //= true
 * isAllCrimeLabel("Criminal damage and arson") //= false
 */
export const isAllCrimeLabel = (label: string): boolean => ALL_CRIME.test(label.trim());

/** A typed total of a table of crime types ("Total" under "Crime type") is all crime too. */
const GENERIC_TOTAL = /^(total|totals|grand total|all)$/i;

/** True for the row of all crime: named so, or the total of a table whose rows are crimes. */
function isAllCrime(result: TableResult, row: RowResult): boolean {
  if (isAllCrimeLabel(row.label)) return true;
  const words = `${result.table.title ?? ""} ${result.table.labelHeader}`;
  return row.aggregate && GENERIC_TOTAL.test(row.label.trim()) && /crime|offen[cs]e/i.test(words);
}

/**
 * Where a finding stands in the order (docs/KEY_FINDINGS.md): the partnership's all-crime
 * change, its all-crime standing among its peers, its changes beyond chance, its other findings,
 * then what is about others (comparison wards, other areas) or repeats a year in months.
 */
const enum Tier {
  AllCrime,
  Standing,
  BeyondChance,
  Own,
  Others,
}

interface Placed {
  readonly finding: KeyFinding;
  readonly order: number;
  readonly tier: Tier;
  /** The finding's theme rank, or Infinity for none: within a tier, a higher-ranked theme's evidence first. */
  readonly themeRank: number;
  /** How far beyond chance (−log10 p), for ordering changes beyond chance. */
  readonly effect: number;
  /** The two counts compared and the words they belong to, for finding one change said twice. */
  readonly fact: { readonly values: string; readonly words: string } | null;
}

/**
 * Every headline of an assessment put in the order an analyst leads with (docs/KEY_FINDINGS.md):
 * the partnership's all-crime change first, whatever its significance; its all-crime standing
 * among its peers; its changes beyond chance, by their MoRiLE theme's rank and then by how far
 * beyond chance; its other findings by score; then comparison wards, other areas and month rows
 * of a year already given. A change said twice (the same sentence, or a row that repeats its
 * parent with the same counts) is listed once.
 *
 * @example
 * keyFindings(computeAssessment({ sheets: [{ name: "Crime", top: 0, left: 0, values: [["Crime type", "2018/19", "2019/20"], ["Drug offences", 318, 394], ["Robbery", 60, 75], ["Total", 378, 469]] }] })).length //= 3
 */
export function keyFindings(assessment: Assessment): readonly KeyFinding[] {
  // The Summary sheet, the JSON, the report and the pane all ask for them: worked out once.
  let found = computed.get(assessment);
  if (!found) computed.set(assessment, (found = rankedFindings(assessment)));
  return found;
}

const computed = new WeakMap<Assessment, readonly KeyFinding[]>();

/** A headline's row, looked up in its table's rows by label, each table's labels indexed only when asked. */
function rowFinder(
  tables: readonly TableResult[],
): (h: Headline) => { result: TableResult; row: RowResult } | undefined {
  // A key string for every row of a large workbook cost a tenth of a second: tables are indexed on demand.
  const tablesByName = new Map<string, TableResult[]>();
  for (const result of tables) {
    const k = key(result.table.sheet, result.table.title, "");
    const list = tablesByName.get(k);
    if (list) list.push(result);
    else tablesByName.set(k, [result]);
  }
  const labels = new Map<TableResult, Map<string, RowResult>>();
  return (h) => {
    for (const result of tablesByName.get(key(h.sheet, h.table, "")) ?? []) {
      let byLabel = labels.get(result);
      if (!byLabel) {
        byLabel = new Map();
        for (const row of result.rows) if (!byLabel.has(row.label)) byLabel.set(row.label, row);
        labels.set(result, byLabel);
      }
      const row = byLabel.get(h.label);
      if (row) return { result, row };
    }
    return undefined;
  };
}

/** True for a table about other places than the partnership: other areas (not its wards), or an evaluation's. */
const aboutOthers = (result: TableResult): boolean =>
  result.table.evaluation === true ||
  result.table.place?.comparison === true ||
  (ofAreas(result) && !/\bwards?\b/i.test(result.table.labelHeader));

const normal = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

function rankedFindings(assessment: Assessment): KeyFinding[] {
  const rowOf = rowFinder(assessment.tables);
  const themes = assessment.morile?.themes ?? [];
  const linked = new Map<string, { theme: string; rank: number }>();
  const rankOf = new Map(themes.map((t) => [t.theme, t.rank]));
  for (const t of themes) {
    if (t.evidence)
      linked.set(key(t.evidence.sheet, t.evidence.table, t.evidence.label), { theme: t.theme, rank: t.rank });
  }
  // The row a theme names as its evidence, else the theme the row's words are evidence for.
  const themeOf = (h: Headline): { theme: string; rank: number } | null => {
    const named = linked.get(key(h.sheet, h.table, h.label));
    if (named || themes.length === 0) return named ?? null;
    const theme = scoredThemeOf([h.label, h.table, h.text], [...rankOf.keys()]);
    return theme ? { theme, rank: rankOf.get(theme) as number } : null;
  };
  const home = assessment.homeArea?.name ?? null;
  const placed = assessment.headlines.map((h: Headline, order): Placed => {
    const found = rowOf(h);
    const theme = themeOf(h);
    const monthly = found?.result.table.kind === "months" && !found.row.aggregate && monthIndex(h.label) !== null;
    const finding: KeyFinding = {
      text: h.text,
      sheet: h.sheet,
      table: h.table,
      label: h.label,
      pValue: h.pValue,
      significant: h.significant,
      theme: theme?.theme ?? null,
      score: findingScore({
        pValue: h.pValue,
        significant: h.significant,
        pctChange: found?.row.pctChange ?? null,
        change: found?.row.change ?? null,
        homeArea: h.homeArea === true,
        themeRank: theme?.rank ?? null,
        themes: themes.length,
        aggregate: found?.row.aggregate ?? false,
      }),
      monthly,
      ...(h.pattern ? { pattern: true } : {}),
    };
    // The home area's standing is the partnership's own sentence, though its table is of others' rows.
    const others = monthly || (found !== undefined && !h.homeArea && aboutOthers(found.result));
    const allCrime = found !== undefined && !others && !found.result.table.place && isAllCrime(found.result, found.row);
    const tier = allCrime
      ? Tier.AllCrime
      : h.homeArea && found && /crime|offen[cs]e/i.test(`${found.result.table.title ?? ""} ${h.text}`)
        ? Tier.Standing
        : others
          ? Tier.Others
          : h.significant && !h.pattern
            ? Tier.BeyondChance
            : Tier.Own;
    const values = found ? found.row.values.slice(-2).join("|") : "";
    return {
      finding,
      order,
      tier,
      themeRank: theme?.rank ?? Infinity,
      effect: h.pValue === null ? 0 : -Math.log10(Math.max(h.pValue, 1e-300)),
      fact: found
        ? {
            values,
            words: normal(
              `${found.row.label} ${found.result.table.title ?? ""} ${found.result.table.place?.name ?? ""}`,
            ),
          }
        : null,
    };
  });
  const lead = allCrimeLead(placed, home);
  const ordered = placed.map((p) => ({ ...p, tier: tierOf(p, lead) }));
  ordered.sort((a, b) => a.tier - b.tier || withinTier(a, b));
  return withoutRepeats(ordered).map((p) => p.finding);
}

/** The partnership's one all-crime change: its own table's (named for the home area, else typed in the workbook) first. */
function allCrimeLead(placed: readonly Placed[], home: string | null): Placed | null {
  const candidates = placed.filter((p) => p.tier === Tier.AllCrime);
  const named = (p: Placed): boolean =>
    home !== null && normal(p.finding.table ?? p.finding.sheet).includes(normal(home));
  const typed = (p: Placed): boolean =>
    !/\(records\)$/.test(p.finding.sheet) && p.finding.table !== `${p.finding.sheet}: crime by group`;
  return candidates.find(named) ?? candidates.find(typed) ?? candidates[0] ?? null;
}

/** The lead keeps its tier; another all-crime row (another table's copy) ranks as any change would. */
function tierOf(p: Placed, lead: Placed | null): Tier {
  if (p.tier !== Tier.AllCrime || p === lead) return p.tier;
  return p.finding.significant ? Tier.BeyondChance : Tier.Own;
}

function withinTier(a: Placed, b: Placed): number {
  if (a.tier === Tier.BeyondChance && b.tier === Tier.BeyondChance)
    return a.themeRank - b.themeRank || b.effect - a.effect || a.order - b.order;
  // Comparison wards and other areas: beyond chance first, then by score, as their own changes are.
  return (
    Number(!a.finding.significant) - Number(!b.finding.significant) ||
    b.finding.score - a.finding.score ||
    a.order - b.order
  );
}

/**
 * The findings without a change said twice: the same sentence (one table copied into another
 * sheet), or the same two counts in the same sheet where one's label names the other's subject
 * (a force's subtype that equals its type; a ward's row in an evaluation's two tables).
 */
function withoutRepeats(placed: readonly Placed[]): Placed[] {
  const texts = new Set<string>();
  const facts = new Map<string, { readonly words: string; readonly label: string }[]>();
  const out: Placed[] = [];
  for (const p of placed) {
    let repeat = texts.has(p.finding.text);
    texts.add(p.finding.text);
    // A repeat is remembered too: its sheet's other copies of the change are repeats of it.
    if (p.fact?.values.includes("|")) {
      const k = `${p.finding.sheet}\u0000${p.fact.values}`;
      const label = normal(p.finding.label);
      const seen = facts.get(k) ?? [];
      const words = p.fact.words;
      repeat ||= seen.some((s) => words.includes(s.label) || s.words.includes(label));
      seen.push({ words, label });
      facts.set(k, seen);
    }
    if (!repeat) out.push(p);
  }
  return out;
}
