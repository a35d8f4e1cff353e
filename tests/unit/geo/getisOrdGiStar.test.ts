import { calledBand, getisOrdGiStar, hotspotBand, wardGiStar, wardStatistics } from "../../../geo";
import { gridBoundaries } from "../../helpers/boundaries";

describe("getisOrdGiStar", () => {
  it("matches a hand-computed example", () => {
    // x = [10, 1, 1] on a line; x̄ = 4, S = √18. Area 0 with {0,1}: (11 − 8) / (√18 · √((3·2 − 4) / 2)) = 0.7071.
    const gi = getisOrdGiStar([10, 1, 1], [[1], [0, 2], [1]]);
    expect(gi[0].z).toBeCloseTo(0.70711, 5);
    expect(gi[1].z).toBe(0);
    expect(gi[2].z).toBeCloseTo(-1.41421, 5);
    expect(gi[0].p).toBeCloseTo(0.4795, 4);
    expect(gi[2].p).toBeCloseTo(0.1573, 4);
  });

  it("finds a cluster of high values as a significant hotspot, and a lone high value as none", () => {
    const grid = gridBoundaries(5, 5);
    const values = new Array<number>(25).fill(1);
    for (const i of [0, 1, 5, 6]) values[i] = 30;
    values[24] = 60;
    const gi = getisOrdGiStar(values, grid.neighbours);
    expect(gi[0].band).toBe("hot-99");
    expect(gi[0].p).toBeLessThan(0.01);
    expect(gi[24].band).toBe("none");
  });

  it("bands z-scores at 90, 95 and 99%", () => {
    expect([1.6, 1.7, 2.0, 2.6, -2.0].map(hotspotBand)).toEqual(["none", "hot-90", "hot-95", "hot-99", "cold-95"]);
  });

  it("calls an empty ward beside a busy cluster next to a hotspot, not a hotspot", () => {
    // A 5×5 grid: a busy ring of wards in the corner round ward 6, which has nothing.
    const grid = gridBoundaries(5, 5);
    const values = new Array<number>(25).fill(2);
    for (const i of [0, 1, 2, 5, 7, 10, 11, 12]) values[i] = 40;
    values[6] = 0;
    const gi = getisOrdGiStar(values, grid.neighbours);
    expect(hotspotBand(gi[6].z)).toMatch(/^hot-/); // significant through its neighbours alone
    expect(gi[6].band).toBe("near-hot");
    expect(gi[0].band).toMatch(/^hot-/);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    for (const [i, g] of gi.entries()) if (g.band.startsWith("hot")) expect(values[i]).toBeGreaterThan(mean);
  });

  it("calls a significant low z a cold spot only when the ward's own value is below the mean", () => {
    expect(calledBand(-2.7, 1, 10)).toBe("cold-99");
    expect(calledBand(-2.7, 10, 10)).toBe("near-cold");
    expect(calledBand(2.0, 10, 10)).toBe("near-hot");
    expect(calledBand(1.0, 0, 10)).toBe("none");
  });

  it("leaves a ward with no data out: no z-score, no band, and not a zero among its neighbours", () => {
    const grid = gridBoundaries(5, 5);
    const values: (number | null)[] = new Array<number>(25).fill(2);
    for (const i of [0, 1, 5, 6]) values[i] = 40;
    values[2] = null;
    const gi = wardGiStar(values, grid.neighbours);
    expect(gi[2]).toBeNull();
    expect(gi.filter((g) => g === null)).toHaveLength(1);
    // The others are Gi* of the 24 wards that have data, on the grid without ward 2.
    const kept = values.map((v, i) => ({ v, i })).filter(({ v }) => v !== null);
    const at = new Map(kept.map(({ i }, k) => [i, k]));
    const alone = getisOrdGiStar(
      kept.map(({ v }) => v as number),
      kept.map(({ i }) => grid.neighbours[i].filter((j) => at.has(j)).map((j) => at.get(j) as number)),
    );
    kept.forEach(({ i }, k) => expect(gi[i]?.z).toBeCloseTo(alone[k].z, 12));
    const stats = wardStatistics(
      grid,
      values.map((v) => v ?? 0),
      undefined,
      [2],
    );
    expect(stats[2].gi).toBeNull();
  });

  it("gives no hotspot where every value is the same", () => {
    expect(getisOrdGiStar([5, 5, 5], [[1], [0, 2], [1]]).map((g) => g.band)).toEqual(["none", "none", "none"]);
  });
});

describe("wardStatistics", () => {
  it("gives counts, rates per 1,000, shares, ranks and location quotients for every ward", () => {
    const grid = gridBoundaries(2, 1);
    const stats = wardStatistics(grid, [30, 10], [1000, 2000]);
    expect(stats.map((s) => [s.count, s.ratePer1000, s.share, s.rank])).toEqual([
      [30, 30, 0.75, 1],
      [10, 5, 0.25, 2],
    ]);
    expect(stats[0].locationQuotient).toBeCloseTo(30 / (40 / 3000) / 1000, 10);
    expect(stats[1].locationQuotient).toBeCloseTo(0.375, 10);
    expect(wardStatistics(grid, [0, 0])[0]).toMatchObject({ share: null, ratePer1000: null, locationQuotient: null });
  });
});
