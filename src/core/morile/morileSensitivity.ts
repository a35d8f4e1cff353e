import { seededUniform } from "../stats/poissonDraws";
import { type MorileConfig, scoredFactors } from "./morileConfig";
import {
  type RankingKey,
  type ThemeLevels,
  type ThemeScore,
  compareScores,
  rankScores,
  scoreTheme,
} from "./scoreThemes";

/** How stable one theme's rank is. */
export interface ThemeSensitivity {
  /** Best and worst rank when any one of its factors moves one level up or down, or any weight moves ±25%. */
  readonly rankRange: readonly [number, number];
  readonly levelRange: readonly [number, number];
  readonly weightRange: readonly [number, number];
  /** Share of random draws (each factor moving a level with a chance set by confidence) that keep it in the top five. */
  readonly topFiveShare: number;
}

/** Chance that a factor moves one level each way in a draw, by the theme's confidence. */
const MOVE_CHANCE: Record<string, number> = { high: 0.1, medium: 0.2, low: 0.3 };

/** FNV-1a hash of a theme name, so each theme draws from its own stream whatever the row order. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (const ch of name.toLowerCase()) {
    h ^= ch.codePointAt(0) as number;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function rankAgainst(candidate: ThemeScore, others: readonly ThemeScore[], self: number): number {
  let rank = 1;
  others.forEach((o, j) => {
    if (j !== self && compareScores(o, candidate) < 0) rank += 1;
  });
  return rank;
}

const widen = (range: [number, number], rank: number): void => {
  range[0] = Math.min(range[0], rank);
  range[1] = Math.max(range[1], rank);
};

/**
 * One-at-a-time sensitivity (each factor of each theme ±1 level; each factor weight ±25%) and
 * a seeded Monte Carlo of how often each theme stays in the top five.
 * Cost: O(F·T²) for the level moves, O(F·T log T) for the weights, O(draws·T·F) for the draws.
 */
export function morileSensitivity(config: MorileConfig, themes: readonly ThemeLevels[]): ThemeSensitivity[] {
  const base = themes.map((t) => scoreTheme(config, t));
  const baseRanks = rankScores(base);
  const factors = scoredFactors(config);
  const levelRanges = baseRanks.map((r) => [r, r] as [number, number]);
  const weightRanges = baseRanks.map((r) => [r, r] as [number, number]);

  themes.forEach((theme, i) => {
    for (const factor of factors) {
      const current = theme.levels.get(factor.name)?.index;
      if (current === undefined) continue;
      for (const delta of [-1, 1]) {
        const moved = current + delta;
        if (moved < 0 || moved >= factor.levels.length) continue;
        const score = scoreTheme(config, theme, new Map([[factor.name, moved]]));
        widen(levelRanges[i], rankAgainst(score, base, i));
      }
    }
  });

  for (const factor of factors) {
    for (const scale of [0.75, 1.25]) {
      const changed: MorileConfig = {
        ...config,
        factors: config.factors.map((f) => (f.name === factor.name ? { ...f, weight: f.weight * scale } : f)),
      };
      rankScores(themes.map((t) => scoreTheme(changed, t))).forEach((rank, i) => widen(weightRanges[i], rank));
    }
  }

  const inTopFive = monteCarloTopFive(config, themes);
  return themes.map((_, i) => ({
    rankRange: [
      Math.min(levelRanges[i][0], weightRanges[i][0]),
      Math.max(levelRanges[i][1], weightRanges[i][1]),
    ] as const,
    levelRange: [levelRanges[i][0], levelRanges[i][1]] as const,
    weightRange: [weightRanges[i][0], weightRanges[i][1]] as const,
    topFiveShare: config.draws > 0 ? inTopFive[i] / config.draws : baseRanks[i] <= 5 ? 1 : 0,
  }));
}

/**
 * How many of `config.draws` random draws keep each theme in the top five. In each draw every
 * factor of every theme moves one level down or up with a chance set by the theme's
 * confidence. Plain arrays, no maps: this is the hot loop (draws × themes × factors).
 */
function monteCarloTopFive(config: MorileConfig, themes: readonly ThemeLevels[]): number[] {
  const factors = scoredFactors(config);
  const weights = factors.map((f) => f.weight);
  const values = factors.map((f) => f.levels.map((l) => l.value));
  const sections = factors.map((f) => f.section);
  const divisor = config.positionDivisor;
  const base = themes.map((t) => factors.map((f) => t.levels.get(f.name)?.index ?? -1));
  const chances = themes.map(
    (t) => MOVE_CHANCE[(t.levels.get("Confidence")?.level.name ?? "medium").toLowerCase()] ?? 0.2,
  );
  const streams = themes.map((t) => seededUniform(config.seed ^ hashName(t.theme)));
  const inTopFive = new Array<number>(themes.length).fill(0);
  const keys: RankingKey[] = themes.map((t) => ({ theme: t.theme, score: 0, harm: 0, likelihood: 0 }));
  for (let draw = 0; draw < config.draws; draw += 1) {
    for (let i = 0; i < themes.length; i += 1) {
      const random = streams[i];
      const chance = chances[i];
      let harm = 0;
      let likelihood = 0;
      let position = 0;
      for (let f = 0; f < factors.length; f += 1) {
        let index = base[i][f];
        if (index < 0) continue;
        const u = random();
        if (u < chance) index -= 1;
        else if (u < 2 * chance) index += 1;
        const levels = values[f];
        const value = weights[f] * levels[Math.max(0, Math.min(levels.length - 1, index))];
        if (sections[f] === "harm") harm += value;
        else if (sections[f] === "likelihood") likelihood += value;
        else position += value;
      }
      const risk = harm * likelihood;
      keys[i] = {
        theme: themes[i].theme,
        harm,
        likelihood,
        score: divisor > 0 ? risk * (1 + position / divisor) : risk,
      };
    }
    rankScores(keys).forEach((rank, i) => {
      if (rank <= 5) inTopFive[i] += 1;
    });
  }
  return inTopFive;
}
