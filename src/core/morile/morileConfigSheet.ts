import { type SheetGrid, cellText, gridCell, sheetCellRef } from "../../model";
import { type Finding, finding } from "../findings";
import {
  type FactorDefinition,
  type FactorSection,
  MORILE_PRESETS,
  type MorileConfig,
  type ScaleLevel,
} from "./morileConfig";

/** The name of the configuration sheet. */
export const MORILE_CONFIG_SHEET = "MoRiLE Config";

const SECTIONS: Record<string, FactorSection> = {
  harm: "harm",
  likelihood: "likelihood",
  position: "position",
  confidence: "confidence",
};

/** `None = 0; Low = 1; ...` */
export function formatLevels(levels: readonly ScaleLevel[]): string {
  return levels.map((l) => `${l.name} = ${l.value}`).join("; ");
}

function parseLevels(text: string): ScaleLevel[] | null {
  const levels = text.split(";").map((part) => /^\s*(.+?)\s*=\s*(-?\d+(?:\.\d+)?)\s*$/.exec(part));
  if (levels.length === 0 || levels.some((m) => !m)) return null;
  return levels.map((m) => ({ name: (m as RegExpExecArray)[1], value: Number((m as RegExpExecArray)[2]) }));
}

/** The rows of a MoRiLE Config sheet for a configuration (what the template writes). */
export function configSheetRows(config: MorileConfig): (string | number | null)[][] {
  return [
    ["MoRiLE scoring configuration"],
    [
      "Preset",
      config.preset,
      "A preset, not MoRiLE's official values: replace the levels, weights and settings below with your partnership's template.",
    ],
    [],
    ["Factor", "Section", "Weight", "Levels (name = value, lowest first)"],
    ...config.factors.map((f) => [
      f.name,
      f.section[0].toUpperCase() + f.section.slice(1),
      f.weight,
      formatLevels(f.levels),
    ]),
    [],
    ["Setting", "Value", "Meaning"],
    ["Position divisor", config.positionDivisor, "Score = Risk × (1 + Position / divisor); 0 leaves Position out"],
    ["High band", config.bands.high, "High when the score is at least this fraction of the highest possible score"],
    [
      "Medium band",
      config.bands.medium,
      "Medium when the score is at least this fraction of the highest possible score",
    ],
    ["Sensitivity seed", config.seed, "Seed of the random sensitivity draws, so reruns agree"],
    ["Sensitivity draws", config.draws, "Number of random draws in the sensitivity analysis"],
  ];
}

/**
 * One factor row of the Config sheet (name, section, weight, levels), or the finding that says
 * what is wrong with it, naming its cell.
 */
function readFactorRow(grid: SheetGrid, r: number): FactorDefinition | { name: string; problems: Finding } {
  const at = (c: number): string => cellText(gridCell(grid, r, grid.left + c));
  const name = at(0);
  const section = SECTIONS[at(1).toLowerCase()];
  const weight = Number(gridCell(grid, r, grid.left + 2));
  const levels = parseLevels(at(3));
  const problems: string[] = [];
  if (!section) problems.push(`section "${at(1)}" is not Harm, Likelihood, Position or Confidence`);
  if (!Number.isFinite(weight) || weight < 0) problems.push(`weight "${at(2)}" is not a number of zero or more`);
  if (!levels || levels.length < 2) problems.push(`levels "${at(3)}" are not written as "Name = value; Name = value"`);
  if (problems.length === 0) return { name, section, weight, levels: levels as ScaleLevel[] };
  return {
    name,
    problems: finding(
      grid.name,
      sheetCellRef(grid.name, r, grid.left),
      "error",
      "morile-config",
      `${name}: ${problems.join("; ")}; the preset's definition is used`,
    ),
  };
}

/**
 * Reads the configuration from a MoRiLE Config sheet laid out as the template writes it.
 * Anything unreadable is a finding naming its cell, and the preset's value stands in.
 */
export function readMorileConfig(grid: SheetGrid): { config: MorileConfig; findings: Finding[] } {
  const sheet = grid.name;
  const findings: Finding[] = [];
  const rows = grid.values.length;
  const at = (r: number, c: number): string => cellText(gridCell(grid, r, c));
  let base = MORILE_PRESETS.linear;
  let presetName = "Custom (MoRiLE Config sheet)";
  const factors: FactorDefinition[] = [];
  const settings = new Map<string, { value: number; cell: string }>();
  let mode: "none" | "factors" | "settings" = "none";
  for (let r = grid.top; r < grid.top + rows; r += 1) {
    const a = at(r, grid.left).toLowerCase();
    if (a === "preset") {
      const named = MORILE_PRESETS[at(r, grid.left + 1).toLowerCase()];
      if (named) base = named;
      presetName = at(r, grid.left + 1) || presetName;
      continue;
    }
    if (a === "factor") {
      mode = "factors";
      continue;
    }
    if (a === "setting") {
      mode = "settings";
      continue;
    }
    if (a === "") {
      mode = "none";
      continue;
    }
    if (mode === "factors") {
      const read = readFactorRow(grid, r);
      if ("problems" in read) {
        findings.push(read.problems);
        const fallback = base.factors.find((f) => f.name.toLowerCase() === read.name.toLowerCase());
        if (fallback) factors.push(fallback);
        continue;
      }
      factors.push(read);
    }
    if (mode === "settings") {
      const value = Number(gridCell(grid, r, grid.left + 1));
      const cell = sheetCellRef(sheet, r, grid.left + 1);
      if (!Number.isFinite(value)) {
        findings.push(
          finding(
            sheet,
            cell,
            "error",
            "morile-config",
            `setting "${at(r, grid.left)}" needs a number; the preset's value is used`,
          ),
        );
        continue;
      }
      settings.set(a, { value, cell });
    }
  }
  const setting = (name: string, fallback: number): number => settings.get(name)?.value ?? fallback;
  const config: MorileConfig = {
    preset: presetName,
    factors: factors.length > 0 ? factors : base.factors,
    positionDivisor: setting("position divisor", base.positionDivisor),
    bands: { high: setting("high band", base.bands.high), medium: setting("medium band", base.bands.medium) },
    seed: Math.trunc(setting("sensitivity seed", base.seed)),
    draws: Math.max(0, Math.min(20000, Math.trunc(setting("sensitivity draws", base.draws)))),
  };
  return { config, findings };
}
