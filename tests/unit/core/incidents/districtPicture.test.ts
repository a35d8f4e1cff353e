import { districtPicture } from "../../../../src/core";

// A made-up force's police.uk download, LSOA by LSOA and month by month, as the extract counts it.
const DISTRICTS = ["Northby", "Southwick", "Eastham"];
const month = (year: number, m: number): number => year * 12 + m - 1;

function download(from: number, months: number, crimes: (district: number, m: number) => number) {
  const lsoaMonths = [];
  for (let m = from; m < from + months; m += 1)
    for (const [d, name] of DISTRICTS.entries())
      lsoaMonths.push({
        force: "Northshire Police",
        lsoaCode: `E0100000${d}`,
        lsoaName: `${name} 001A`,
        month: m,
        crime: crimes(d, m),
        antisocialBehaviour: 5,
      });
  return { lsoaMonths, forceMonths: [] };
}

describe("districtPicture", () => {
  it("pictures the latest 12 of 13 months, and compares only the month with a year-earlier month, saying so", () => {
    // June 2013 to June 2014; Northby has 100 crimes a month, and 130 in June 2014.
    const counts = download(month(2013, 6), 13, (d, m) => (d === 0 ? (m === month(2014, 6) ? 130 : 100) : 60 - d * 10));
    const picture = districtPicture(counts, { homeArea: "Northby" })!;
    expect(picture.months).toEqual({ from: "2013-07", to: "2014-06", count: 12 });
    expect(picture.comparedMonths).toEqual({ from: "2014-06", to: "2014-06", count: 1 });
    expect(picture.previousMonths).toEqual({ from: "2013-06", to: "2013-06" });
    const northby = picture.districts.find((d) => d.name === "Northby")!;
    expect([northby.count, northby.compared, northby.previous, northby.change]).toEqual([11 * 100 + 130, 130, 100, 30]);
    expect(picture.home!.sentence).toBe(
      "Northby had the highest number of crimes of the 3 Northshire districts in July 2013 to June 2014 (1,230); June 2014 against June 2013 only (the download starts in June 2013): up 30.0% (+30), against 15.8% for Northshire as a whole.",
    );
  });

  it("compares all twelve months with the twelve before when the download has two years", () => {
    const counts = download(month(2012, 7), 24, (d, m) => (m >= month(2013, 7) ? 110 : 100) - d * 20);
    const picture = districtPicture(counts, { homeArea: "Northby" })!;
    expect(picture.months).toEqual({ from: "2013-07", to: "2014-06", count: 12 });
    expect(picture.comparedMonths).toEqual({ from: "2013-07", to: "2014-06", count: 12 });
    const northby = picture.districts.find((d) => d.name === "Northby")!;
    expect(northby.compared).toBeUndefined();
    expect([northby.count, northby.previous]).toEqual([1320, 1200]);
    expect(picture.home!.sentence).toMatch(/, up 10\.0% \(\+120\) on the same months a year earlier, against/);
  });

  it("pictures every month of a download shorter than a year, with no change", () => {
    const picture = districtPicture(download(month(2022, 1), 3, () => 40))!;
    expect(picture.months.count).toBe(3);
    expect([picture.comparedMonths, picture.previousMonths, picture.previousTotal]).toEqual([null, null, null]);
  });
});
