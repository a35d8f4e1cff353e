// Emerging hotspots: the Mann–Kendall trend test against a hand-worked series and R's own
// example, and each of Esri's categories on a made-up row of wards.
import { emergingHotspots, emergingLabel } from "../../../geo/emergingHotspots";
import { mannKendall } from "../../../geo/mannKendall";

describe("the Mann–Kendall trend test", () => {
  it("counts concordant less discordant pairs, as worked by hand", () => {
    // 0.5, 1.2, 0.9, 1.8, 2.2, 1.9, 2.7, 3.1: of the 28 pairs two fall (1.2 → 0.9, 2.2 → 1.9), so S = 26 − 2 = 24.
    const result = mannKendall([0.5, 1.2, 0.9, 1.8, 2.2, 1.9, 2.7, 3.1]);
    expect(result.s).toBe(24);
    expect(result.tau).toBeCloseTo(24 / 28, 12);
    // Exact: P(S ≥ 24) is the share of the 8! orders with at most 2 inversions, (1 + 7 + 27) / 40320, doubled.
    expect(result.p).toBeCloseTo((2 * 35) / 40320, 12);
    expect(result.trend).toBe("up");
  });

  it('gives R\'s cor.test(method = "kendall") on its own documented example', () => {
    // R's ?cor.test example (Hollander & Wolfe): T = 26, tau = 0.4444444, p-value = 0.05972 one-sided.
    const x = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1];
    const y = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8];
    // Kendall's tau between x and y is the trend of y taken in the order of x.
    const inOrder = x
      .map((v, i) => ({ v, y: y[i] }))
      .sort((a, b) => a.v - b.v)
      .map((p) => p.y);
    const result = mannKendall(inOrder);
    expect(result.tau).toBeCloseTo(0.4444444, 7);
    expect(result.s).toBe(2 * 26 - 36); // T = 26 concordant of 36 pairs
    expect(result.p / 2).toBeCloseTo(0.05972, 5);
  });

  it("uses the normal approximation with the tie correction when values tie", () => {
    const result = mannKendall([1, 2, 2, 3, 3, 3, 4, 5]);
    expect(result.trend).toBe("up");
    expect(result.p).toBeGreaterThan(0);
    expect(result.p).toBeLessThan(0.01);
    expect(mannKendall([3, 3, 3, 3]).p).toBe(1);
  });
});

/** A grid of 6 × 6 wards, each bordering the wards beside, above and below it. */
const SIDE = 6;
const GRID = Array.from({ length: SIDE * SIDE }, (_, i) => {
  const [r, c] = [Math.floor(i / SIDE), i % SIDE];
  return [
    [r - 1, c],
    [r + 1, c],
    [r, c - 1],
    [r, c + 1],
  ]
    .filter(([y, x]) => y >= 0 && y < SIDE && x >= 0 && x < SIDE)
    .map(([y, x]) => y * SIDE + x);
});
/** The corner block of four wards that the made-up crime gathers in. */
const CORNER = [0, 1, 6, 7];
const quiet = GRID.map((_, i) => 20 + (i % 3));
const busy = (level: number): number[] => quiet.map((v, i) => (CORNER.includes(i) ? level : v));
const patternOf = (levels: number[]): string =>
  emergingLabel(
    emergingHotspots(
      levels.map((l) => (l > 0 ? busy(l) : quiet)),
      GRID,
    )[0],
  );

describe("emerging hot and cold spots", () => {
  it("needs four periods", () => {
    expect(emergingHotspots([quiet, quiet, quiet], GRID)).toEqual([]);
  });

  it("finds a new hot spot in the last period only, and no pattern where nothing happened", () => {
    const wards = emergingHotspots([quiet, quiet, quiet, quiet, busy(120)], GRID);
    expect(CORNER.map((i) => emergingLabel(wards[i]))).toEqual(Array(4).fill("New hot spot"));
    expect(emergingLabel(wards[35])).toBe("No pattern");
  });

  it("tells persistent, intensifying, consecutive, historical, sporadic and oscillating hot spots apart", () => {
    expect(patternOf(Array(10).fill(120))).toBe("Persistent hot spot");
    expect(patternOf([60, 70, 80, 90, 100, 110, 120, 130, 140, 150])).toBe("Intensifying hot spot");
    expect(patternOf([0, 0, 0, 0, 0, 0, 120, 120, 120])).toBe("Consecutive hot spot");
    expect(patternOf([...Array(10).fill(120), 0])).toBe("Historical hot spot");
    expect(patternOf([0, 120, 0, 0, 120, 0, 0, 0, 120])).toBe("Sporadic hot spot");
    // Hot, then a cold spot (the corner empty), then hot again at the end.
    const oscillating = [busy(120), busy(0), quiet, quiet, busy(120)];
    expect(emergingLabel(emergingHotspots(oscillating, GRID)[0])).toBe("Oscillating hot spot");
  });

  it("finds a cold spot's pattern as a hot spot's mirror", () => {
    const wards = emergingHotspots([quiet, quiet, quiet, quiet, busy(0)], GRID);
    expect(emergingLabel(wards[0])).toBe("New cold spot");
  });
});
