// Our output written straight into the .xlsx package, opened by a real spreadsheet
// application (LibreOffice), not only by the library that shares our reading of the format.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli";
import { SAMPLE, SAMPLE_WARDS } from "../helpers/sample";
import { resavedByLibreOffice, sheetsAsCsvMany } from "../helpers/spreadsheetApp";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/adapters/exceljs/readWorkbook";
import { ZipPackage, readPackageGrids } from "../../src/adapters/xlsx";
import { nodeDeflateCodec } from "../../src/adapters/node/nodeDeflateCodec";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-soffice-out-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("the results workbook in LibreOffice", () => {
  it("opens with the analyst's sheets as they were and the result sheets readable, also after a re-run", async () => {
    const first = path.join(dir, "first.xlsx");
    const second = path.join(dir, "second.xlsx");
    expect((await runCli("compute", SAMPLE, ...SAMPLE_WARDS, "--out", first)).code).toBe(0);
    expect((await runCli("compute", first, ...SAMPLE_WARDS, "--out", second)).code).toBe(0);
    // The sample beside the outputs, so LibreOffice starts once for all three.
    const sample = path.join(dir, "sample.xlsx");
    await fs.copyFile(SAMPLE, sample);
    const csv = await sheetsAsCsvMany([sample, first, second]);
    const original = csv.get(sample)!;
    expect(original.size).toBeGreaterThan(0);
    for (const file of [first, second]) {
      const sheets = csv.get(file)!;
      for (const [name, csv] of original) expect([name, sheets.get(name)]).toEqual([name, csv]);
      expect([...sheets.keys()].filter((n) => n.startsWith("CSP ")).sort()).toEqual([
        "CSP Extract",
        "CSP Findings",
        "CSP Intervention",
        "CSP MoRiLE",
        "CSP Months",
        "CSP Patterns",
        "CSP Summary",
        "CSP Tables",
        "CSP Wards",
      ]);
      expect(sheets.get("CSP Intervention")).toMatch(/^High Street,Intervention,Theft,165,307,142,86\.\d+%,/m);
      expect(sheets.get("CSP Tables")).toMatch(
        /^Police crime,"Police recorded crime, Maidstone",Drug offences,,Nov 17 – Oct 18,318,Nov 18 – Oct 19,394,76,23\.\d+%,/m,
      );
      expect(sheets.get("CSP Findings")).toContain("'Youth offending'!B19");
    }
  }, 300000);

  it("reads a workbook saved by LibreOffice the same through the package reader as through ExcelJS", async () => {
    const resaved = resavedByLibreOffice(SAMPLE, path.join(dir, "resaved"));
    const bytes = new Uint8Array(await fs.readFile(resaved));
    const excelJs = new ExcelJS.Workbook();
    await excelJs.xlsx.load(bytes as unknown as ArrayBuffer);
    const grids = await readPackageGrids(ZipPackage.open(bytes)!, nodeDeflateCodec);
    expect(grids).toEqual(readWorkbook(excelJs));
    expect(grids.sheets.map((s) => s.name)).toContain("Police crime");
    // And the CLI computes the seed's figures from it.
    const json = path.join(dir, "resaved.json");
    expect((await runCli("compute", resaved, "--json", json)).code).toBe(0);
    expect(await fs.readFile(json, "utf8")).toContain("Drug offences rose by 23.9%, from 318 to 394 (+76)");
  }, 300000);
});
