import ExcelJS from "exceljs";
import { buildSampleWorkbook, cellDump } from "../../samples/buildSampleWorkbook";
import { checkStatedFacts, illustrativeDomesticAbuse } from "../../samples/illustrativeDomesticAbuse";
import { SAMPLE } from "../helpers/sample";

describe("the sample workbook", () => {
  it("is what the script builds", async () => {
    const built = new ExcelJS.Workbook();
    await built.xlsx.readFile(SAMPLE);
    expect(cellDump(built)).toBe(cellDump(buildSampleWorkbook()));
  });

  it("labels its generated ward data as illustrative, on the sheet and in its name", async () => {
    const committed = new ExcelJS.Workbook();
    await committed.xlsx.readFile(SAMPLE);
    const ws = committed.getWorksheet("DA by ward (illustrative)")!;
    expect(String(ws.getCell("A1").value)).toMatch(/^ILLUSTRATIVE DATA, NOT REAL FIGURES/);
  });

  it("has illustrative figures that satisfy every fact the seed states, and the check catches a breach", () => {
    expect(checkStatedFacts(illustrativeDomesticAbuse)).toEqual([]);
    const broken = illustrativeDomesticAbuse.map(([w, n]) => [w, w === "Park Wood" ? 500 : n] as const);
    expect(checkStatedFacts(broken)).toContain("High Street is not the highest ward");
  });
});
