import { gammaln } from "simple-statistics";

function logPmf(k: number, mean: number): number {
  return k * Math.log(mean) - mean - gammaln(k + 1);
}

/**
 * Exact two-sided test of one Poisson count against an expected mean: twice the smaller tail,
 * capped at 1 (the same doubling rule as the two-count comparison). The tails are summed term
 * by term in log space, so large means neither overflow nor underflow; a count is at most a
 * few thousand here (one named date across a few years).
 *
 * @example
 * poissonTestPValue(30, 14.5) //= 0.00049 (30 records where 14.5 were expected)
 * @throws RangeError when the count is not a whole non-negative number or the mean is not positive
 */
export function poissonTestPValue(observed: number, expected: number): number {
  if (!Number.isInteger(observed) || observed < 0 || !(expected > 0) || !Number.isFinite(expected)) {
    throw new RangeError("poissonTestPValue requires a whole non-negative count and a positive mean");
  }
  const mode = Math.floor(expected);
  // Sum each tail outward from the observed count until terms stop mattering.
  let lower = 0;
  for (let k = observed; k >= 0; k -= 1) {
    const term = Math.exp(logPmf(k, expected));
    lower += term;
    if (k < mode && term < lower * 1e-16) break;
  }
  let upper = 0;
  for (let k = observed; ; k += 1) {
    const term = Math.exp(logPmf(k, expected));
    upper += term;
    if (k > mode && term < upper * 1e-16) break;
    if (k > observed + 100000) break;
  }
  return Math.min(1, 2 * Math.min(lower, upper));
}
