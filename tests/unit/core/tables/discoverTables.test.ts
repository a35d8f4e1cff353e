import fc from "fast-check";
import { discoverTables, findBlocks } from "../../../../src/core";
import { isAggregateLabel } from "../../../../src/core/tables/labels";
import { sheet } from "../../../helpers/grids";

describe("findBlocks", () => {
  it("splits stacked and side-by-side tables on empty rows and columns", () => {
    const grid = sheet("S", [
      ["A", 1, null, "B", 2],
      ["a", 3, null, "b", 4],
      [null, null, null, null, null],
      ["C", 5],
    ]);
    expect(findBlocks(grid)).toEqual([
      { top: 0, bottom: 1, left: 0, right: 1 },
      { top: 0, bottom: 1, left: 3, right: 4 },
      { top: 3, bottom: 3, left: 0, right: 1 },
    ]);
  });

  it("keeps sheet coordinates when the used range does not start at A1", () => {
    const grid = sheet("S", [["x", 1]], { top: 4, left: 2 });
    expect(findBlocks(grid)).toEqual([{ top: 4, bottom: 4, left: 2, right: 3 }]);
  });
});

describe("discoverTables", () => {
  it("reads a label column, period columns in time order, and typed derived columns", () => {
    const [table] = discoverTables(
      sheet("Hate", [
        [null, "This Year", "Last Year", "Change"],
        ["Race", 309, 286, "+23"],
        ["Gender", 0, 8, "-8"],
      ]),
    );
    expect(table.columns.map((c) => c.header)).toEqual(["Last Year", "This Year"]);
    expect(table.derived).toMatchObject([{ header: "Change", role: "difference" }]);
    expect(table.rows.map((r) => r.label)).toEqual(["Race", "Gender"]);
    expect(table.range).toBe("Hate!A1:D3");
  });

  it("finds the title line above a table, attached or one blank row above", () => {
    const tables = discoverTables(
      sheet("S", [
        ["Alcohol admissions"],
        ["District", "2017", "2018"],
        ["Ashford", 41, 53],
        [null],
        ["Needle finds by location"],
        [null],
        ["Location", "2018-19"],
        ["River Steps", 406],
      ]),
    );
    expect(tables.map((t) => t.title)).toEqual(["Alcohol admissions", "Needle finds by location"]);
  });

  it("recognises aggregate rows and never treats them as data", () => {
    const [table] = discoverTables(
      sheet("S", [
        ["District", "2018", "2019"],
        ["A", 1, 2],
        ["All Kent", 1, 2],
        ["TOTAL", 1, 2],
        ["Grand total", 1, 2],
        ["All crime", 5, 6],
      ]),
    );
    expect(table.rows.map((r) => r.aggregate)).toEqual([false, true, true, true, false]);
  });

  it("reads aggregate labels the same whatever white space stands between and around the words", () => {
    const word = fc.constantFrom(
      "total",
      "Total",
      "grand",
      "sub-total",
      "overall",
      "all",
      "Kent",
      "borough",
      "wards",
      "Fant",
      "x",
    );
    const space = fc.constantFrom(" ", "  ", "\t", "\n", "\u00a0", " \r\n ");
    const label = fc.tuple(
      fc.array(fc.tuple(word, space), { maxLength: 3 }),
      word,
      fc.constantFrom("", " ", "\n"),
      fc.constantFrom("", " ", "\t"),
    );
    fc.assert(
      fc.property(label, ([pairs, last, before, after]) => {
        const spaced = before + pairs.map(([w, s]) => w + s).join("") + last + after;
        const tidy = [...pairs.map(([w]) => w), last].join(" ");
        expect(isAggregateLabel(spaced)).toBe(isAggregateLabel(tidy));
      }),
    );
    expect([
      isAggregateLabel("Borough\n total"),
      isAggregateLabel("Fant\ttotal"),
      isAggregateLabel("Fant totals"),
    ]).toEqual([true, true, false]);
  });

  it("ignores comment columns and text tables", () => {
    const tables = discoverTables(
      sheet("S", [
        ["Description", 2018, 2019, "Comments"],
        ["Dog fouling", 41, 13, "Fewer complaints"],
        [null],
        ["Actions", "Status", "Update"],
        ["Review the PSPO", "Ongoing", "A report will be brought"],
      ]),
    );
    expect(tables).toHaveLength(1);
    expect(tables[0].columns.map((c) => c.header)).toEqual(["2018", "2019"]);
  });

  it("splits tables that stand side by side with no blank column between (repeated periods)", () => {
    const tables = discoverTables(
      sheet("S", [
        [
          "Age",
          "Oct 17 - Sep 18",
          "Oct 18 - Sep 19",
          "% change",
          null,
          "Oct 17 - Sep 18",
          "Oct 18 - Sep 19",
          "% change",
        ],
        ["17 and under", 16, 7, "-56%", "Alcohol Only", 164, 179, "9%"],
        ["18 - 24", 46, 32, "-30%", "Total", 508, 513, "1%"],
      ]),
    );
    expect(tables).toHaveLength(2);
    expect(tables[1].rows.map((r) => r.label)).toEqual(["Alcohol Only", "Total"]);
    expect(tables[1].range).toBe("S!E1:H3");
  });

  it("splits side-by-side tables on a repeated label header and keeps each title", () => {
    const tables = discoverTables(
      sheet("S", [
        ["Warnings", null, null, "Notices"],
        ["Reason", 2018, 2019, "Reason", 2018, 2019],
        ["ASB", 13, 17, "ASB", 3, 2],
        ["Total", 13, 17, "Total", 3, 2],
      ]),
    );
    expect(tables.map((t) => t.title)).toEqual(["Warnings", "Notices"]);
    expect(tables.map((t) => t.rows.length)).toEqual([2, 2]);
  });

  it("turns round a table with years down the rows and months across", () => {
    const [table] = discoverTables(
      sheet("Needles", [
        [null, "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Total"],
        ["2018/2019", 283, 381, 196, 143, 164, 84, 1251],
        ["2017/2018", 125, 73, 283, 126, 218, 106, 931],
      ]),
    );
    expect(table.transposed).toBe(true);
    expect(table.kind).toBe("months");
    expect(table.columns.map((c) => c.header)).toEqual(["2017/2018", "2018/2019"]);
    expect(table.rows.map((r) => r.label)).toEqual(["Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Total"]);
    const total = table.rows[6];
    expect(total.aggregate).toBe(true);
    expect(total.valueCells[0]).toEqual({ row: 2, column: 7 });
  });

  it("takes a lone count column's period from the title row above it", () => {
    const tables = discoverTables(
      sheet("S", [
        ["October-17 to September-18", null, "October-18 to September-19"],
        ["Location", "Count", "Location", "Count"],
        ["Lower Boxley Road", 364, "River Steps", 406],
      ]),
    );
    expect(tables.map((t) => t.columns[0].header)).toEqual([
      "October-17 to September-18",
      "October-18 to September-19",
    ]);
  });

  it("reads missing and suppressed values as missing, with an info finding naming the cell", () => {
    const [table] = discoverTables(
      sheet("Youth", [
        ["Age", "Female", "Male"],
        ["Age 13", null, 3],
        ["Age 14", "<5", "x5"],
      ]),
    );
    expect(table.kind).toBe("categories");
    expect(table.rows[0].values[0]).toMatchObject({ kind: "missing", reason: "empty" });
    expect(table.findings.map((f) => [f.cell, f.severity, f.kind])).toEqual([
      ["Youth!B2", "info", "missing-value"],
      ["Youth!B3", "info", "suppressed-value"],
      ["Youth!C3", "warning", "not-a-number"],
    ]);
  });

  it("warns when relative and dated periods are mixed, keeping sheet order", () => {
    const [table] = discoverTables(
      sheet("S", [
        ["Item", "This Year", "2018"],
        ["A", 1, 2],
      ]),
    );
    expect(table.columns.map((c) => c.header)).toEqual(["This Year", "2018"]);
    expect(table.findings[0]).toMatchObject({ kind: "unordered-periods", severity: "warning" });
  });

  it("reads a sheet with nothing in it as no tables", () => {
    expect(discoverTables(sheet("Empty", []))).toEqual([]);
  });
});

