import type { Assessment } from "./computeAssessment";
import type { RowResult, TableResult } from "./compute/tableResult";
import type { Headline } from "./headlines/writeHeadlines";
import { monthIndex } from "./parse/parsePeriod";

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

/**
 * Every headline of an assessment scored and put in order of importance: annual findings before
 * month-by-month rows (which never crowd them out), significant before the rest, then by score;
 * ties keep the workbook's order.
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

function rankedFindings(assessment: Assessment): KeyFinding[] {
  // A headline's row, looked up in its table's rows by label, each table's labels indexed only
  // when a headline asks (a key string for every row of a large workbook cost a tenth of a second).
  const tablesByName = new Map<string, TableResult[]>();
  for (const result of assessment.tables) {
    const k = key(result.table.sheet, result.table.title, "");
    const list = tablesByName.get(k);
    if (list) list.push(result);
    else tablesByName.set(k, [result]);
  }
  const labels = new Map<TableResult, Map<string, RowResult>>();
  const rowOf = (h: Headline): { result: TableResult; row: RowResult } | undefined => {
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
  const themes = assessment.morile?.themes ?? [];
  const themeOf = new Map<string, { theme: string; rank: number }>();
  for (const t of themes) {
    if (t.evidence)
      themeOf.set(key(t.evidence.sheet, t.evidence.table, t.evidence.label), { theme: t.theme, rank: t.rank });
  }
  const homeSentences = new Set(assessment.tables.flatMap((t) => (t.homeArea ? [t.homeArea.sentence] : [])));
  const scored = assessment.headlines.map((h: Headline, order) => {
    const found = rowOf(h);
    const theme = themeOf.get(key(h.sheet, h.table, h.label)) ?? null;
    const monthly = found?.result.table.kind === "months" && !found.row.aggregate && monthIndex(h.label) !== null;
    const score = findingScore({
      pValue: h.pValue,
      significant: h.significant,
      pctChange: found?.row.pctChange ?? null,
      change: found?.row.change ?? null,
      homeArea: homeSentences.has(h.text),
      themeRank: theme?.rank ?? null,
      themes: themes.length,
      aggregate: found?.row.aggregate ?? false,
    });
    const finding: KeyFinding = {
      text: h.text,
      sheet: h.sheet,
      table: h.table,
      label: h.label,
      pValue: h.pValue,
      significant: h.significant,
      theme: theme?.theme ?? null,
      score,
      monthly,
    };
    // A whole the core computed (all crime, when only its parts were typed) leads: it is the
    // figure every assessment opens with. `withComputedTotal` puts it first in its table.
    const leads =
      found !== undefined && found.row === found.result.rows[0] && found.result.table.rows[0].computed === true;
    return { finding, order, leads };
  });
  scored.sort(
    (a, b) =>
      Number(b.leads) - Number(a.leads) ||
      Number(a.finding.monthly) - Number(b.finding.monthly) ||
      Number(!a.finding.significant) - Number(!b.finding.significant) ||
      b.finding.score - a.finding.score ||
      a.order - b.order,
  );
  return scored.map((s) => s.finding);
}
