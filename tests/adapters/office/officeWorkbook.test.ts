import { promises as fs } from "node:fs";
import { WorkbookFile } from "../../../src/adapters/workbookFile";
import { OfficeWorkbook, toOfficeValue } from "../../../src/adapters/office";
import { computeAssessment } from "../../../src/core";
import { assessmentJson } from "../../../src/output";
import { runAssessment } from "../../../src/job";
import type { WorkbookGrids } from "../../../src/model";
import { builtBoundaries } from "../../helpers/boundaries";
import { SAMPLE } from "../../helpers/sample";
import { FakeExcel } from "../../office/fakeExcel";

const MB4 = 4 * 1024 * 1024;
let sample: WorkbookGrids;

beforeAll(async () => {
  sample = await (await WorkbookFile.fromBytes(new Uint8Array(await fs.readFile(SAMPLE)), "sample")).readWorkbook();
});

/** A fake Excel holding the same cells as a workbook read by ExcelJS. */
function fakeOf(grids: WorkbookGrids, options = {}): FakeExcel {
  const excel = new FakeExcel(options);
  for (const grid of grids.sheets) {
    const values: (string | number | boolean)[][] = [];
    const formats: string[][] = [];
    grid.values.forEach((row, r) => {
      values[grid.top + r] = [];
      formats[grid.top + r] = [];
      row.forEach((v, c) => {
        values[grid.top + r][grid.left + c] = toOfficeValue(v);
        formats[grid.top + r][grid.left + c] = grid.numberFormats?.[r]?.[c] ?? "General";
      });
    });
    excel.addSheet(grid.name, values, formats);
  }
  return excel;
}

const inputSheets = (excel: FakeExcel) => excel.snapshot((name) => !name.startsWith("CSP "));

