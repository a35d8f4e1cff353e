import { type MorileConfig, bandOf, combine } from "./morileConfig";
import type { ScoredLevel } from "./readMorileSheet";

/** A theme with one level per factor, ready to score (one scorer's row, or the scorers' median). */
export interface ThemeLevels {
  readonly theme: string;
  readonly levels: ReadonlyMap<string, ScoredLevel>;
}

/** A theme's score and its parts. */
export interface ThemeScore {
  readonly theme: string;
  readonly harm: number;
  readonly likelihood: number;
  readonly risk: number;
  readonly position: number;
  readonly score: number;
  readonly band: "High" | "Medium" | "Low";
  /** The Confidence level's name, reported beside the score and never multiplied in. */
  readonly confidence: string | null;
}

/** Scores one theme, with factor levels optionally moved (`indexOverride`) for sensitivity. */
export function scoreTheme(
  config: MorileConfig,
  theme: ThemeLevels,
  indexOverride?: ReadonlyMap<string, number>,
): ThemeScore {
  const values = new Map<string, number>();
  for (const factor of config.factors) {
    const scored = theme.levels.get(factor.name);
    if (!scored) continue;
    const index = indexOverride?.get(factor.name) ?? scored.index;
    values.set(factor.name, factor.levels[Math.max(0, Math.min(factor.levels.length - 1, index))].value);
  }
  const parts = combine(config, values);
  return {
    theme: theme.theme,
    ...parts,
    band: bandOf(config, parts.score),
    confidence: theme.levels.get("Confidence")?.level.name ?? null,
  };
}

/**
 * The ranking order: higher score first; ties broken by higher Harm, then higher Likelihood,
 * then theme name, so the same sheet always gives the same ranking.
 */
export function compareScores(a: RankingKey, b: RankingKey): number {
  return (
    b.score - a.score ||
    b.harm - a.harm ||
    b.likelihood - a.likelihood ||
    (a.theme.toLowerCase() < b.theme.toLowerCase() ? -1 : a.theme.toLowerCase() > b.theme.toLowerCase() ? 1 : 0)
  );
}

/** What the ranking order looks at. */
export type RankingKey = Pick<ThemeScore, "theme" | "score" | "harm" | "likelihood">;

/** Ranks of scores (1 = top) in the order given. */
export function rankScores(scores: readonly RankingKey[]): number[] {
  const order = scores.map((s, i) => ({ s, i })).sort((a, b) => compareScores(a.s, b.s));
  const ranks = new Array<number>(scores.length);
  order.forEach((e, position) => {
    ranks[e.i] = position + 1;
  });
  return ranks;
}
