// Our output written straight into the .xlsx package, opened by a real spreadsheet
// application (LibreOffice), not only by the library that shares our reading of the format.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli";
import { SAMPLE } from "../helpers/sample";
import { sheetsAsCsv } from "../helpers/spreadsheetApp";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-soffice-out-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("the results workbook in LibreOffice", () => {
  it("opens with the analyst's sheets as they were and the result sheets readable, also after a re-run", async () => {
    const first = path.join(dir, "first.xlsx");
    const second = path.join(dir, "second.xlsx");
    expect((await runCli("compute", SAMPLE, "--out", first)).code).toBe(0);
    expect((await runCli("compute", first, "--out", second)).code).toBe(0);
    const original = await sheetsAsCsv(SAMPLE);
    for (const file of [first, second]) {
      const sheets = await sheetsAsCsv(file);
      for (const [name, csv] of original) expect([name, sheets.get(name)]).toEqual([name, csv]);
      expect([...sheets.keys()].filter((n) => n.startsWith("CSP ")).sort()).toEqual(["CSP Findings", "CSP Intervention", "CSP MoRiLE", "CSP Months", "CSP Patterns", "CSP Summary", "CSP Tables", "CSP Wards"]);
      expect(sheets.get("CSP Intervention")).toMatch(/^High Street,Intervention,Theft,165,307,142,86\.\d+%,/m);
      expect(sheets.get("CSP Tables")).toMatch(/^Police crime,"Police recorded crime, Maidstone",Drug offences,,Nov 17 – Oct 18,318,Nov 18 – Oct 19,394,76,23\.\d+%,/m);
      expect(sheets.get("CSP Findings")).toContain("'Youth offending'!B19");
    }
  }, 300000);
});
