import { keyFindings } from "../core/keyFindings";
import type { Assessment } from "../core/computeAssessment";
import type { TableResult } from "../core/compute/tableResult";
import { findingJson } from "./findingJson";
import { incidentJson } from "./extractJson";

/**
 * The assessment as the documented JSON shape of `csp-assess compute --json`:
 * `{ tables: [{ sheet, range, title, kind, periods, rows: [{ label, values, change, pctChange,
 * aggregate, ... }], findings }], headlines, findings }`. For a category table (no periods)
 * `periods` is empty and `columns` names what `values` are aligned with.
 */
export function assessmentJson(
  assessment: Assessment,
  wardCode?: (name: string) => string | null,
  options: { readonly withoutTables?: boolean } = {},
): Record<string, unknown> {
  return {
    sheetsRead: assessment.sheetsRead,
    // A stand-in a streamed writer replaces table by table (`withoutTables`); else every table.
    tables: options.withoutTables ? [] : assessment.tables.map(tableJson),
    ...(assessment.homeArea ? { homeArea: assessment.homeArea } : {}),
    keyFindings: keyFindings(assessment).map(({ monthly: _monthly, pattern: _pattern, ...f }) => f),
    headlines: assessment.headlines,
    unusualMonths: assessment.unusualMonths,
    findings: assessment.findings.map(findingJson),
    ...(assessment.morile ? { morile: morileJson(assessment) } : {}),
    ...(assessment.incidents.length > 0
      ? { incidents: assessment.incidents.map((i) => incidentJson(i, wardCode)) }
      : {}),
  };
}

/**
 * One computed table as the JSON writes it.
 *
 * @example
 * tableJson(computeTable(discoverTables({ name: "Crime", top: 0, left: 0, values: [["Crime type", "2018/19", "2019/20"], ["Drug offences", 318, 394], ["Robbery", 60, 75], ["Total", 378, 469]] })[0])).periods //= ["2018/19", "2019/20"]
 */
export function tableJson(result: TableResult): Record<string, unknown> {
  const { table } = result;
  const periods = table.kind !== "categories" ? table.columns.map((c) => c.header) : [];
  return {
    sheet: table.sheet,
    range: table.range,
    title: table.title,
    kind: table.kind,
    transposed: table.transposed,
    periods,
    columns: table.columns.map((c) => c.header),
    // A published table's units and header groups, and its rows' GSS codes and footnotes.
    ...(table.unit !== undefined ? { unit: table.unit } : {}),
    ...(table.columns.some((c) => c.unit || c.group)
      ? {
          columnUnits: table.columns.map((c) => c.unit ?? null),
          columnGroups: table.columns.map((c) => c.group ?? null),
        }
      : {}),
    ...(table.notes ? { notes: table.notes } : {}),
    rows: result.rows.map((row, i) => ({
      label: row.label,
      ...(table.rows[i].code !== undefined ? { code: table.rows[i].code } : {}),
      ...(table.rows[i].notes ? { notes: table.rows[i].notes } : {}),
      values: row.values,
      change: row.change,
      pctChange: row.pctChange,
      status: row.status,
      steps: row.steps,
      aggregate: row.aggregate,
      share: row.share,
      rank: row.rank,
      cumulativeShare: row.cumulativeShare,
      significance: row.significance,
    })),
    ...(result.homeArea ? { homeArea: result.homeArea } : {}),
    columnTotals: result.columnTotals,
    months: result.months,
    findings: result.findings.map(findingJson),
  };
}

function morileJson(assessment: Assessment): Record<string, unknown> | null {
  const m = assessment.morile;
  if (!m) return null;
  return {
    preset: m.preset,
    sheets: m.sheets,
    previousSheets: m.previousSheets,
    themes: m.themes.map((t) => ({
      theme: t.theme,
      harm: t.harm,
      likelihood: t.likelihood,
      risk: t.risk,
      position: t.position,
      score: t.score,
      rank: t.rank,
      band: t.band,
      confidence: t.confidence,
      rankRange: t.rankRange,
      levelRankRange: t.levelRange,
      weightRankRange: t.weightRange,
      topFiveShare: t.topFiveShare,
      stable: t.stable,
      previousRank: t.previousRank,
      movement: t.movement,
      evidence: t.evidence,
      rationale: t.rationale,
      scorers: t.scorers,
      spread: t.spread,
    })),
    excluded: m.excluded,
    findings: m.findings.map(findingJson),
  };
}
