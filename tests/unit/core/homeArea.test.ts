import { computeAssessment } from "../../../src/core";
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
    expect(a.headlines.map((h) => h.text)).toEqual(["Swale had the lowest number of burglary of the 3 Kent districts (99), up 10.0% (+9), against -3.2% for All Kent."]);
  });

  it("is named for the run before any Settings sheet, matched whatever its case", () => {
    const a = computeAssessment({ sheets: [districts("Burglary, Kent districts"), sheet("Settings", [["Home area", "Swale"]])] }, undefined, { homeArea: "maidstone" });
    expect(a.homeArea?.source).toBe("option");
    expect(a.tables[0].homeArea).toMatchObject({ label: "Maidstone", rank: 1, of: 3, pctChange: -0.2, aggregateLabel: "All Kent" });
  });

  it("is inferred only when exactly one area of the tables is named in their titles", () => {
    expect(computeAssessment({ sheets: [districts("Burglary in Maidstone and the Kent districts")] }).homeArea).toEqual({ name: "Maidstone", source: "inferred" });
    expect(computeAssessment({ sheets: [districts("Burglary in Maidstone and Swale")] }).homeArea).toBeNull();
    expect(computeAssessment({ sheets: [districts("Burglary, Kent districts")] }).homeArea).toBeNull();
  });
});
