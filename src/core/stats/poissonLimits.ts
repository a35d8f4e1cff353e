import { gammaln } from "simple-statistics";

/**
 * The smallest count whose Poisson cumulative probability at this mean reaches `p`: the exact
 * control limit of a funnel plot (Spiegelhalter, 2005). The sum starts ten standard deviations
 * below the mean, where the mass left out is under 1e-20, so a mean of tens of thousands costs a
 * few hundred terms.
 *
 * @example
 * poissonQuantile(100, 0.975) //= 120
 */
export function poissonQuantile(mean: number, p: number): number {
  if (!(mean > 0)) return 0;
  const from = Math.max(0, Math.floor(mean - 10 * Math.sqrt(mean) - 10));
  let total = 0;
  for (let k = from; ; k += 1) {
    total += Math.exp(k * Math.log(mean) - mean - gammaln(k + 1));
    if (total >= p || k > mean + 20 * Math.sqrt(mean) + 50) return k;
  }
}

/** A funnel plot's limits around an aggregate rate, for one area's population: rates per 1,000. */
export interface FunnelLimits {
  readonly rate: number;
  readonly aggregateRate: number;
  readonly population: number;
  readonly limits95: readonly [number, number];
  readonly limits998: readonly [number, number];
  /** Where the rate falls: within the 95% limits, between them and the 99.8% limits, or beyond. */
  readonly position: "within 95%" | "above 95%" | "below 95%" | "above 99.8%" | "below 99.8%";
}

/**
 * Where an area's count stands against the aggregate rate for a population of its size: the
 * exact Poisson 95% and 99.8% limits of the count expected at the aggregate rate, as rates per
 * 1,000. A rate beyond the 99.8% limits is unlikely to be chance alone.
 */
export function funnelLimits(count: number, population: number, aggregateRate: number): FunnelLimits {
  const expected = (aggregateRate * population) / 1000;
  const perThousand = (k: number): number => (k / population) * 1000;
  const limits = (p: number): [number, number] => [
    perThousand(poissonQuantile(expected, p)),
    perThousand(poissonQuantile(expected, 1 - p)),
  ];
  const limits95 = limits(0.025);
  const limits998 = limits(0.001);
  const rate = perThousand(count);
  const position =
    rate > limits998[1]
      ? "above 99.8%"
      : rate < limits998[0]
        ? "below 99.8%"
        : rate > limits95[1]
          ? "above 95%"
          : rate < limits95[0]
            ? "below 95%"
            : "within 95%";
  return { rate, aggregateRate, population, limits95, limits998, position };
}
