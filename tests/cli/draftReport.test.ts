// The draft Strategic Assessment from the command line, opened in LibreOffice Writer as a
// reader of the report would open it.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { runCli } from "../helpers/cli";
import { SAMPLE, SAMPLE_WARDS } from "../helpers/sample";
import { documentText } from "../helpers/spreadsheetApp";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-report-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const media = (docx: Uint8Array): string[] =>
  Object.keys(unzipSync(docx)).filter((p) => /^word\/media\/.+\.png$/.test(p));

describe("csp-assess compute --report", () => {
  it("writes the sample's draft: title page, key changes, themes in MoRiLE order, maps, ranking, findings and sources", async () => {
    const report = path.join(dir, "sample.docx");
    const result = await runCli(
      "compute",
      SAMPLE,
      ...SAMPLE_WARDS,
      "--out",
      path.join(dir, "o.xlsx"),
      "--report",
      report,
      "--area",
      "Maidstone",
      "--date",
      "2020-03-31",
    );
    expect(result.err).toEqual([]);
    expect(result.out).toContain(`Draft report: ${report}`);
    const text = await documentText(report);
    expect(text).toContain("Maidstone Community Safety Partnership");
    expect(text).toContain("Drafted 31/03/2020.");
    const keyChanges = text.indexOf("Key changes");
    expect(keyChanges).toBeGreaterThan(0);
    expect(text).toContain("Drug offences rose by 23.9%, from 318 to 394 (+76)");
    // Themes in rank order, each after the key changes.
    const first = text.indexOf("1. Domestic abuse (incl. stalking)");
    const second = text.indexOf("2. Serious, violent and organised crime");
    expect(first).toBeGreaterThan(keyChanges);
    expect(second).toBeGreaterThan(first);
    expect(text).toMatch(/MoRiLE ranking \(Linear preset\)/);
    expect(text).toContain("Ward maps");
    expect(text).toContain("Appendix: audit findings");
    expect(text).toContain("TOTAL (2018-19) states 35 but the 16 rows it totals sum to 34");
    expect(text).toContain("Open Government Licence");
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    const bytes = new Uint8Array(await fs.readFile(report));
    expect(media(bytes).length).toBeGreaterThanOrEqual(1);
  }, 180000);

  it("gives the same document for the same workbook, dated by --date, never the clock", async () => {
    const a = path.join(dir, "a.docx");
    const b = path.join(dir, "b.docx");
    // In one process, as a long-lived pane would: nothing carries over from one report to the next.
    expect((await runCli("compute", SAMPLE, "--report", a, "--date", "2020-03-31")).code).toBe(0);
    expect((await runCli("compute", SAMPLE, "--report", b, "--date", "2020-03-31")).code).toBe(0);
    expect(Buffer.compare(await fs.readFile(a), await fs.readFile(b))).toBe(0);
    const core = new TextDecoder().decode(unzipSync(new Uint8Array(await fs.readFile(a)))["docProps/core.xml"]);
    expect(core).toContain("2020-03-31T00:00:00Z");
    expect((await runCli("compute", SAMPLE, "--report", a, "--date", "2020-02-30")).err).toEqual([
      'csp-assess: --date must be a real day written YYYY-MM-DD (not "2020-02-30")',
    ]);
  }, 120000);

  it("leaves out what a workbook without MoRiLE or ward data cannot give, with no empty headings", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook
      .addWorksheet("Crime")
      .addRows([
        ["Police recorded crime"],
        ["Crime type", "2018/19", "2019/20"],
        ["Burglary", 420, 380],
        ["Robbery", 60, 75],
        ["Total", 480, 455],
      ]);
    const input = path.join(dir, "plain.xlsx");
    await workbook.xlsx.writeFile(input);
    const report = path.join(dir, "plain.docx");
    const plain = await runCli("compute", input, "--report", report);
    expect(plain.err).toEqual([]);
    const text = await documentText(report);
    expect(text).toContain("Key changes");
    expect(text).toContain("Police recorded crime");
    expect(text).toContain("Robbery rose by 25.0%, from 60 to 75 (+15)");
    for (const absent of ["MoRiLE ranking", "Ward maps", "Other tables", "Appendix: audit findings"])
      expect(text).not.toContain(absent);
    expect(media(new Uint8Array(await fs.readFile(report)))).toEqual([]);
    // Every heading has something under it.
    const lines = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    for (const heading of ["Key changes", "Police recorded crime", "Sources"]) {
      const at = lines.indexOf(heading);
      expect([heading, at >= 0 && at + 1 < lines.length]).toEqual([heading, true]);
    }
  }, 120000);
});
