import { regularizedBeta } from "./regularizedBeta";

/**
 * Exact two-sided test that two Poisson counts over equal periods share one rate: given
 * their sum n, the earlier count is Binomial(n, 1/2) under that hypothesis (the conditional
 * test of Przyborowski & Wilenski, 1940; the C-test of Krishnamoorthy & Thomson, 2004).
 * The p-value is twice the smaller tail, capped at 1 (exact for a symmetric binomial).
 * O(1) per test through the incomplete beta function.
 *
 * @see https://doi.org/10.1016/S0378-3758(03)00117-2
 * @example
 * poissonComparisonPValue(139, 165) //= 0.151 (a rise of 26 within normal variation)
 * poissonComparisonPValue(318, 394) //= 0.0049
 * @throws RangeError when a count is negative or not a whole number
 */
export function poissonComparisonPValue(previous: number, latest: number): number {
  if (!Number.isInteger(previous) || !Number.isInteger(latest) || previous < 0 || latest < 0) {
    throw new RangeError("poissonComparisonPValue requires two whole non-negative counts");
  }
  if (previous === latest) return 1;
  const n = previous + latest;
  const smaller = Math.min(previous, latest);
  // P(X <= k) for X ~ Binomial(n, 1/2) is I_{1/2}(n - k, k + 1).
  const tail = regularizedBeta(0.5, n - smaller, smaller + 1);
  // The continued fraction leaves ~1e-13 of noise; p-values are reported to 3 places.
  const p = 2 * tail;
  return p > 1 - 1e-9 ? 1 : p;
}

/**
 * Exact two-sided test that a count over one period shares the rate of a count over `periods`
 * periods: given their sum n, the one period's count is Binomial(n, 1/(periods + 1)) under that
 * hypothesis (the same conditional test, periods unequal). Twice the smaller tail, capped at 1.
 *
 * @example
 * poissonRatePValue(20, 120, 12) //= 0.0108 (20 in a month after 120 in the 12 before)
 * @throws RangeError when a count is negative or not a whole number, or periods is not positive
 */
export function poissonRatePValue(count: number, before: number, periods: number): number {
  if (!Number.isInteger(count) || !Number.isInteger(before) || count < 0 || before < 0 || !(periods > 0)) {
    throw new RangeError("poissonRatePValue requires two whole non-negative counts and a positive number of periods");
  }
  const n = count + before;
  if (n === 0) return 1;
  const share = 1 / (periods + 1);
  // P(X <= k) = I_{1-p}(n - k, k + 1) and P(X >= k) = I_p(k, n - k + 1) for X ~ Binomial(n, p).
  const lower = count === n ? 1 : regularizedBeta(1 - share, n - count, count + 1);
  const upper = count === 0 ? 1 : regularizedBeta(share, count, n - count + 1);
  const p = 2 * Math.min(lower, upper);
  return p > 1 - 1e-9 ? 1 : p;
}
