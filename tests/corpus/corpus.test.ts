// The hostile corpus, run as "Compute assessment" runs a file: every case gets the outcome
// docs/RELIABILITY.md promises, and every accepted workbook's output opens, keeps the
// analyst's parts byte for byte and their cells as LibreOffice reads them, and is the same on
// a second run.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openedByOpenpyxl } from "../helpers/otherWriters";
import { sheetsAsCsvMany } from "../helpers/spreadsheetApp";
import { fullCorpus } from "./fullCorpus";
import type { CorpusCase } from "./hostileCorpus";
import { type CaseRun, outputProblems, runCase } from "./runCorpus";
import { TABLE_END, TABLE_START, reliabilityTable } from "./reliabilityPage";

let dir: string;
let cases: CorpusCase[];
const runs = new Map<string, CaseRun>();
const problems = new Map<string, string[]>();

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-corpus-"));
  cases = await fullCorpus(dir);
  for (const c of cases) {
    const run = await runCase(c.bytes, c.name);
    runs.set(c.name, run);
    problems.set(c.name, await outputProblems(c.bytes, run));
  }
}, 600000);
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

let written: { name: string; input: string; output: string }[] | undefined;
/** Every accepted case's input and output as files, written once for the applications that open them. */
async function writeAccepted(): Promise<{ name: string; input: string; output: string }[]> {
  if (written) return written;
  written = [];
  for (const c of cases.filter((k) => runs.get(k.name)!.output)) {
    const input = path.join(dir, "in", c.name);
    const output = path.join(dir, "out", c.name);
    await fs.mkdir(path.dirname(input), { recursive: true });
    await fs.mkdir(path.dirname(output), { recursive: true });
    await fs.writeFile(input, c.bytes);
    await fs.writeFile(output, runs.get(c.name)!.output!);
    written.push({ name: c.name, input, output });
  }
  return written;
}

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
      expect(runs.get(c.name)!.message).toMatch(new RegExp(`^${c.name.replace(/\./g, "\\.")}:? [^\n]+$`));
    // …in the analyst's terms: no JavaScript error text, no parser's event object.
    const javascript = /Cannot read propert|is not a function|undefined \(reading|Unexpected xml node|\{"name":/;
    expect(cases.filter((c) => javascript.test(runs.get(c.name)!.message)).map((c) => c.name)).toEqual([]);
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
    const accepted = await writeAccepted();
    const csv = await sheetsAsCsvMany(accepted.flatMap((a) => [a.input, a.output]));
    const differences: string[] = [];
    for (const a of accepted) {
      const before = csv.get(a.input)!;
      const after = csv.get(a.output)!;
      // LibreOffice opens the input with no sheets or no cells to compare (it does not read an
      // Excel 2007 beta's namespaces, say).
      if ([...before.values()].every((text) => text.replace(/[,\s]/g, "") === "")) continue;
      for (const [sheet, text] of before) if (after.get(sheet) !== text) differences.push(`${a.name}: ${sheet}`);
      if (![...after.keys()].some((s) => s.startsWith("CSP "))) differences.push(`${a.name}: no result sheets`);
    }
    expect(differences).toEqual([]);
  }, 600000);

  it("opens in openpyxl with every analyst sheet as it read the input, in every accepted workbook openpyxl opens", async () => {
    const accepted = await writeAccepted();
    const opened = openedByOpenpyxl(accepted.flatMap((a) => [a.input, a.output]));
    const differences: string[] = [];
    let compared = 0;
    for (const a of accepted) {
      const before = opened.get(a.input)!;
      const after = opened.get(a.output)!;
      // openpyxl cannot open the input either, or reads no cells of it (it does not know Strict
      // or an Excel 2007 beta's namespaces).
      if (typeof before === "string" || [...before.values()].every((digest) => digest === "")) continue;
      if (typeof after === "string") {
        differences.push(`${a.name}: ${after}`);
        continue;
      }
      compared += 1;
      for (const [sheet, digest] of before) if (after.get(sheet) !== digest) differences.push(`${a.name}: ${sheet}`);
      if (![...after.keys()].some((s) => s.startsWith("CSP "))) differences.push(`${a.name}: no result sheets`);
    }
    expect(differences).toEqual([]);
    // The programs' own files are among those compared.
    expect(compared).toBeGreaterThanOrEqual(accepted.length / 2);
    for (const name of ["written-by-openpyxl.xlsx", "written-by-xlsxwriter.xlsx", "written-by-libreoffice.xlsx"])
      expect(typeof opened.get(accepted.find((a) => a.name === name)!.output)).toBe("object");
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
