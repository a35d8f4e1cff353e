import { type CellValue, type SheetGrid, cellText, gridCell, gridWidth, sheetCellRef } from "../../model";
import { type Finding, finding } from "../findings";
import { type FactorDefinition, type MorileConfig, type ScaleLevel } from "./morileConfig";

/** A factor level as scored: its position on the scale and its value. */
export interface ScoredLevel {
  readonly index: number;
  readonly level: ScaleLevel;
}

/** One row of a MoRiLE sheet, read and checked. */
export interface ThemeEntry {
  readonly theme: string;
  readonly scorer: string | null;
  readonly sheet: string;
  readonly themeCell: string;
  readonly levels: ReadonlyMap<string, ScoredLevel>;
  readonly rationale: string;
  readonly evidence: string;
  readonly indicator: string;
}

/** A theme left out of the ranking, and why. */
export interface ExcludedTheme {
  readonly theme: string;
  readonly cell: string;
  readonly reason: string;
}

/** What one MoRiLE sheet holds. */
export interface MorileSheet {
  readonly sheet: string;
  /** The year the sheet's name or title carries (its first year: 2019 for "2019/20"), if any. */
  readonly year: number | null;
  readonly title: string;
  readonly entries: ThemeEntry[];
  readonly excluded: ExcludedTheme[];
  readonly findings: Finding[];
}

const norm = (text: string): string =>
  text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

interface HeaderMap {
  readonly row: number;
  readonly theme: number;
  readonly factors: Map<string, number>;
  readonly scorer: number | null;
  readonly rationale: number | null;
  readonly evidence: number | null;
  readonly indicator: number | null;
}

/** Finds the header row of a MoRiLE sheet: a `Theme` column and at least four factor columns. */
export function findMorileHeader(grid: SheetGrid, config: MorileConfig): HeaderMap | null {
  const width = gridWidth(grid);
  const factorNames = new Map(config.factors.map((f) => [norm(f.name), f.name]));
  for (let r = grid.top; r < grid.top + Math.min(grid.values.length, 12); r += 1) {
    let theme = -1;
    let scorer: number | null = null;
    let rationale: number | null = null;
    let evidence: number | null = null;
    let indicator: number | null = null;
    const factors = new Map<string, number>();
    for (let c = grid.left; c < grid.left + width; c += 1) {
      const h = norm(cellText(gridCell(grid, r, c)));
      if (h === "theme" || h === "thematic area" || h === "crime theme") theme = c;
      else if (h === "scorer" || h === "agency" || h === "assessor") scorer = c;
      else if (h === "rationale") rationale = c;
      else if (h === "evidence") evidence = c;
      else if (h === "indicator" || h === "data row" || h === "data") indicator = c;
      else if (factorNames.has(h)) factors.set(factorNames.get(h) as string, c);
    }
    if (theme >= 0 && factors.size >= 4) return { row: r, theme, factors, scorer, rationale, evidence, indicator };
  }
  return null;
}

/**
 * The first year a sheet name or title carries: `MoRiLE 2019-20` -> 2019.
 *
 * @example
 * yearOf("MoRiLE 2020-21") //= 2020
 * yearOf("MoRiLE scores") //= null
 */
export function yearOf(text: string): number | null {
  const match = /\b(20\d{2})(?:\s*[/-]\s*\d{2,4})?\b/.exec(text);
  return match ? Number(match[1]) : null;
}

/** Reads a level by name (any case) or by its value, or explains why it cannot. */
function readLevel(value: CellValue, factor: FactorDefinition): ScoredLevel | string {
  const text = cellText(value);
  if (text === "") return "is missing";
  const byName = factor.levels.findIndex((l) => l.name.toLowerCase() === text.toLowerCase());
  if (byName >= 0) return { index: byName, level: factor.levels[byName] };
  const number = typeof value === "number" ? value : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  const byValue = Number.isNaN(number) ? -1 : factor.levels.findIndex((l) => l.value === number);
  if (byValue >= 0) return { index: byValue, level: factor.levels[byValue] };
  return `"${text}" is not on the ${factor.name} scale (${factor.levels.map((l) => `${l.name} ${l.value}`).join(", ")})`;
}

/**
 * A theme row's level of each factor; a level missing or off its scale is a reason the theme is
 * left out, and a finding naming its cell.
 */
