import { assessmentOptions, computeAssessment } from "../../../../src/core";
import { findMonthColumns, monthName, monthOfHeader } from "../../../../src/core/tables/monthColumns";
import { withComputedTotal } from "../../../../src/core/tables/computedTotal";
import { discoverTables } from "../../../../src/core/tables/discoverTables";
import type { CellValue, SheetGrid } from "../../../../src/model";

const FEB_2024 = 2024 * 12 + 1;

/** A wide sheet: label columns, then one column per month headed as `header` writes it. */
function wideSheet(
  header: (month: number) => CellValue,
  labels: string[][],
  months = 24,
  labelHeaders = ["Crime type", "Ward"],
): SheetGrid {
  const heads = Array.from({ length: months }, (_, i) => header(FEB_2024 + i));
  return {
    name: "Ward crime",
    top: 0,
    left: 0,
    values: [
      [...labelHeaders, ...heads],
      ...labels.map((l, r) => [...l, ...Array.from({ length: months }, (_, i) => (i < 12 ? 10 + r : 8 + r))]),
    ],
  };
}

const LABELS = [
  ["Burglary", "Abbey Fields"],
  ["Burglary", "Barrow Green"],
  ["Theft", "Abbey Fields"],
  ["Theft", "Barrow Green"],
];

describe("month-column publications", () => {
  it.each([
    ["YYYYMM numbers", (m: number) => Math.floor(m / 12) * 100 + (m % 12) + 1],
    ["YYYYMM text", (m: number) => String(Math.floor(m / 12) * 100 + (m % 12) + 1)],
    ["YYYY-MM", (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`],
    ["Mon-YY", (m: number) => monthName(m).replace(/ 20(\d\d)$/, "-$1")],
    ["Mon YYYY", (m: number) => monthName(m)],
    ["dates", (m: number) => new Date(Date.UTC(Math.floor(m / 12), m % 12, 1))],
  ])("reads month headers written as %s", (_, header) => {
    const layout = findMonthColumns(wideSheet(header, LABELS))!;
    expect(layout.months.map((m) => m.month)).toEqual(Array.from({ length: 24 }, (__, i) => FEB_2024 + i));
    expect(layout.labels.map((l) => [l.header, l.role])).toEqual([
      ["Crime type", "category"],
      ["Ward", "ward"],
    ]);
  });

  it("reads no month-column layout from a table of a few periods or names", () => {
    expect(monthOfHeader("Burglary")).toBeNull();
    expect(monthOfHeader(202413)).toBeNull();
    expect(findMonthColumns(wideSheet((m) => monthName(m), LABELS, 6))).toBeNull();
  });

  it("compares the latest twelve months with the twelve before by type and by ward, with all crime first", () => {
    const assessment = computeAssessment({ sheets: [wideSheet((m) => monthName(m), LABELS)] });
    const titles = assessment.tables.map((t) => t.table.title);
    expect(titles).toEqual(["Crime by type (Crime type)", "Crime by ward", "Crime by month"]);
    const types = assessment.tables[0];
    expect(types.rows.map((r) => [r.label, ...r.values])).toEqual([
      ["All crime", 12 * (10 + 11 + 12 + 13), 12 * (8 + 9 + 10 + 11)],
      ["Burglary", 12 * 21, 12 * 17],
      ["Theft", 12 * 25, 12 * 21],
    ]);
    expect(types.table.columns.map((c) => c.header)).toEqual(["Feb 24 – Jan 25", "Feb 25 – Jan 26"]);
    expect(assessment.headlines[0].text).toMatch(/^All crime fell by 17\.4%, from 552 to 456 \(-96\)/);
    expect(assessment.findings.map((f) => f.message)).toContain(
      "Ward crime: 24 monthly columns, Feb 2024 – Jan 2026; compared Feb 2025 – Jan 2026 with Feb 2024 – Jan 2025; 4 rows by type and ward",
    );
  });

  it("keeps the partnership's rows when the sheet holds several areas, and says so when it is not named", () => {
    const grid = wideSheet(
      (m) => monthName(m),
      [...LABELS.map((l) => [...l, "Ashvale"]), ["Theft", "Tollgate", "Brookmere"]],
      24,
      ["Crime type", "Ward", "Borough"],
    );
    const own = computeAssessment({ sheets: [grid] }, undefined, assessmentOptions({ homeArea: "Ashvale" }));
    expect(own.tables.find((t) => t.table.title === "Crime by ward")!.rows.map((r) => r.label)).toEqual([
      "Abbey Fields",
      "Barrow Green",
    ]);
    expect(own.tables.find((t) => t.table.title === "Crime by area")!.homeArea?.sentence).toMatch(
      /^Ashvale had the highest number of crimes of the 2 areas/,
    );
    const all = computeAssessment({ sheets: [grid] });
    expect(all.findings.map((f) => f.message)).toContainEqual(
      expect.stringMatching(/^Ward crime: the sheet holds 2 areas in its Borough column \(Ashvale, Brookmere\)/),
    );
  });
});

describe("the total a table leaves to the reader", () => {
  const grid = (rows: CellValue[][], header = "Crime type"): SheetGrid => ({
    name: "Crime",
    top: 0,
    left: 0,
    values: [[header, "2018/19", "2019/20"], ...rows],
  });

  it("is computed for counts of the parts of a whole, and leads the key changes", () => {
    const table = withComputedTotal(
      discoverTables(
        grid([
          ["Burglary", 420, 380],
          ["Robbery", 60, 75],
          ["Drugs", 318, 394],
        ]),
      )[0],
    )!;
    expect(table.rows[0]).toMatchObject({ label: "All crime", aggregate: true, computed: true });
    expect(table.rows[0].values.map((v) => (v.kind === "number" ? v.value : null))).toEqual([798, 849]);
  });

  it("is not computed where a total was typed, for rates, for overlapping rows, or for one row", () => {
    expect(
      withComputedTotal(
        discoverTables(
          grid([
            ["Burglary", 420, 380],
            ["Robbery", 60, 75],
            ["Drugs", 318, 394],
            ["Total", 798, 849],
          ]),
        )[0],
      ),
    ).toBeNull();
    expect(
      withComputedTotal(
        discoverTables(
          grid(
            [
              ["Burglary", 4.2, 3.8],
              ["Robbery", 0.6, 0.75],
              ["Drugs", 3.18, 3.94],
            ],
            "Crime type (rate per 1,000)",
          ),
        )[0],
      ),
    ).toBeNull();
    expect(withComputedTotal(discoverTables(grid([["Burglary", 420, 380]]))[0])).toBeNull();
    const strands = grid(
      [
        ["Race", 420, 380],
        ["Religion", 60, 75],
        ["Disability", 31, 40],
      ],
      "Hate crime strand",
    );
    (strands.values as CellValue[][]).unshift(["Hate crime by strand (one crime can fall in more than one strand)"]);
    expect(withComputedTotal(discoverTables(strands)[0])).toBeNull();
  });
});
