import { type Finding, finding } from "../findings";
import type { MorileConfig } from "./morileConfig";
import type { ScoredLevel, ThemeEntry } from "./readMorileSheet";

/** How scorers spread on one factor of one theme, in level steps. */
export interface FactorSpread {
  readonly factor: string;
  readonly lowest: string;
  readonly median: string;
  readonly highest: string;
  readonly steps: number;
  /** True when scorers differ by two levels or more. */
  readonly flagged: boolean;
}

/** A theme as the scorers agree it: the median level of each factor. */
export interface ConsensusTheme {
  readonly theme: string;
  readonly themeCell: string;
  readonly levels: ReadonlyMap<string, ScoredLevel>;
  readonly scorers: readonly string[];
  readonly spread: readonly FactorSpread[];
  readonly rationale: string;
  readonly evidence: string;
  readonly indicator: string;
}

const distinctJoin = (parts: readonly string[]): string => [...new Set(parts.filter((p) => p !== ""))].join(" | ");

/**
 * Groups the rows of one or more scorers by theme and takes the median level of each factor
 * (for an even number of scorers, the higher of the two middle levels, erring towards harm).
 * Factors where scorers differ by two levels or more are flagged as findings.
 */
export function scorerConsensus(
  config: MorileConfig,
  entries: readonly ThemeEntry[],
): { themes: ConsensusTheme[]; findings: Finding[] } {
  const groups = new Map<string, ThemeEntry[]>();
  for (const entry of entries) {
    const key = entry.theme.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const findings: Finding[] = [];
  const themes: ConsensusTheme[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    const levels = new Map<string, ScoredLevel>();
    const spread: FactorSpread[] = [];
    for (const factor of config.factors) {
      const indexes = group
        .map((e) => e.levels.get(factor.name)?.index)
        .filter((i): i is number => i !== undefined)
        .sort((a, b) => a - b);
      if (indexes.length === 0) continue;
      const median = indexes[Math.floor(indexes.length / 2)];
      levels.set(factor.name, { index: median, level: factor.levels[median] });
      if (group.length < 2) continue;
      const steps = indexes[indexes.length - 1] - indexes[0];
      const item: FactorSpread = {
        factor: factor.name,
        lowest: factor.levels[indexes[0]].name,
        median: factor.levels[median].name,
        highest: factor.levels[indexes[indexes.length - 1]].name,
        steps,
        flagged: steps >= 2,
      };
      spread.push(item);
      if (item.flagged) {
        const who = group.map((e) => `${e.scorer ?? e.sheet}: ${e.levels.get(factor.name)?.level.name}`).join(", ");
        findings.push(
          finding(
            first.sheet,
            first.themeCell,
            "warning",
            "morile-scorer-spread",
            `${first.theme}: scorers differ by ${steps} levels on ${factor.name} (${who}); scored at the median, ${item.median}`,
          ),
        );
      }
    }
    themes.push({
      theme: first.theme,
      themeCell: first.themeCell,
      levels,
      scorers: group.map((e) => e.scorer ?? e.sheet),
      spread,
      rationale: distinctJoin(group.map((e) => e.rationale)),
      evidence: distinctJoin(group.map((e) => e.evidence)),
      indicator: distinctJoin(group.map((e) => e.indicator)),
    });
  }
  return { themes, findings };
}
