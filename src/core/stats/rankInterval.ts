import { poissonSampler, seededUniform } from "./poissonDraws";

/** Draws of the simulation: the 2.5% and 97.5% ranks are then steady to within one place. */
export const RANK_DRAWS = 10000;
const SEED = 20201;

/**
 * A 95% interval for one area's rank among others (1 the highest) when each count is a Poisson
 * draw about its observed value: every count is drawn again, the areas ranked, 10,000 times
 * over with a fixed seed, and the 2.5% and 97.5% points of the area's ranks taken. A count of a
 * few hundred easily changes places with its neighbours; this says how far.
 *
 * @example
 * rankInterval([165, 160, 90, 40], 0) //= [1, 2]
 */
export function rankInterval(counts: readonly number[], index: number, draws = RANK_DRAWS): [number, number] {
  const uniform = seededUniform(SEED);
  const ranks = new Uint32Array(counts.length + 1);
  const samplers = counts.map(poissonSampler);
  for (let d = 0; d < draws; d += 1) {
    const own = samplers[index](uniform);
    let rank = 1;
    for (let i = 0; i < counts.length; i += 1) if (i !== index && samplers[i](uniform) > own) rank += 1;
    ranks[rank] += 1;
  }
  const quantile = (share: number): number => {
    let seen = 0;
    for (let r = 1; r < ranks.length; r += 1) {
      seen += ranks[r];
      if (seen >= share * draws) return r;
    }
    return counts.length;
  };
  return [quantile(0.025), quantile(0.975)];
}
