import { promises as fs } from "node:fs";
import { wardAnalysis } from "../../../geo";
import { wardsResultSheet } from "../../../src/output";
import { WorkbookFile } from "../../../src/adapters/workbookFile";
import { computeAssessment } from "../../../src/core";
import { builtBoundaries, onsWardPopulation } from "../../helpers/boundaries";
import { sheet } from "../../helpers/grids";
import { SAMPLE } from "../../helpers/sample";

const boundaries = builtBoundaries();

async function sampleAnalysis() {
  const grids = await (
    await WorkbookFile.fromBytes(new Uint8Array(await fs.readFile(SAMPLE)), "sample")
  ).readWorkbook();
  return wardAnalysis(grids.sheets, computeAssessment(grids).tables, boundaries);
}

describe("wardAnalysis on the sample workbook", () => {
  it("makes a layer of every ward table and sheet of located records", async () => {
    const analysis = await sampleAnalysis();
    expect(analysis.layers.map((l) => [l.title, l.source])).toEqual([
      ["Young offenders by ward", "ward table"],
      ["Domestic abuse crimes by ward (illustrative)", "ward table"],
      ["Police extract (synthetic): crime by ward", "ward table"],
      ["Police extract (synthetic): domestic abuse by ward", "ward table"],
      ["Needle find locations", "points"],
    ]);
    expect(analysis.populationSheet).toBe("Population");
    expect(analysis.sites.map((s) => s.name)).toEqual(["Salvation Army, Union Street (One Stop Shop)"]);
  });

  it("calls High Street a significant hotspot but not Park Wood, whose high count has no cluster around it", async () => {
    const da = (await sampleAnalysis()).layers[1];
    const ward = (name: string) => da.wards.find((w) => w.name === name)!;
    expect(ward("High Street").gi?.band).toBe("hot-99");
    expect(ward("Park Wood").rank).toBe(2);
    expect(ward("Park Wood").gi?.band).toBe("none");
    // Rates per 1,000 use ONS's real mid-2020 residents, summed here straight from the published file.
    expect(ward("High Street").ratePer1000).toBeCloseTo((420 / onsWardPopulation("E05004996")) * 1000, 1);
    expect(da.wards.reduce((a, w) => a + (w.population ?? 0), 0)).toBe(173132);
  });

  it("marks wards a ward table does not mention as no data, not zero", async () => {
    const youth = (await sampleAnalysis()).layers[0];
    expect(youth.noData.map((i) => boundaries.wards[i].name)).toEqual(
      expect.arrayContaining(["Allington", "Fant", "South"]),
    );
    expect(youth.noData).toHaveLength(10);
    expect(youth.classification?.counts.reduce((a, b) => a + b, 0)).toBe(16);
  });

  it("places needle finds by named place, reporting the needle bins that have no single place", async () => {
    const analysis = await sampleAnalysis();
    const needles = analysis.layers.find((l) => l.title === "Needle find locations")!;
    expect(needles.wards.find((w) => w.name === "High Street")!.count).toBe(606);
    expect(needles.wards.find((w) => w.name === "North")!.count).toBe(262);
    expect(analysis.findings.map((f) => f.message)).toContainEqual(
      expect.stringMatching(/"Needle bins" is not in the Places sheet/),
    );
  });

  it("measures One Stop Shop coverage and suggests where rural provision would reach most", async () => {
    const da = (await sampleAnalysis()).layers[1];
    const coverage = da.coverage!;
    expect(coverage.shareWithin.map((s) => s.km)).toEqual([2, 5, 10]);
    expect(coverage.shareWithin[0].share).toBeLessThan(coverage.shareWithin[2].share);
    expect(coverage.wardDistances.find((w) => w.name === "High Street")!.km).toBeLessThan(1.5);
    expect(coverage.suggestions[0].site.name).toBe("Marden (village centre)");
  });

  it("gives no coverage without a Sites sheet, and says so: no borough's site is assumed", () => {
    const grids = [
      sheet("Wards", [
        ["Ward", "2018", "2019"],
        ["High Street", 10, 12],
        ["Park Wood", 8, 9],
        ["North", 3, 4],
        ["East", 5, 5],
      ]),
    ];
    const analysis = wardAnalysis(grids, computeAssessment({ sheets: grids }).tables, boundaries);
    expect(analysis.sites).toEqual([]);
    expect(analysis.layers[0].coverage).toBeNull();
    const notes = wardsResultSheet(analysis)
      .rows.flat()
      .filter((c): c is string => typeof c === "string");
    expect(notes.some((n) => n.includes("No One Stop Shop sites are given (add a Sites sheet)"))).toBe(true);
  });

  it("lists the closest wards for a label it cannot match, and never guesses", () => {
    const grids = [
      sheet("Wards", [
        ["Ward", "2019"],
        ["High Street", 10],
        ["Farnham", 4],
        ["Park Wood", 8],
        ["North", 3],
      ]),
    ];
    const analysis = wardAnalysis(grids, computeAssessment({ sheets: grids }).tables, boundaries);
    expect(analysis.layers[0].wards.filter((w) => w.count > 0).map((w) => w.name)).toEqual([
      "High Street",
      "North",
      "Park Wood",
    ]);
    expect(analysis.findings).toEqual([expect.objectContaining({ cell: "Wards!A3", kind: "ward-unmatched" })]);
    expect(analysis.findings[0].message).toMatch(/^Wards!A3: "Farnham" is not a ward of these boundaries; closest: /);
  });
});

describe("ward tables the boundaries do not map", () => {
  const names = boundaries.wards.map((w) => w.name);
  const analyse = (rows: (string | number)[][]) => {
    const grids = { sheets: [sheet("Wards", [["Ward", "2018/19", "2019/20"], ...rows])] };
    return wardAnalysis(grids.sheets, computeAssessment(grids).tables, boundaries);
  };

  it("are one warning when none of their wards are the boundaries'", () => {
    const other = analyse([
      ["Abbey Fields", 10, 12],
      ["Barrow Green", 20, 18],
      ["Castle Mead", 30, 33],
    ]);
    expect(other.layers).toEqual([]);
    expect(other.findings.map((f) => f.message)).toEqual([
      `Wards: the table Wards!A1:C4: 3 ward names, 0 in the boundaries given (${boundaries.wards.length} wards); it is left off the map`,
    ]);
  });

  it("say nothing when the table is of these wards but too short to map", () => {
    const short = analyse([
      [names[0], 10, 12],
      [names[1], 20, 18],
    ]);
    expect(short.layers).toEqual([]);
    expect(short.findings).toEqual([]);
  });
});
