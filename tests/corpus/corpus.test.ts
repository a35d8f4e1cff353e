// The hostile corpus, run as "Compute assessment" runs a file: every case gets the outcome
// docs/RELIABILITY.md promises, and every accepted workbook's output opens, keeps the
// analyst's parts byte for byte and their cells as LibreOffice reads them, and is the same on
// a second run.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SAMPLE } from "../helpers/sample";
import { resavedByLibreOffice, sheetsAsCsvMany } from "../helpers/spreadsheetApp";
import { type CorpusCase, hostileCorpus } from "./hostileCorpus";
import { type CaseRun, outputProblems, runCase } from "./runCorpus";
import { TABLE_END, TABLE_START, reliabilityTable } from "./reliabilityPage";

let dir: string;
let cases: CorpusCase[];
const runs = new Map<string, CaseRun>();
const problems = new Map<string, string[]>();

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-corpus-"));
  const sample = new Uint8Array(await fs.readFile(SAMPLE));
  const byLibreOffice = new Uint8Array(await fs.readFile(resavedByLibreOffice(SAMPLE, path.join(dir, "lo"))));
  cases = await hostileCorpus(sample, byLibreOffice);
  for (const c of cases) {
    const run = await runCase(c.bytes, c.name);
    runs.set(c.name, run);
    problems.set(c.name, await outputProblems(c.bytes, run));
  }
}, 600000);
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("the hostile corpus", () => {
  it("gives every case its promised outcome, with no crash and no problem in any output", () => {
    const seen = cases.map((c) => {
      const run = runs.get(c.name)!;
      const reason =
        c.expect.outcome === "exceljs" ? c.expect.reason : c.expect.outcome === "refused" ? c.expect.message : null;
      const told = run.outcome === "refused" ? run.message : run.notes.join(" ");
      return {
        name: c.name,
        outcome: run.outcome,
        told: reason ? reason.test(told) : true,
        note: c.note ? c.note.test(told) : true,
        problems: problems.get(c.name),
      };
    });
    expect(seen).toEqual(
      cases.map((c) => ({ name: c.name, outcome: c.expect.outcome, told: true, note: true, problems: [] })),
    );
    // A refusal names the file, and is one line.
    for (const c of cases.filter((k) => k.expect.outcome === "refused"))
      expect(runs.get(c.name)!.message).toMatch(new RegExp(`^${c.name.replace(/\./g, "\\.")} [^\n]+$`));
  });

  it("computes a workbook whose CSP sheets carry charts and a picture again through the package, keeping the analyst's chart", async () => {
    const run = runs.get("earlier-run-with-charts.xlsx")!;
    expect(run.outcome).toBe("package");
    const { ZipPackage } = await import("../../src/adapters/xlsx");
    const names = ZipPackage.open(run.output!)!.names();
    // The analyst's chart on Police crime, its drawing and the image it shares with our old picture stay.
    expect(names).toEqual(
      expect.arrayContaining(["xl/drawings/drawing3.xml", "xl/charts/chart3.xml", "xl/media/image1.png"]),
    );
    // Our old sheets' drawings and chart went with them.
    expect(names.filter((n) => /drawing[12]\.xml|chart1\.xml/.test(n))).toEqual([]);
    expect(run.sheets).toEqual(["CSP Summary", "CSP Tables", "CSP Findings"]);
  });

  it("writes labels that look like formulas back as text", async () => {
    const run = runs.get("formula-like-labels.xlsx")!;
    const { ZipPackage } = await import("../../src/adapters/xlsx");
    const { nodeDeflateCodec } = await import("../../src/adapters/node/nodeDeflateCodec");
    const zip = ZipPackage.open(run.output!)!;
    const texts = await Promise.all(
      zip
        .names()
        .filter((n) => n.startsWith("xl/worksheets/sheet"))
        .map((n) => zip.text(n, nodeDeflateCodec)),
    );
    const ours = texts.filter((t) => t!.includes("=SUM(B2:B3)") || t!.includes("@risk")).join("");
    expect(ours).toContain("@risk");
    expect(ours).not.toMatch(/<f[\s>]/);
  });

  it("keeps every analyst cell as LibreOffice reads it, in every accepted workbook", async () => {
    const accepted = cases.filter((c) => runs.get(c.name)!.output);
    const files: string[] = [];
    for (const c of accepted) {
      const input = path.join(dir, "in", c.name);
      const output = path.join(dir, "out", c.name);
      await fs.mkdir(path.dirname(input), { recursive: true });
      await fs.mkdir(path.dirname(output), { recursive: true });
      await fs.writeFile(input, c.bytes);
      await fs.writeFile(output, runs.get(c.name)!.output!);
      files.push(input, output);
    }
    const csv = await sheetsAsCsvMany(files);
    const differences: string[] = [];
    for (const c of accepted) {
      const before = csv.get(path.join(dir, "in", c.name))!;
      const after = csv.get(path.join(dir, "out", c.name))!;
      if (before.size === 0) continue; // LibreOffice opens the input with no sheets to compare
      for (const [sheet, text] of before) if (after.get(sheet) !== text) differences.push(`${c.name}: ${sheet}`);
      if (![...after.keys()].some((s) => s.startsWith("CSP "))) differences.push(`${c.name}: no result sheets`);
    }
    expect(differences).toEqual([]);
  }, 600000);

  it("replaces our sheets on a re-run, and gives byte-identical outputs for two runs of one workbook", async () => {
    const differences: string[] = [];
    for (const c of cases.filter((k) => runs.get(k.name)!.outcome === "package")) {
      const first = runs.get(c.name)!;
      const again = await runCase(c.bytes, c.name);
      const rerun = await runCase(first.output!, c.name);
      if (!Buffer.from(again.output!).equals(Buffer.from(first.output!)))
        differences.push(`${c.name}: two runs differ`);
      if (rerun.outcome !== "package" || rerun.sheets.join() !== first.sheets.join())
        differences.push(`${c.name}: a re-run gave ${rerun.outcome} ${rerun.sheets.join(", ")}`);
      const stillProblems = await outputProblems(first.output!, rerun);
      if (stillProblems.length) differences.push(`${c.name}: on a re-run, ${stillProblems.join("; ")}`);
    }
    expect(differences).toEqual([]);
  }, 600000);

  it("is the table docs/RELIABILITY.md shows (npm run corpus writes it)", async () => {
    const page = await fs.readFile(path.join(__dirname, "..", "..", "docs", "RELIABILITY.md"), "utf8");
    const shown = page.slice(page.indexOf(TABLE_START), page.indexOf(TABLE_END) + TABLE_END.length);
    const table = reliabilityTable(
      cases.map((c) => ({ case: c, run: runs.get(c.name)!, problems: problems.get(c.name)! })),
    );
    expect(shown).toBe(table);
  });
});