function readLevels(
  grid: SheetGrid,
  r: number,
  header: NonNullable<ReturnType<typeof findMorileHeader>>,
  config: MorileConfig,
  theme: string,
  reasons: string[],
  findings: Finding[],
): Map<string, ScoredLevel> {
  const sheet = grid.name;
  const levels = new Map<string, ScoredLevel>();
  for (const factor of config.factors) {
    const column = header.factors.get(factor.name);
    if (column === undefined) continue;
    const read = readLevel(gridCell(grid, r, column), factor);
    if (typeof read !== "string") {
      levels.set(factor.name, read);
      continue;
    }
    const cell = sheetCellRef(sheet, r, column);
    reasons.push(`${factor.name} ${read} (${cell})`);
    findings.push(
      finding(
        sheet,
        cell,
        "error",
        read === "is missing" ? "morile-missing-level" : "morile-level-off-scale",
        `${theme}: ${factor.name} ${read}; the theme is left out of the ranking`,
        cellText(gridCell(grid, r, column)) || null,
        null,
      ),
    );
  }
  return levels;
}

/**
 * Reads every theme row of a MoRiLE sheet. A level that is not on the scale, a missing factor
 * or a duplicate theme (for the same scorer) is a finding naming the cell, and that theme is
 * left out of the ranking with its reason, never scored as zero.
 */
export function readMorileSheet(grid: SheetGrid, config: MorileConfig): MorileSheet | null {
  const header = findMorileHeader(grid, config);
  if (!header) return null;
  const findings: Finding[] = [];
  const entries: ThemeEntry[] = [];
  const excluded: ExcludedTheme[] = [];
  const seen = new Map<string, string>();
  const sheet = grid.name;
  const titleCells: string[] = [];
  for (let r = grid.top; r < header.row; r += 1) {
    for (const v of grid.values[r - grid.top] ?? []) if (cellText(v)) titleCells.push(cellText(v));
  }
  const title = titleCells.join(" ");

  for (const factor of config.factors) {
    if (!header.factors.has(factor.name)) {
      findings.push(
        finding(
          sheet,
          sheetCellRef(sheet, header.row, header.theme),
          "error",
          "morile-missing-column",
          `the MoRiLE sheet has no "${factor.name}" column, so no theme can be scored`,
        ),
      );
    }
  }
  const complete = config.factors.every((f) => header.factors.has(f.name));

  for (let r = header.row + 1; r < grid.top + grid.values.length; r += 1) {
    const theme = cellText(gridCell(grid, r, header.theme));
    if (theme === "") continue;
    const themeCell = sheetCellRef(sheet, r, header.theme);
    const scorer = header.scorer === null ? null : cellText(gridCell(grid, r, header.scorer)) || null;
    const text = (c: number | null): string => (c === null ? "" : cellText(gridCell(grid, r, c)));
    const key = `${theme.toLowerCase()}|${(scorer ?? "").toLowerCase()}`;
    // A theme with no level at all is not scored yet (the template lists more themes than a
    // partnership scores): one note, not an error per cell.
    const unscored = [...header.factors.values()].every((c) => cellText(gridCell(grid, r, c)) === "");
    if (unscored) {
      excluded.push({ theme, cell: themeCell, reason: "not scored yet" });
      findings.push(
        finding(sheet, themeCell, "info", "morile-unscored", `${theme}: no levels given, so the theme is not ranked`),
      );
      continue;
    }
    const reasons: string[] = [];
    if (seen.has(key)) {
      reasons.push(`duplicate of the theme at ${seen.get(key)}`);
      findings.push(
        finding(
          sheet,
          themeCell,
          "error",
          "morile-duplicate-theme",
          `"${theme}"${scorer ? ` (${scorer})` : ""} appears again; it was first scored at ${seen.get(key)}, so this row is left out`,
        ),
      );
    } else {
      seen.set(key, themeCell);
    }
    const levels = readLevels(grid, r, header, config, theme, reasons, findings);
    if (!complete) reasons.push("the sheet lacks a factor column");
    if (reasons.length > 0) {
      excluded.push({ theme, cell: themeCell, reason: reasons.join("; ") });
      continue;
    }
    entries.push({
      theme,
      scorer,
      sheet,
      themeCell,
      levels,
      rationale: text(header.rationale),
      evidence: text(header.evidence),
      indicator: text(header.indicator),
    });
  }
  return { sheet, year: yearOf(sheet) ?? yearOf(title), title, entries, excluded, findings };
}
