import { poissonComparisonPValue, regularizedBeta } from "../../../../src/core";

// Reference values: the exact two-sided conditional binomial test, summed in integer arithmetic
// (Python: min(1, 2 * sum(comb(n, i) for i in range(k + 1)) / 2**n)); scipy.stats.binomtest agrees.
const REFERENCE: [number, number, number][] = [
  [318, 394, 0.004907818499634039],
  [139, 165, 0.1514972657381379],
  [153, 179, 0.16995246495982688],
  [17244, 16947, 0.10942090683834993],
  [370, 426, 0.05117665073007251],
  [112, 142, 0.06860601081201988],
  [0, 8, 0.0078125],
];

describe("poissonComparisonPValue", () => {
  it.each(REFERENCE)("matches the exact test for %p vs %p", (a, b, p) => {
    expect(poissonComparisonPValue(a, b)).toBeCloseTo(p, 10);
  });

  it("is symmetric and 1 for equal counts", () => {
    expect(poissonComparisonPValue(394, 318)).toBeCloseTo(poissonComparisonPValue(318, 394), 14);
    expect(poissonComparisonPValue(3, 3)).toBe(1);
    expect(poissonComparisonPValue(1, 0)).toBe(1);
  });

  it("refuses counts that are not whole and non-negative", () => {
    expect(() => poissonComparisonPValue(3.7, 1)).toThrow(RangeError);
    expect(() => poissonComparisonPValue(-1, 1)).toThrow(RangeError);
  });
});

describe("regularizedBeta", () => {
  it("matches closed forms", () => {
    expect(regularizedBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 12);
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(regularizedBeta(0, 2, 2)).toBe(0);
    expect(regularizedBeta(1, 2, 2)).toBe(1);
  });
});
