// Honest ranks: the seeded Poisson sampler, the rank interval it gives, and exact funnel limits.
import { mean, variance } from "simple-statistics";
import { rankInterval } from "../../../../src/core/stats/rankInterval";
import { poissonDraw, seededUniform } from "../../../../src/core/stats/poissonDraws";
import { funnelLimits, poissonQuantile } from "../../../../src/core/stats/poissonLimits";
import { rankIntervalSentence } from "../../../../src/core/format/rankWords";

describe("Poisson draws", () => {
  it.each([0.5, 4, 9.9, 10, 37, 500, 20000])("have the mean and variance of a Poisson(%p)", (m) => {
    const uniform = seededUniform(1);
    const draws = Array.from({ length: 40000 }, () => poissonDraw(m, uniform));
    expect(draws.every((d) => Number.isInteger(d) && d >= 0)).toBe(true);
    // Within five standard errors of each.
    expect(Math.abs(mean(draws) - m)).toBeLessThan(5 * Math.sqrt(m / draws.length));
    expect(Math.abs(variance(draws) - m)).toBeLessThan(5 * m * Math.sqrt(2 / draws.length) + 0.05);
  });

  it("are the same for the same seed", () => {
    const a = seededUniform(42);
    const b = seededUniform(42);
    expect(Array.from({ length: 5 }, () => poissonDraw(300, a))).toEqual(
      Array.from({ length: 5 }, () => poissonDraw(300, b)),
    );
  });
});

describe("rank intervals", () => {
  it("are one place where counts are far apart, and wide where they are close", () => {
    expect(rankInterval([1000, 500, 200, 100], 1)).toEqual([2, 2]);
    const [lo, hi] = rankInterval([310, 300, 295, 290, 120], 2);
    expect(lo).toBeLessThanOrEqual(2);
    expect(hi).toBeGreaterThanOrEqual(4);
  });

  it("are the same on every run (a fixed seed)", () => {
    expect(rankInterval([793, 810, 760, 905, 640], 0)).toEqual(rankInterval([793, 810, 760, 905, 640], 0));
  });

  it("are worded only when wide", () => {
    expect(rankIntervalSentence([3, 3], 13)).toBe("");
    expect(rankIntervalSentence([1, 3], 13)).toBe(
      " Allowing for chance variation in counts of this size, it ranks between the highest and 3rd highest.",
    );
    expect(rankIntervalSentence([11, 13], 13)).toMatch(/between 11th and the lowest\.$/);
  });
});

describe("funnel limits", () => {
  it("are exact Poisson quantiles (the smallest count whose cumulative probability reaches p)", () => {
    // Summed term by term in Python (math.lgamma): 71 81 120 132 at a mean of 100, and 1 8 at 4.
    expect([0.001, 0.025, 0.975, 0.999].map((p) => poissonQuantile(100, p))).toEqual([71, 81, 120, 132]);
    expect([0.025, 0.975].map((p) => poissonQuantile(4, p))).toEqual([1, 8]);
  });

  it("place a rate within, between or beyond its limits", () => {
    // 10,000 residents at 10 a 1,000: 100 expected.
    expect(funnelLimits(100, 10000, 10)).toMatchObject({ position: "within 95%", limits95: [8.1, 12] });
    expect(funnelLimits(125, 10000, 10).position).toBe("above 95%");
    expect(funnelLimits(140, 10000, 10).position).toBe("above 99.8%");
    expect(funnelLimits(60, 10000, 10).position).toBe("below 99.8%");
  });
});
