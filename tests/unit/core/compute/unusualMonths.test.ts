// Unusual months: the rule on a worked example, and its false-alarm rate on simulated Poisson
// series with no change in them, which must be at or under the nominal 1%.
import { type MonthCounts, unusualMonths } from "../../../../src/core/compute/unusualMonths";
import { benjaminiHochberg } from "../../../../src/core/stats/falseDiscovery";
import { poissonRatePValue } from "../../../../src/core/stats/poissonComparison";
import { falseAlarms } from "../../../bench/unusualMonthsFalseAlarms";

const series = (counts: (number | null)[], name = "Test"): MonthCounts => ({
  series: name,
  sheet: "Sheet",
  table: null,
  months: counts.map((_, i) => `M${i + 1}`),
  counts,
});

describe("unusual months", () => {
  it("flags a month far above the same month a year earlier, and not its ordinary neighbours", () => {
    const counts = [40, 42, 38, 41, 39, 44, 40, 37, 43, 41, 40, 39, 41, 90, 40, 42, 38, 41, 39, 44, 40, 37, 43, 41];
    const found = unusualMonths([series(counts)]);
    expect(found.map((f) => [f.month, f.direction, f.expected, f.baseline])).toEqual([
      ["M14", "above", 42, "same month a year earlier"],
    ]);
    expect(found[0].adjustedP).toBeLessThan(0.01);
  });

  it("uses the mean of the months before when the same month a year earlier has no count", () => {
    const counts: (number | null)[] = [30, 31, 29, 30, 32, 28, 30, 31, 29, 30, 31, 29, 5];
    counts[0] = null;
    const [found] = unusualMonths([series(counts)]);
    expect(found).toMatchObject({ month: "M13", direction: "below", baseline: "mean of the months before" });
    expect(found.expected).toBeCloseTo(330 / 11, 10);
  });

  it("tests counts only, and series of 13 months or more", () => {
    expect(unusualMonths([series([1.5, ...Array(12).fill(2), 40])])).toEqual([]);
    expect(unusualMonths([series([...Array(11).fill(2), 40])])).toEqual([]);
  });

  it("adjusts p-values as Benjamini and Hochberg set out", () => {
    expect(benjaminiHochberg([0.01, 0.04, 0.03, 0.005])).toEqual([0.02, 0.04, 0.04, 0.02]);
  });

  it("tests one month against the months before exactly (binomial on their sum)", () => {
    // 30 after 120 in 12 months: under no change, 30 of 150 is Binomial(150, 1/13); twice its
    // upper tail, summed term by term in Python (math.comb), is 2.4248249856e-6.
    expect(poissonRatePValue(30, 120, 12) / 2.4248249856e-6).toBeCloseTo(1, 8);
    expect(poissonRatePValue(10, 120, 12)).toBe(1);
  });

  it("raises a false alarm in at most 1% of runs with no change in them", () => {
    const measured = falseAlarms(1000, 7);
    expect(measured.flagged / measured.runs).toBeLessThanOrEqual(0.01);
  });
});
