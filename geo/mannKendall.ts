import { erf } from "simple-statistics";

/** A Mann–Kendall trend test of one series over time. */
export interface MannKendall {
  /** S: concordant less discordant pairs of (time, value). */
  readonly s: number;
  /** Kendall's tau-b between time and value. */
  readonly tau: number;
  /** Two-sided p-value: exact for under 50 values without ties (as R's cor.test), else normal. */
  readonly p: number;
  readonly trend: "up" | "down" | "none";
}

/** Up to this many values without ties, the exact distribution of S is used (R's cor.test does the same). */
const EXACT_BELOW = 50;

/**
 * How many permutations of n items have each number of inversions (the Mahonian numbers), as
 * fractions of n!: the exact null distribution of S = n(n-1)/2 - 2 × inversions.
 */
function inversionShares(n: number): number[] {
  let shares = [1];
  for (let k = 2; k <= n; k += 1) {
    const next = new Array<number>(shares.length + k - 1).fill(0);
    for (let i = 0; i < shares.length; i += 1) for (let j = 0; j < k; j += 1) next[i + j] += shares[i] / k;
    shares = next;
  }
  return shares;
}

const normalTail = (z: number): number => 0.5 * (1 - erf(Math.abs(z) / Math.SQRT2));

/**
 * The Mann–Kendall test of a monotonic trend: Kendall's tau between the time order and the
 * values. Written here because simple-statistics has no rank correlation test; the exact
 * distribution is a short recurrence, and ties take the usual variance correction.
 *
 * @example
 * mannKendall([0.5, 1.2, 0.9, 1.8, 2.2, 1.9, 2.7, 3.1]).s //= 24
 */
export function mannKendall(series: readonly number[], level = 0.1): MannKendall {
  const n = series.length;
  let s = 0;
  for (let i = 0; i < n; i += 1) for (let j = i + 1; j < n; j += 1) s += Math.sign(series[j] - series[i]);
  const pairs = (n * (n - 1)) / 2;
  const groups = new Map<number, number>();
  for (const v of series) groups.set(v, (groups.get(v) ?? 0) + 1);
  const tieSizes = [...groups.values()].filter((t) => t > 1);
  const tiedPairs = tieSizes.reduce((sum, t) => sum + (t * (t - 1)) / 2, 0);
  const tau = n < 2 || tiedPairs === pairs ? 0 : s / Math.sqrt(pairs * (pairs - tiedPairs));
  let p: number;
  if (n < 2) p = 1;
  else if (tieSizes.length === 0 && n < EXACT_BELOW) {
    // P(S >= |s|) = P(inversions <= (pairs - |s|) / 2), doubled for two sides.
    const shares = inversionShares(n);
    const limit = (pairs - Math.abs(s)) / 2;
    let tail = 0;
    for (let k = 0; k <= limit; k += 1) tail += shares[k];
    p = Math.min(1, 2 * tail);
  } else {
    const variance = (n * (n - 1) * (2 * n + 5) - tieSizes.reduce((sum, t) => sum + t * (t - 1) * (2 * t + 5), 0)) / 18;
    const z = s === 0 || variance <= 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(variance);
    p = Math.min(1, 2 * normalTail(z));
  }
  const trend = p < level ? (s > 0 ? "up" : "down") : "none";
  return { s, tau, p, trend };
}
