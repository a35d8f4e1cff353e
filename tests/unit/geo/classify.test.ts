import { classOf, classify } from "../../../geo";

/** Exhaustive natural breaks: the split of sorted values into k runs with the least within-class sum of squares. */
function bruteForceBreaks(values: number[], k: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const sse = (xs: number[]): number => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return xs.reduce((a, x) => a + (x - mean) ** 2, 0);
  };
  let best = { cost: Infinity, cuts: [] as number[] };
  const search = (start: number, left: number, cuts: number[]): void => {
    if (left === 1) {
      const groups = [...cuts, sorted.length].map((end, i, all) => sorted.slice(i === 0 ? 0 : all[i - 1], end));
      const cost = groups.reduce((a, g) => a + sse(g), 0);
      if (cost < best.cost - 1e-12) best = { cost, cuts: [...cuts] };
      return;
    }
    for (let cut = start + 1; cut <= sorted.length - left + 1; cut += 1) search(cut, left - 1, [...cuts, cut]);
  };
  search(0, k, []);
  return [sorted[0], ...[...best.cuts, sorted.length].map((end) => sorted[end - 1])];
}

describe("classify", () => {
  const data = [1, 2, 4, 5, 7, 9, 10, 20, 22, 23, 40, 41, 45];

  it("gives Jenks natural breaks equal to an exhaustive search", () => {
    for (const k of [2, 3, 4, 5]) expect(classify(data, k, "jenks").breaks).toEqual(bruteForceBreaks(data, k));
  });

  it("gives quantile and equal-interval breaks with k + 1 values and class counts", () => {
    expect(classify([1, 2, 3, 4, 5], 2, "quantile").breaks).toEqual([1, 3, 5]);
    const equal = classify([0, 1, 2, 9, 10], 2, "equal");
    expect(equal.breaks).toEqual([0, 5, 10]);
    expect(equal.counts).toEqual([3, 2]);
    expect(classify(data, 5, "quantile").counts.reduce((a, b) => a + b, 0)).toBe(data.length);
  });

  it("makes fewer classes than asked when there are fewer distinct values, never empty ones", () => {
    expect(classify([3, 3, 3], 5, "jenks")).toEqual({ method: "jenks", breaks: [3, 3], counts: [3] });
    expect(classify([1, 1, 2], 5, "quantile").breaks).toHaveLength(3);
  });

  it("reads breaks as upper bounds", () => {
    expect(classOf(5, [1, 5, 10, 20])).toBe(0);
    expect(classOf(5.1, [1, 5, 10, 20])).toBe(1);
    expect(classOf(20, [1, 5, 10, 20])).toBe(2);
  });

  it("refuses no values and no classes", () => {
    expect(() => classify([], 3, "jenks")).toThrow(RangeError);
    expect(() => classify([1], 0, "jenks")).toThrow(RangeError);
  });
});
