import { parsePeriod } from "../../../../src/core";

describe("parsePeriod", () => {
  it.each([
    ["2017/18", "span", 2017 * 12 + 3],
    ["2017/2018", "span", 2017 * 12 + 3],
    ["2018-19", "span", 2018 * 12 + 3],
    ["2019", "year", 2019 * 12],
    ["Sep-17 to Aug-18", "span", 2017 * 12 + 8],
    ["Oct 17 - Sep 18", "span", 2017 * 12 + 9],
    ["October-18 to September-19", "span", 2018 * 12 + 9],
    ["Nov 18 – Oct 19", "span", 2018 * 12 + 10],
    ["Q3 2019", "quarter", 2019 * 12 + 6],
    ["Oct-19", "month", 2019 * 12 + 9],
    ["Last Year", "relative", -1],
    ["This Year", "relative", 0],
    ["Previous year", "relative", -1],
    ["Current year", "relative", 0],
  ])("reads %p", (label, kind, order) => {
    expect(parsePeriod(label)).toMatchObject({ label, kind, order });
  });

  it("reads a year typed as a number and a date header", () => {
    expect(parsePeriod(2018)).toMatchObject({ kind: "year", order: 2018 * 12 });
    expect(parsePeriod(new Date(Date.UTC(2019, 9, 1)))).toMatchObject({ kind: "month", label: "Oct 2019" });
  });

  it("gives a twelve-month length to annual periods", () => {
    expect(parsePeriod("Sep-17 to Aug-18")?.months).toBe(12);
    expect(parsePeriod("2018-19")?.months).toBe(12);
  });

  it.each(["Age", "18 - 24", "65+", "Total", "2018-2030", "Count", "Female", 3.5, 42, "Age 13", ""])(
    "rejects %p",
    (label) => {
      expect(parsePeriod(label)).toBeNull();
    },
  );

  it("orders the seed's period styles in time", () => {
    const labels = ["Oct 18 - Sep 19", "Oct 17 - Sep 18"];
    const sorted = labels
      .map((l) => parsePeriod(l)!)
      .sort((a, b) => a.order - b.order)
      .map((p) => p.label);
    expect(sorted).toEqual(["Oct 17 - Sep 18", "Oct 18 - Sep 19"]);
  });
});
