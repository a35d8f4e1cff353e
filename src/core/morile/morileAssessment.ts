import { morilePreset } from "../options";
import type { SheetGrid } from "../../model";
import type { TableResult } from "../compute/tableResult";
import { type Finding, sortFindings } from "../findings";
import { headlineSentence } from "../headlines/writeHeadlines";
import { MORILE_PRESETS, type MorileConfig } from "./morileConfig";
import { MORILE_CONFIG_SHEET, readMorileConfig } from "./morileConfigSheet";
import { morileSensitivity } from "./morileSensitivity";
import { type ExcludedTheme, type MorileSheet, findMorileHeader, readMorileSheet } from "./readMorileSheet";
import { type FactorSpread, scorerConsensus } from "./scorerConsensus";
import { type ThemeScore, rankScores, scoreTheme } from "./scoreThemes";

/** The computed figure a theme names as its evidence, with its change and significance. */
export interface EvidenceLink {
  readonly sheet: string;
  readonly table: string | null;
  readonly label: string;
  readonly change: number | null;
  readonly pctChange: number | null;
  readonly text: string | null;
}

/** One ranked theme. */
export interface RankedTheme extends ThemeScore {
  readonly rank: number;
  readonly rankRange: readonly [number, number];
  readonly levelRange: readonly [number, number];
  readonly weightRange: readonly [number, number];
  readonly topFiveShare: number;
  /** For the top five: whether the theme stays in the top five under every single move. */
  readonly stable: boolean | null;
  readonly previousRank: number | null;
  /** Places moved up since last year's sheet (negative: down). */
  readonly movement: number | null;
  readonly rationale: string;
  readonly evidenceText: string;
  readonly evidence: EvidenceLink | null;
  readonly scorers: readonly string[];
  readonly spread: readonly FactorSpread[];
  readonly themeCell: string;
}

/** The MoRiLE part of an assessment. */
export interface MorileResult {
  readonly preset: string;
  readonly config: MorileConfig;
  readonly sheets: readonly string[];
  readonly previousSheets: readonly string[];
  readonly themes: readonly RankedTheme[];
  readonly excluded: readonly ExcludedTheme[];
  readonly findings: readonly Finding[];
}

/**
 * True for a sheet that the MoRiLE module reads (a MoRiLE sheet or the config sheet).
 *
 * @example
 * isMorileInput({ name: "Crime", top: 0, left: 0, values: [["Crime type", "2018/19", "2019/20"], ["Drug offences", 318, 394], ["Robbery", 60, 75], ["Total", 378, 469]] }) //= false
 */
export function isMorileInput(grid: SheetGrid): boolean {
  return (
    grid.name.toLowerCase() === MORILE_CONFIG_SHEET.toLowerCase() ||
    findMorileHeader(grid, MORILE_PRESETS.linear) !== null
  );
}

function findEvidence(tables: readonly TableResult[], names: readonly string[]): EvidenceLink | null {
  for (const name of names.map((n) => n.trim().toLowerCase()).filter((n) => n !== "")) {
    for (const result of tables) {
      const row = result.rows.find((r) => r.label.toLowerCase() === name);
      if (!row) continue;
      const last = result.table.columns.length - 1;
      const previous = last >= 1 ? row.values[last - 1] : null;
      const latest = row.values[last];
      const text =
        previous !== null && latest !== null && result.table.kind !== "categories"
          ? headlineSentence(row.label, row, previous, latest)
          : null;
      return {
        sheet: result.table.sheet,
        table: result.table.title,
        label: row.label,
        change: row.change,
        pctChange: row.pctChange,
        text,
      };
    }
  }
  return null;
}

function score(config: MorileConfig, sheets: readonly MorileSheet[]) {
  const consensus = scorerConsensus(
    config,
    sheets.flatMap((s) => s.entries),
  );
  const scores = consensus.themes.map((t) => scoreTheme(config, t));
  return { consensus, scores, ranks: rankScores(scores) };
}

/**
 * Scores every MoRiLE sheet of a workbook: the sheets of the latest year (one per agency, or
 * one with a Scorer column) are ranked; the sheets of the year before give rank movement.
 * Returns `null` when the workbook has no MoRiLE sheet.
 */
export function morileAssessment(
  grids: readonly SheetGrid[],
  tables: readonly TableResult[],
  presetName: string,
): MorileResult | null {
  const findings: Finding[] = [];
  const configGrid = grids.find((g) => g.name.toLowerCase() === MORILE_CONFIG_SHEET.toLowerCase());
  let config = MORILE_PRESETS[morilePreset(presetName)];
  if (configGrid) {
    const read = readMorileConfig(configGrid);
    config = read.config;
    findings.push(...read.findings);
  }
  const sheets = grids
    .filter((g) => g !== configGrid)
    .map((g) => readMorileSheet(g, config))
    .filter((s): s is MorileSheet => s !== null);
  if (sheets.length === 0) return null;

  // Sheets without a year count as the current year's.
  const years = [...new Set(sheets.map((s) => s.year ?? Infinity))].sort((a, b) => b - a);
  const current = sheets.filter((s) => (s.year ?? Infinity) === years[0]);
  const previous = years.length > 1 ? sheets.filter((s) => (s.year ?? Infinity) === years[1]) : [];
  for (const s of [...current, ...previous]) findings.push(...s.findings);

  const now = score(config, current);
  findings.push(...now.consensus.findings);
  const before = previous.length > 0 ? score(config, previous) : null;
  const previousRank = new Map(before ? before.scores.map((s, i) => [s.theme.toLowerCase(), before.ranks[i]]) : []);
  const sensitivity = morileSensitivity(config, now.consensus.themes);

  const themes: RankedTheme[] = now.consensus.themes
    .map((t, i) => {
      const rank = now.ranks[i];
      const s = sensitivity[i];
      const prior = previousRank.get(t.theme.toLowerCase()) ?? null;
      return {
        ...now.scores[i],
        rank,
        rankRange: s.rankRange,
        levelRange: s.levelRange,
        weightRange: s.weightRange,
        topFiveShare: s.topFiveShare,
        stable: rank <= 5 ? s.rankRange[1] <= 5 : null,
        previousRank: prior,
        movement: prior === null ? null : prior - rank,
        rationale: t.rationale,
        evidenceText: t.evidence,
        evidence: findEvidence(tables, [t.indicator, t.evidence]),
        scorers: t.scorers,
        spread: t.spread,
        themeCell: t.themeCell,
      };
    })
    .sort((a, b) => a.rank - b.rank);

  return {
    preset: config.preset,
    config,
    sheets: current.map((s) => s.sheet),
    previousSheets: previous.map((s) => s.sheet),
    themes,
    excluded: current.flatMap((s) => s.excluded),
    findings: sortFindings(findings),
  };
}