describe("footnote markers in a table without codes", () => {
  it("are taken off its title, headers and labels, and a marked total is still a total", () => {
    const [table] = discoverTables(
      sheet("Home Office", [
        ["Knife crime by district1,2"],
        ["District", "2018/193", "2019/20 [x]"],
        ["Ashford4", 10, 12],
        ["Swale", 8, 9],
        ["Total5", 18, 21],
      ]),
    );
    expect(table.title).toBe("Knife crime by district");
    expect(table.columns.map((c) => c.header)).toEqual(["2018/19", "2019/20"]);
    expect(table.rows.map((r) => [r.label, r.aggregate])).toEqual([
      ["Ashford", false],
      ["Swale", false],
      ["Total", true],
    ]);
  });
});

describe("a published table without codes", () => {
  const published = () =>
    sheet("PHE", [
      ["Hospital admissions by district"],
      [null, "Alcohol related", null, null, "Drug related", null],
      ["District", "2018/19", "2019/20", null, "2018/19", "2019/20"],
      [null, "Numbers", "Numbers", null, "Rate per 100,000", "Rate per 100,000"],
      ["Ashford", 120, "..", null, 45.2, 47.1],
      ["Maidstone", 139, 165, null, "[c]", 52.3],
      ["Swale", 101, 99, null, 38, "↑"],
      ["Kent", 360, 264, null, 44.1, 49.9],
      [],
      ["Source: Public Health England"],
      ["1. Figures under 5 are suppressed."],
    ]);

  it("reads a group row, a units row and spacer columns: one comparison per group, with its unit", () => {
    const tables = discoverTables(published());
    expect(tables.map((t) => t.title)).toEqual([
      "Hospital admissions by district – Alcohol related",
      "Hospital admissions by district – Drug related",
    ]);
    expect(tables.map((t) => t.columns.map((c) => c.header))).toEqual([
      ["2018/19", "2019/20"],
      ["2018/19", "2019/20"],
    ]);
    expect(tables.map((t) => t.kind)).toEqual(["periods", "periods"]);
    expect(tables.map((t) => t.unit)).toEqual(["Numbers", "Rate per 100,000"]);
    expect(tables.map((t) => t.columns.map((c) => c.nonCount))).toEqual([
      [false, false],
      [true, true],
    ]);
    for (const table of tables) {
      expect(table.rows.map((r) => r.label)).toEqual(["Ashford", "Maidstone", "Swale", "Kent"]);
      expect(table.rows[3].aggregate).toBe(true);
    }
    expect(tables[1].rows[0].values).toMatchObject([{ value: 45.2 }, { value: 47.1 }]);
  });

  it("names a column by its group where the names row leaves it empty, and joins repeated names to their group", () => {
    const [table] = discoverTables(
      sheet("P1", [
        [null, "Total recorded crime", "Victim-based crime", null, "Other crimes"],
        ["Force", null, "Number", "Rate", "Number"],
        ["Kent", 197085, 170000, 92.3, 27085],
        ["Surrey", 80000, 70000, 58.1, 10000],
      ]),
    );
    expect(table.columns.map((c) => c.header)).toEqual([
      "Total recorded crime",
      "Victim-based crime: Number",
      "Rate",
      "Other crimes: Number",
    ]);
  });

  it("counts the publication's markers once for each table, naming which", () => {
    const [alcohol, drugs] = discoverTables(published());
    expect(alcohol.findings).toHaveLength(1);
    expect(alcohol.findings[0]).toMatchObject({ kind: "published-markers", severity: "info", cell: "PHE!B5:C8" });
    expect(alcohol.findings[0].message).toBe(
      'PHE!B5:C8: 1 cell holds the publication\'s marker for figures not available or suppressed (".."): read as missing, not zero',
    );
    expect(drugs.findings.map((f) => [f.kind, f.cell, f.stated])).toEqual([["published-markers", "PHE!E5:F8", 2]]);
    expect(drugs.findings[0].message).toMatch(/"\[c\]", "↑"/);
    expect(alcohol.rows[0].values[1]).toMatchObject({ kind: "missing", reason: "suppressed" });
  });

  it("leaves notes written straight under a table out of its rows", () => {
    const [table] = discoverTables(
      sheet("Notes", [
        ["District", "2018/19", "2019/20"],
        ["Ashford", 10, 12],
        ["Swale", 8, 9],
        ["Source: Home Office"],
        ["Notes"],
        ["1. Figures are provisional."],
        ["[note 3] Includes fraud."],
      ]),
    );
    expect(table.rows.map((r) => r.label)).toEqual(["Ashford", "Swale"]);
    expect(table.findings).toEqual([]);
  });

  it("keeps a table beside it apart when that table has labels of its own", () => {
    const tables = discoverTables(
      sheet("Two", [
        ["Ward", "2019", "2020", null, "Location", "2019", "2020"],
        ["High Street", 10, 12, null, "Week Street", 4, 5],
        ["Park Wood", 8, 9, null, "River Steps", 3, 1],
      ]),
    );
    expect(tables.map((t) => t.labelHeader)).toEqual(["Ward", "Location"]);
  });
});
