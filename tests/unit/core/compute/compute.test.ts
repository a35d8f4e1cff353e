import {
  compareValues,
  computeTable,
  cumulativeShares,
  discoverTables,
  formatCount,
  formatPercent,
  formatSignedCount,
  monthSeries,
  rankValues,
} from "../../../../src/core";
import { sheet } from "../../../helpers/grids";

describe("compareValues", () => {
  it("gives change and % change as a fraction", () => {
    const c = compareValues(318, 394);
    expect(c.change).toBe(76);
    expect(c.pctChange).toBeCloseTo(0.238994, 6);
    expect(c.status).toBe("rise");
  });

  it("is explicit about a zero or missing base: no NaN, no Infinity", () => {
    expect(compareValues(0, 5)).toEqual({ change: 5, pctChange: null, status: "new" });
    expect(compareValues(0, 0)).toEqual({ change: 0, pctChange: null, status: "unchanged" });
    expect(compareValues(null, 5)).toEqual({ change: null, pctChange: null, status: "n/a" });
    expect(compareValues(8, 0)).toEqual({ change: -8, pctChange: -1, status: "fall" });
  });

  it("cleans floating-point noise", () => {
    expect(compareValues(0.1, 0.3).change).toBe(0.2);
  });
});

describe("computeTable", () => {
  const result = computeTable(
    discoverTables(
      sheet("Crime", [
        ["Crime", "2019/20", "2017/18", "2018/19"], // this year first, as the seed's hate-crime table has it
        ["Burglary", 120, 100, 150],
        ["Robbery", 30, null, 20],
        ["Total", 150, 100, 170],
      ]),
    )[0],
  );

  it("compares every pair of consecutive periods, oldest first, and the newest pair on the row", () => {
    const [burglary, robbery] = result.rows;
    expect(burglary.values).toEqual([100, 150, 120]);
    expect(burglary.steps).toEqual([compareValues(100, 150), compareValues(150, 120)]);
    expect([burglary.change, burglary.pctChange, burglary.status]).toEqual([-30, -0.2, "fall"]);
    expect(robbery.steps).toEqual([{ change: null, pctChange: null, status: "n/a" }, compareValues(20, 30)]);
    expect(robbery.status).toBe("rise");
  });

  it("totals each column over the data rows, leaving out missing values and the total row", () => {
    expect(result.columnTotals).toEqual([100, 170, 150]);
  });
});

describe("rankValues", () => {
  it("ranks highest first with shared ranks for ties and none for missing", () => {
    expect(rankValues([4, 9, 4, null, 1])).toEqual([2, 1, 2, null, 4]);
  });

  it("does not mutate its input", () => {
    const values = Object.freeze([3, 1, 2]);
    expect(rankValues(values)).toEqual([1, 3, 2]);
  });
});

describe("cumulativeShares", () => {
  it("accumulates shares in rank order", () => {
    const values = [10, 30, 60];
    const shares = cumulativeShares(values, rankValues(values));
    expect(shares[2]).toBeCloseTo(0.6, 12);
    expect(shares[1]).toBeCloseTo(0.9, 12);
    expect(shares[0]).toBeCloseTo(1, 12);
  });

  it("gives none when the total is zero", () => {
    expect(cumulativeShares([0, 0], [1, 1])).toEqual([null, null]);
  });
});

describe("monthSeries", () => {
  it("gives totals, peak month and seasonal index", () => {
    const s = monthSeries(
      ["Jan", "Feb"],
      [
        [10, 20],
        [30, 20],
      ],
    );
    expect(s.totals).toEqual([40, 40]);
    expect(s.peaks).toEqual([
      { month: "Feb", value: 30 },
      { month: "Jan", value: 20 },
    ]);
    expect(s.seasonalIndex[0].index).toBeCloseTo(0.75, 12);
    expect(s.seasonalIndex[1].index).toBeCloseTo(1.25, 12);
  });
});

describe("number formatting", () => {
  it("writes numbers as the seed does", () => {
    expect(formatCount(1934)).toBe("1,934");
    expect(formatCount(-297)).toBe("-297");
    expect(formatCount(3.7)).toBe("3.7");
    expect(formatPercent(0.2389937)).toBe("23.9%");
    expect(formatPercent(-0.0172234)).toBe("-1.7%");
    expect(formatPercent(-0.0000001)).toBe("0.0%");
    expect(formatSignedCount(76)).toBe("+76");
    expect(formatSignedCount(0)).toBe("0");
  });

  it("keeps the zeros of whole numbers and groups every size", () => {
    expect([100, 1000, -1000, 1234567.891, 0.5, -0.001].map((v) => formatCount(v))).toEqual([
      "100",
      "1,000",
      "-1,000",
      "1,234,567.89",
      "0.5",
      "0",
    ]);
    expect([formatCount(100, 0), formatCount(1234.5, 0)]).toEqual(["100", "1,235"]);
    expect([formatPercent(12.345), formatPercent(0.239, 0), formatPercent(0)]).toEqual(["1,234.5%", "24%", "0.0%"]);
  });
});
