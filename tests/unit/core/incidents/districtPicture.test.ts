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

describe("districts renamed or merged since police.uk named their LSOAs", () => {
  /** LSOAs named by old districts, as police.uk's 2011 LSOA names keep them. */
  function oldNames(names: readonly string[]) {
    const lsoaMonths = names.map((name, i) => ({
      force: "Kent Police",
      lsoaCode: `E0100010${i}`,
      lsoaName: `${name} 00${i}A`,
      month: month(2022, 1),
      crime: 100 + i * 10,
      antisocialBehaviour: 7,
    }));
    return { lsoaMonths, forceMonths: [] };
  }

  it("puts each under its district now, joins the population by that name, and says the old name once", () => {
    const counts = oldNames(["Shepway", "Shepway", "Maidstone"]);
    const populations = new Map([
      ["folkestone and hythe", 112_000],
      ["maidstone", 173_000],
    ]);
    // The home area found by the name the analyst may still use.
    const picture = districtPicture(counts, { homeArea: "Shepway", populations })!;
    expect(picture.districts.map((d) => [d.name, d.count, d.was ?? null])).toEqual([
      ["Folkestone and Hythe", 210, ["Shepway"]],
      ["Maidstone", 120, null],
    ]);
    expect(picture.districts[0].population).toBe(112_000);
    expect(picture.renamed).toBe(
      "police.uk names LSOAs by their districts of 2011: Shepway is Folkestone and Hythe since 2018.",
    );
    expect(picture.home?.name).toBe("Folkestone and Hythe");
    expect(picture.home?.figures).toBe(
      "January 2022: 210 crimes and 14 anti-social behaviour incidents in Folkestone and Hythe (the records police.uk places in its LSOAs), of 330 crimes and 21 incidents in Kent Police's area as a whole.",
    );
  });

  it("merges the old districts of one new one, and names them together", () => {
    const picture = districtPicture(oldNames(["Allerdale", "Carlisle", "Copeland", "Eden"]))!;
    expect(picture.districts.map((d) => [d.name, d.count])).toEqual([
      ["Cumberland", 100 + 110 + 120],
      ["Westmorland and Furness", 130],
    ]);
    expect(picture.renamed).toBe(
      "police.uk names LSOAs by their districts of 2011: Allerdale, Carlisle and Copeland are Cumberland since 2023; Eden is Westmorland and Furness since 2023.",
    );
  });

  it("joins a renamed district by code through an ONS lookup, its population by that code", () => {
    const counts = oldNames(["Shepway", "Maidstone"]);
    const lsoaDistricts = new Map([
      ["E01000100", { name: "Folkestone and Hythe", code: "E07000112" }],
      ["E01000101", { name: "Maidstone", code: "E07000110" }],
    ]);
    const populations = new Map([
      ["e07000112", 112_000],
      ["e07000110", 173_000],
    ]);
    const picture = districtPicture(counts, { lsoaDistricts, populations, homeArea: "E07000112" })!;
    expect(picture.districts.map((d) => [d.name, d.code, d.population])).toEqual([
      ["Maidstone", "E07000110", 173_000],
      ["Folkestone and Hythe", "E07000112", 112_000],
    ]);
    expect(picture.home?.name).toBe("Folkestone and Hythe");
  });

  it("leaves a district that has not changed as police.uk names it", () => {
    expect(districtPicture(oldNames(["Maidstone", "Swale"]))!.renamed).toBeNull();
  });
});
