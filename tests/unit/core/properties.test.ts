import fc from "fast-check";
import ExcelJS from "exceljs";
import { WorkbookFile } from "../../../src/adapters/workbookFile";
import { computeAssessment, discoverTables } from "../../../src/core";
import { assessmentJson, buildResultSheets } from "../../../src/output";
import type { CellValue } from "../../../src/model";
import { sheet } from "../../helpers/grids";

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -1000, max: 100000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(
    "Total",
    "All Kent",
    "2017/18",
    "2018-19",
    "Sep-17 to Aug-18",
    "Last Year",
    "This Year",
    "% change",
    "Difference",
    "*",
    "<5",
    "n/a",
    "1,934",
    "29%",
    "(5)",
    "Oct",
    "Nov",
    "",
  ),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constant({ error: "#DIV/0!" }),
  fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
);

/** Every number anywhere in a JSON-able value is finite. */
function allFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value && typeof value === "object") return Object.values(value).every(allFinite);
  return true;
}

describe("properties of the core", () => {
  it("never throws and never yields NaN or Infinity on random grids", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 9 }), { maxLength: 14 }), (rows) => {
        const assessment = computeAssessment({ sheets: [sheet("Random", rows)] });
        buildResultSheets(assessment);
        expect(allFinite(assessmentJson(assessment))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("reads back the numbers of a table written to .xlsx", async () => {
    const tableArb = fc.record({
      labels: fc.uniqueArray(fc.stringMatching(/^[A-Z][a-z]{2,8}$/), { minLength: 1, maxLength: 8 }),
      years: fc.integer({ min: 2000, max: 2030 }),
      periods: fc.integer({ min: 1, max: 4 }),
      seed: fc.array(fc.integer({ min: 0, max: 50000 }), { minLength: 32, maxLength: 32 }),
    });
    await fc.assert(
      fc.asyncProperty(tableArb, async ({ labels, years, periods, seed }) => {
        const headers = Array.from(
          { length: periods },
          (_, p) => `${years + p}/${String((years + p + 1) % 100).padStart(2, "0")}`,
        );
        const values = labels.map((_, r) => headers.map((_, p) => seed[(r * periods + p) % seed.length]));
        const workbook = new ExcelJS.Workbook();
        const ws = workbook.addWorksheet("Data");
        ws.addRow(["Area", ...headers]);
        labels.forEach((label, r) => ws.addRow([label, ...values[r]]));
        const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
        const port = await WorkbookFile.fromBytes(bytes, "round-trip.xlsx");
        const [table] = discoverTables((await port.readWorkbook()).sheets[0]);
        expect(table.rows.map((r) => r.label)).toEqual(labels);
        expect(table.rows.map((r) => r.values.map((v) => (v.kind === "number" ? v.value : null)))).toEqual(values);
      }),
      { numRuns: 40 },
    );
  });
});