describe("OfficeWorkbook", () => {
  it("reads the workbook so the core computes exactly what it computes from the .xlsx", async () => {
    const excel = fakeOf(sample);
    const read = await new OfficeWorkbook(excel.run).readWorkbook();
    expect(assessmentJson(computeAssessment(read))).toEqual(assessmentJson(computeAssessment(sample)));
    expect(excel.stats.syncs).toBe(3);
  });

  it("computes and writes with a bounded number of syncs, no per-cell ranges, small requests and input sheets unchanged", async () => {
    const excel = fakeOf(sample);
    const before = inputSheets(excel);
    const run = await runAssessment(new OfficeWorkbook(excel.run), { boundaries: builtBoundaries() });
    const inputs = sample.sheets.length;
    const outputChunks = run.sheets.length;
    expect(excel.stats.syncs).toBeLessThanOrEqual(2 * inputs + outputChunks + 2);
    expect(excel.stats.syncs).toBeLessThanOrEqual(8);
    expect(excel.stats.singleCellRanges).toBe(0);
    expect(Math.max(...excel.stats.requestBytes)).toBeLessThan(MB4);
    expect(excel.stats.suspendCalls).toBeGreaterThan(0);
    expect(inputSheets(excel)).toBe(before);
    expect(excel.sheets.map((s) => s.name).filter((n) => n.startsWith("CSP "))).toEqual([
      "CSP Summary",
      "CSP MoRiLE",
      "CSP Tables",
      "CSP Months",
      "CSP Extract",
      "CSP Patterns",
      "CSP Intervention",
      "CSP Wards",
      "CSP Findings",
    ]);
    expect(excel.names.map((n) => n.name)).toEqual([
      "CSPAssess_Summary",
      "CSPAssess_MoRiLE",
      "CSPAssess_Tables",
      "CSPAssess_Months",
      "CSPAssess_Extract",
      "CSPAssess_Patterns",
      "CSPAssess_Intervention",
      "CSPAssess_Wards",
      "CSPAssess_Findings",
    ]);
    const findings = excel.sheet("CSP Findings")!;
    expect(findings.values[0].slice(0, 3)).toEqual(["Severity", "Cell", "Kind"]);
    expect(findings.values[1].slice(0, 2)).toEqual(["Error", "'Youth offending'!B19"]);
    expect(findings.frozenRows).toBe(1);
    // Needle finds are items found in batches, so their months are charted but not tested for unusual months.
    expect(excel.sheet("CSP Months")!.charts).toEqual([
      { type: "Line", title: "Needle finds removed by the council's waste management service", marked: [] },
    ]);
    // One chart per ward layer: youth, illustrative DA, the extract's crime and DA by ward, the Town Centre wards, needle finds.
    expect(excel.sheet("CSP Wards")!.charts.map((c) => c.type)).toEqual(Array(6).fill("BarClustered"));
    expect(excel.sheet("CSP Patterns")!.charts.map((c) => c.title)).toEqual([
      "Domestic abuse by month and weekday",
      "Domestic abuse by hour and weekday",
    ]);
    // The whole extract by month, crime and anti-social behaviour as two lines.
    expect(excel.sheet("CSP Extract")!.charts.map((c) => [c.type, c.title])).toEqual([
      ["Line", "Police extract (synthetic): records by month"],
    ]);
    const tables = excel.sheet("CSP Tables")!;
    const drug = tables.values.findIndex((row) => row[2] === "Drug offences");
    expect(tables.formats[drug][9]).toBe("0.0%");
  });

  it("marks a month series' unusual months on its chart", async () => {
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const burglaries = [
      ["Burglaries by month"],
      ["Month", "2018", "2019"],
      ...months.map((m, i) => [m, 100 + (i % 3), i === 4 ? 260 : 101 + (i % 2)]),
    ];
    const excel = fakeOf({ sheets: [{ name: "Burglary", top: 0, left: 0, values: burglaries }] });
    await runAssessment(new OfficeWorkbook(excel.run));
    // May 2019 (the second series' fifth point) is unusually high, and marked.
    expect(excel.sheet("CSP Months")!.charts).toEqual([
      { type: "Line", title: "Burglaries by month", marked: [{ series: 1, point: 4, style: "Circle" }] },
    ]);
  });

  it("replaces exactly its own sheets on a re-run, and gives the same results", async () => {
    const excel = fakeOf(sample);
    await runAssessment(new OfficeWorkbook(excel.run));
    const first = excel.snapshot();
    const names = JSON.stringify(excel.names);
    await runAssessment(new OfficeWorkbook(excel.run));
    expect(excel.snapshot()).toBe(first);
    expect(JSON.stringify(excel.names)).toBe(names);
  });

  it("lists the last run's result sheets without reading their cells", async () => {
    const excel = fakeOf(sample);
    await runAssessment(new OfficeWorkbook(excel.run));
    const read = await new OfficeWorkbook(excel.run).readWorkbook();
    const summary = read.sheets.find((s) => s.name === "CSP Summary")!;
    expect([summary.isResultSheet, summary.values]).toEqual([true, []]);
    expect(read.sheets.find((s) => s.name === "Police crime")!.values.length).toBeGreaterThan(0);
  });

  it("never replaces an analyst's sheet that shares a result sheet's name", async () => {
    const excel = fakeOf(sample);
    excel.addSheet("CSP Summary", [["My notes"]]);
    await runAssessment(new OfficeWorkbook(excel.run));
    expect(excel.sheet("CSP Summary")!.values).toEqual([["My notes"]]);
    expect(excel.sheet("CSP Summary (2)")!.values[0][0]).toBe("Sheet");
    expect(excel.names.find((n) => n.name === "CSPAssess_Summary")!.formula).toBe("='CSP Summary (2)'!$A$1");
  });

  it("leaves the analyst's sheets and the last results untouched when writing fails part-way, and says so", async () => {
    const excel = fakeOf(sample);
    await runAssessment(new OfficeWorkbook(excel.run));
    const before = excel.snapshot();
    excel.resetStats();
    const failing = Object.assign(excel, { options: { failAtSync: 5 } });
    await expect(runAssessment(new OfficeWorkbook(failing.run))).rejects.toThrow(
      /could not be written .*your own sheets are unchanged/,
    );
    expect(excel.snapshot()).toBe(before);
  });

  it("reads a sheet too big for one response on Excel on the web in blocks instead", async () => {
    const excel = fakeOf(sample, { responseLimitBytes: 5 * 1024 * 1024 });
    const big = Array.from({ length: 30000 }, (_, r) => [`Area ${r}`, r * 3, r * 3 + 1, r % 7]);
    excel.addSheet("Big", [["Area", "2018", "2019", "Note"], ...big]);
    const read = await new OfficeWorkbook(excel.run).readWorkbook();
    const grid = read.sheets.find((s) => s.name === "Big")!;
    expect(grid.values).toHaveLength(30001);
    expect(grid.values[30000]).toEqual(["Area 29999", 89997, 89998, 29999 % 7]);
    expect(Math.max(...excel.stats.responseBytes)).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(excel.stats.refusedResponses).toBeGreaterThan(0);
  });

  it("keeps every request under 4 MB and the sync bound on a 200,000 × 20 sheet", async () => {
    const excel = new FakeExcel({ requestLimitBytes: 5 * 1024 * 1024 });
    const header = ["Category", ...Array.from({ length: 18 }, (_, i) => `Note ${i + 1}`), "2019"];
    const rows = Array.from({ length: 200000 }, (_, r) => [
      `Category ${r}`,
      ...Array.from({ length: 18 }, () => ""),
      (r * 7919) % 1000,
    ]);
    excel.addSheet("Huge", [header, ...rows]);
    const run = await runAssessment(new OfficeWorkbook(excel.run));
    expect(run.assessment.tables[0].rows).toHaveLength(200000);
    const chunks = excel.stats.requestBytes.filter((b) => b > 1024 * 1024).length;
    expect(Math.max(...excel.stats.requestBytes)).toBeLessThan(MB4);
    expect(excel.stats.syncs).toBeLessThanOrEqual(2 * 1 + chunks + 2 + 2);
    expect(excel.stats.singleCellRanges).toBe(0);
    expect(excel.sheet("CSP Tables")!.values).toHaveLength(200001);
  });
});
