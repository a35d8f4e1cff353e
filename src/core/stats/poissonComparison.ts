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
