import { auditTable, computeTable, discoverTables } from "../../../../src/core";
import { sheet } from "../../../helpers/grids";

const audit = (rows: Parameters<typeof sheet>[1], formats?: (string | null)[][]) => {
  const [table] = discoverTables(sheet("T", rows, { formats }));
  return auditTable(computeTable(table));
};

describe("auditTable", () => {
  it("catches a total that does not add up, naming its cell with stated and computed values", () => {
    const findings = audit([
      ["Ward", "2018-19"],
      ["A", 1],
      ["B", 2],
      ["TOTAL", 4],
    ]);
    expect(findings).toEqual([
      expect.objectContaining({ cell: "T!B4", severity: "error", kind: "total-mismatch", stated: 4, computed: 3 }),
    ]);
    expect(findings[0].message).toBe("T!B4: TOTAL (2018-19) states 4 but the 2 rows it totals sum to 3");
  });

  it("accepts a rounded percentage and rejects a wrong one", () => {
    const rows = [
      ["District", "2018", "2019", "% change"],
      ["Maidstone", 139, 165, 0.19],
      ["Ashford", 41, 53, 0.31],
    ];
    const findings = audit(rows, [
      [null, null, null, null],
      [null, null, null, "0%"],
      [null, null, null, "0%"],
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cell: "T!D3", kind: "pct-change-mismatch" });
    expect(findings[0].message).toBe("T!D3: Ashford: stated 31% but (53 - 41) / 41 = 29.3%");
  });

  it("reads a plain-number % column as percentage points when that fits the rows", () => {
    expect(
      audit([
        ["X", "2018", "2019", "% change"],
        ["A", 139, 165, 18.7],
        ["B", 100, 110, 10],
      ]),
    ).toEqual([]);
  });

  it("checks typed differences, with signs written as text", () => {
    const findings = audit([
      ["X", "Last Year", "This Year", "Change"],
      ["A", 286, 309, "+23"],
      ["B", 8, 0, "+8"],
    ]);
    expect(findings).toEqual([
      expect.objectContaining({ cell: "T!D3", kind: "difference-mismatch", stated: 8, computed: -8 }),
    ]);
  });

  it("warns when a % change is stated over a zero base", () => {
    const findings = audit([
      ["X", "2018", "2019", "% change"],
      ["A", 0, 5, "100%"],
    ]);
    expect(findings).toEqual([expect.objectContaining({ severity: "warning", kind: "pct-change-undefined" })]);
  });

  it("totals subtotal sections and the grand total separately", () => {
    const findings = audit([
      ["Crime", "2018", "2019"],
      ["A", 1, 1],
      ["B", 2, 2],
      ["Subtotal", 3, 3],
      ["C", 4, 4],
      ["Subtotal", 4, 4],
      ["Grand total", 7, 8],
    ]);
    expect(findings.map((f) => [f.cell, f.computed])).toEqual([["T!C7", 7]]);
  });

  it("cannot verify a total with missing parts and says so as info", () => {
    const findings = audit([
      ["Ward", "2019"],
      ["A", 3],
      ["B", "*"],
      ["Total", 9],
    ]);
    expect(findings).toEqual([expect.objectContaining({ severity: "info", kind: "total-unverifiable" })]);
  });
});
