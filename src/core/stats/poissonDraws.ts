import { gammaln } from "simple-statistics";

/**
 * A seeded source of uniform numbers in [0, 1): mulberry32, so a simulation (rank intervals,
 * MoRiLE's sensitivity) gives the same answer on every run and every machine. Written here because it is six lines and the
 * maintained generators (pure-rand, seedrandom) would be a dependency for those six lines.
 */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A sampler of a Poisson distribution of this mean: by multiplying uniforms for a small mean,
 * else by Hörmann's transformed rejection with squeeze (PTRS, 1993), which is exact and takes
 * about one pair of uniforms a draw whatever the mean. The mean's constants are worked out once
 * (a rank interval draws each count ten thousand times). simple-statistics has the
 * distribution's probabilities but no sampler.
 */
export function poissonSampler(mean: number): (uniform: () => number) => number {
  if (!(mean > 0)) return () => 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    return (uniform) => {
      let k = 0;
      for (let p = uniform(); p > limit; p *= uniform()) k += 1;
      return k;
    };
  }
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const logInverseAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  return (uniform) => {
    for (;;) {
      const u = uniform() - 0.5;
      const v = uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + logInverseAlpha - Math.log(a / (us * us) + b) <= -mean + k * logMean - gammaln(k + 1)) return k;
    }
  };
}

/** One draw from a Poisson distribution of this mean (`poissonSampler`, for a single draw). */
export function poissonDraw(mean: number, uniform: () => number): number {
  return poissonSampler(mean)(uniform);
}
