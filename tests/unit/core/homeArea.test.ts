import { assessmentOptions, computeAssessment } from "../../../src/core";
import { sheet } from "../../helpers/grids";

const districts = (title: string) =>
  sheet("Districts", [
    [title],
    ["District", "2018/19", "2019/20"],
    ["Ashford", 100, 110],
    ["Maidstone", 150, 120],
    ["Swale", 90, 99],
    ["All Kent", 340, 329],
  ]);

describe("the home area", () => {
  it("comes from a Settings sheet, and words its table as one sentence", () => {
    const settings = sheet("Settings", [["Home area", "Swale"]]);
    const a = computeAssessment({ sheets: [districts("Burglary, Kent districts"), settings] });
    expect(a.homeArea).toEqual({ name: "Swale", source: "settings" });
    expect(a.headlines.map((h) => h.text)).toEqual([
      // 99 against 110 and 120 could be any place by chance alone, and the sentence says so.
      "Swale had the lowest number of burglary of the 3 Kent districts (99), up 10.0% (+9), against -3.2% for All Kent. Allowing for chance variation in counts of this size, it ranks between the highest and the lowest.",
    ]);
  });

  it("names what an untitled table counts from its sheet", () => {
    const untitled = sheet("Psychoactive admissions", [
      ["District", "2018/19", "2019/20"],
      ["Ashford", 400, 410],
      ["Maidstone", 690, 636],
      ["Swale", 500, 520],
    ]);
    const a = computeAssessment({ sheets: [untitled] }, undefined, assessmentOptions({ homeArea: "Maidstone" }));
    expect(a.headlines[0].text).toMatch(
      /^Maidstone had the highest number of psychoactive admissions of the 3 districts \(636\), down 7\.8% \(-54\)/,
    );
    expect(a.headlines[0].homeArea).toBe(true);
  });

  it("is named for the run before any Settings sheet, matched whatever its case", () => {
    const a = computeAssessment(
      { sheets: [districts("Burglary, Kent districts"), sheet("Settings", [["Home area", "Swale"]])] },
      undefined,
      assessmentOptions({ homeArea: "maidstone" }),
    );
    expect(a.homeArea?.source).toBe("option");
    expect(a.tables[0].homeArea).toMatchObject({
      label: "Maidstone",
      rank: 1,
      of: 3,
      pctChange: -0.2,
      aggregateLabel: "All Kent",
    });
  });

  it("is inferred only when exactly one area of the tables is named in their titles", () => {
    expect(computeAssessment({ sheets: [districts("Burglary in Maidstone and the Kent districts")] }).homeArea).toEqual(
      { name: "Maidstone", source: "inferred" },
    );
    expect(computeAssessment({ sheets: [districts("Burglary in Maidstone and Swale")] }).homeArea).toBeNull();
    expect(computeAssessment({ sheets: [districts("Burglary, Kent districts")] }).homeArea).toBeNull();
  });
});

describe("the home area in a table of one period", () => {
  const forces = sheet("P1", [
    ["Table P1: Police recorded crime by offence group and police force area, English regions and Wales"],
    ["Area Code", "Area Name", "Total recorded crime (excluding fraud)", "Theft offences"],
    [null, null, "Percentage change", "Percentage change"],
    ["K04000001", "ENGLAND AND WALES7", 7.2, 3.1],
    ["E23000032", "Kent", 17.8, 9.9],
    ["E23000031", "Surrey7", 20.5, 4.4],
    ["E23000033", "Sussex", 5.1, ".."],
    ["E23000030", "Hampshire", 12.2, 1.2],
    ["E23000029", "Thames Valley", -2.4, -3],
  ]);

  it("ranks it by the first column, in the column's unit, against the parent area", () => {
    const a = computeAssessment({ sheets: [forces] }, undefined, assessmentOptions({ homeArea: "Kent" }));
    expect(a.tables[0].homeArea).toMatchObject({
      label: "Kent",
      code: "E23000032",
      column: "Total recorded crime (excluding fraud)",
      value: 17.8,
      rank: 2,
      of: 5,
      aggregateLabel: "ENGLAND AND WALES",
      aggregateValue: 7.2,
    });
    expect(a.tables[0].homeArea?.sentence).toBe(
      "Kent had the 2nd highest percentage change in total recorded crime (excluding fraud) of the 5 police force areas (+17.8%), against +7.2% for ENGLAND AND WALES.",
    );
  });

  it("is not looked for in a table whose rows are not areas", () => {
    const places = sheet("Places", [
      ["Location", "Count"],
      ["Maidstone", 10],
      ["Week Street", 4],
      ["Lockmeadow", 3],
    ]);
    expect(
      computeAssessment({ sheets: [places] }, undefined, assessmentOptions({ homeArea: "Maidstone" })).tables[0]
        .homeArea,
    ).toBeUndefined();
  });
});
