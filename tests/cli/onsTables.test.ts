// ONS's "Police force area data tables", read as published: every area row by its name with its
// code, every published column name, every value, units and aggregates. The oracle reads the
// files with ExcelJS (not the package reader) and finds the coded rows on its own.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readWorkbook } from "../../src/adapters/exceljs/readWorkbook";
import { type DiscoveredTable, discoverTables } from "../../src/core";
import { stripFootnotes } from "../../src/core/tables/footnotes";
import { WorkbookFile } from "../../src/adapters/workbookFile";
import { nodeDeflateCodec } from "../../src/adapters/node/nodeDeflateCodec";
import { runCli } from "../helpers/cli";
import { withNumbersAsText } from "../helpers/numbersAsText";
import { ONS_DIR, describeReal } from "../helpers/realData";

const ONS = ONS_DIR;
const FILES = ["policeforceareatablesyearendingdecember2018.xlsx", "policeforceareatablesyearendingmarch2018v2.xlsx"];
const GSS = /^[EWSNK]\d{8}$/;

async function tablesOf(file: string): Promise<{ sheets: ExcelJS.Worksheet[]; tables: DiscoveredTable[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(ONS, file));
  const tables = readWorkbook(workbook).sheets.flatMap((grid) => discoverTables(grid));
  return { sheets: workbook.worksheets, tables };
}

describeReal.each(FILES)("ONS police force area tables: %s", (file) => {
  let sheets: ExcelJS.Worksheet[];
  let tables: DiscoveredTable[];
  beforeAll(async () => {
    ({ sheets, tables } = await tablesOf(file));
  });

  it("reads every published number of every area row, once, under the row of its area's code", () => {
    let checked = 0;
    for (const ws of sheets.filter((s) => /^Table P\d+/.test(s.name.trim()))) {
      const onSheet = tables.filter((t) => t.sheet === ws.name);
      ws.eachRow((row, r) => {
        const code = String(row.getCell(1).value ?? "").trim();
        if (!GSS.test(code)) return;
        row.eachCell((cell, c) => {
          if (c < 3 || typeof cell.value !== "number") return;
          const found = onSheet
            .flatMap((t) => t.rows.flatMap((tr) => tr.valueCells.map((at, k) => ({ tr, at, value: tr.values[k] }))))
            .filter(({ at }) => at.row === r - 1 && at.column === c - 1);
          expect([ws.name, r, c, found.length]).toEqual([ws.name, r, c, 1]);
          expect(found[0].tr.code).toBe(code);
          expect(found[0].value).toMatchObject({ kind: "number", value: cell.value });
          checked += 1;
        });
      });
    }
    expect(checked).toBeGreaterThan(4000);
  });

  it("labels rows by area name, keeps the code, strips footnotes and marks countries and regions as aggregates", () => {
    for (const table of tables) {
      for (const row of table.rows) {
        expect(GSS.test(row.label)).toBe(false);
        expect(row.label).not.toMatch(/[A-Za-z]{3}\d/);
      }
    }
    const p1 = tables.find((t) => t.sheet.trim() === "Table P1")!;
    const row = (label: string) => p1.rows.find((r) => r.label === label)!;
    expect(row("Kent")).toMatchObject({ code: "E23000032", aggregate: false });
    expect(row("ENGLAND AND WALES")).toMatchObject({
      code: "K04000001",
      aggregate: true,
      notes: [expect.stringMatching(/^\d+(,\d+)*$/)],
    });
    expect(row("South East")).toMatchObject({ code: "E12000008", aggregate: true });
    expect(row("British Transport Police").aggregate).toBe(false);
    expect(p1.rows.filter((r) => !r.aggregate)).toHaveLength(44);
  });

  it("names columns as published: from the names row, the group row where that is all there is, or both", () => {
    const table = (sheet: string, part = "") =>
      tables.find((t) => t.sheet.trim() === sheet && (t.title ?? "").endsWith(part))!;
    const p1 = table("Table P1");
    expect(p1.columns.map((c) => c.header)).toEqual(
      expect.arrayContaining([
        "Total recorded crime (excluding fraud)",
        "Violence against the person",
        "Stalking and harassment",
        "Robbery",
      ]),
    );
    expect(p1.columns.find((c) => c.header === "Homicide")).toMatchObject({
      group: "Victim-based crime",
      unit: "Numbers",
      nonCount: false,
    });
    expect(p1.unit).toBe("Numbers");
    expect(p1.title).toMatch(/^Table P1: Police recorded crime by offence group and police force area/);
    expect(table("Table P2").columns.every((c) => c.nonCount)).toBe(true);
    expect(table("Table P3").columns.find((c) => c.header === "Violence against the person")?.unit).toBe(
      "Rate per 1,000 population",
    );
    expect(table("Table P4").columns.map((c) => c.header)).toContain("Attempted murder: % involving a knife");
    // Periods across, in time order, wherever a header is one.
    const knife = table("Table P5", "Number of selected offences involving a knife");
    expect(knife.kind).toBe("periods");
    expect(knife.columns[0].header).toBe("Apr '10 to Mar '11");
    expect(knife.columns.map((c) => c.period!.order)).toEqual(
      [...knife.columns.map((c) => c.period!.order)].sort((a, b) => a - b),
    );
  });

  it("says once per table that published markers are read as missing, and raises no false totals", () => {
    const findings = tables.flatMap((t) => t.findings);
    expect(findings.every((f) => f.kind === "published-markers")).toBe(true);
    expect(findings.length).toBeLessThanOrEqual(tables.length);
  });
});

/** The tables of a workbook's bytes, read by the package reader as the command line reads them. */
async function tablesOfBytes(bytes: Uint8Array, file: string): Promise<DiscoveredTable[]> {
  const workbook = await WorkbookFile.fromBytes(bytes, file, nodeDeflateCodec);
  return (await workbook.readWorkbook()).sheets.flatMap((grid) => discoverTables(grid));
}

describeReal.each(FILES)("ONS police force area tables with every number stored as text: %s", (file) => {
  it("reads each as the number it is, under its area and its published column name, and says so once per table", async () => {
    const bytes = new Uint8Array(await fs.readFile(path.join(ONS, file)));
    const asText = withNumbersAsText(bytes);
    expect(asText.count).toBeGreaterThan(4000);
    const [published, textual] = await Promise.all([tablesOfBytes(bytes, file), tablesOfBytes(asText.bytes, file)]);
    const shape = (t: DiscoveredTable) => ({
      sheet: t.sheet,
      title: t.title,
      columns: t.columns.map((c) => c.header),
      rows: t.rows.map((r) => [r.code, r.label, ...r.values.map((v) => (v.kind === "number" ? v.value : v.text))]),
    });
    expect(textual.map(shape)).toEqual(published.map(shape));
    for (const table of textual) {
      const numbers = table.rows.flatMap((r) => r.values).filter((v) => v.kind === "number").length;
      const said = table.findings.filter((f) => f.kind === "numbers-as-text");
      expect([table.title, said.map((f) => f.stated)]).toEqual([table.title, numbers > 0 ? [numbers] : []]);
    }
  });
});

describeReal("the ONS tables through the command line", () => {
  it("writes tables with names, codes, units and aggregates, and no NaN, no code as a label", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-ons-"));
    const json = path.join(dir, "ons.json");
    const out = path.join(dir, "ons.xlsx");
    const result = await runCli("compute", path.join(ONS, FILES[0]), "--out", out, "--json", json);
    expect(result.code).toBe(0);
    const text = await fs.readFile(json, "utf8");
    expect(text).not.toMatch(/NaN|Infinity/);
    const r = JSON.parse(text);
    const p1 = r.tables.find((t: { sheet: string }) => t.sheet === "Table P1");
    expect(p1.unit).toBe("Numbers");
    expect(p1.rows.find((row: { label: string }) => row.label === "Kent")).toMatchObject({
      code: "E23000032",
      aggregate: false,
    });
    expect(r.findings.filter((f: { severity: string }) => f.severity !== "info")).toEqual([]);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    const sheet = written.getWorksheet("CSP Tables")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-2)).toEqual(["Code", "Unit"]);
    const kent = (sheet.getSheetValues() as unknown[][]).find((row) => row?.[3] === "Kent");
    expect(kent?.slice(-2)).toEqual(["E23000032", "Numbers"]);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe("stripFootnotes", () => {
  it.each([
    ["ENGLAND AND WALES7,8", "ENGLAND AND WALES", ["7,8"]],
    ["Surrey7", "Surrey", ["7"]],
    ["December 20191,2", "December 2019", ["1,2"]],
    ["fraud3", "fraud", ["3"]],
    ["Total recorded crime (excluding fraud3)", "Total recorded crime (excluding fraud)", ["3"]],
    ["Apr '11 to Mar '125, 6", "Apr '11 to Mar '12", ["5,6"]],
    ["Drugs [note 3]", "Drugs", ["note 3"]],
    ["Kent [x]", "Kent", ["x"]],
    ["Stalking\r\nand harassment4", "Stalking and harassment", ["4"]],
    ["2018/193", "2018/19", ["3"]],
  ])("takes the markers off %p", (raw, text, notes) => {
    expect(stripFootnotes(raw)).toEqual({ text, notes });
  });

  it.each([
    "Table P1",
    "Mid-2019",
    "Year 10",
    "Under 18",
    "A229 corridor",
    "Aged 65+",
    "year ending December 2019",
    "2002 to 2016",
    "Q1 2019/20",
    "M25",
    "2018/2019",
  ])("never strips a number that belongs to %p", (label) =>
    expect(stripFootnotes(label)).toEqual({ text: label, notes: [] }),
  );

  it("never changes a label that has no marker: words, numbers apart from them, and codes", () => {
    const word = fc.stringMatching(/^[A-Za-z][a-z]{0,8}$/);
    const token = fc.oneof(
      word,
      fc.nat(2100).map(String),
      fc.constantFrom("Table P1", "A229", "Mid-2019", "Aged 65+", "(total)", "-", "&", "E05004996", "2018/19"),
    );
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 6 }), (tokens) => {
        const label = tokens.join(" ");
        expect(stripFootnotes(label).text).toBe(label);
      }),
      { numRuns: 2000 },
    );
  });
});

describeReal("the home area among its peers", () => {
  it("words the seed's alcohol sentence from the sample, the home area inferred from its titles", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-home-"));
    const json = path.join(dir, "sample.json");
    const result = await runCli(
      "compute",
      path.join(__dirname, "..", "..", "samples", "maidstone-strategic-assessment-2020-21.xlsx"),
      "--json",
      json,
    );
    expect(result.code).toBe(0);
    const r = JSON.parse(await fs.readFile(json, "utf8"));
    expect(r.homeArea).toEqual({ name: "Maidstone", source: "inferred" });
    const sentence =
      "Maidstone had the highest number of alcohol related hospital admissions of the 12 Kent districts (165), up 18.7% (+26), against 14.4% for All Kent.";
    expect(r.headlines.map((h: { text: string }) => h.text)).toContain(sentence);
    const alcohol = r.tables.find(
      (t: { title: string }) => t.title === "Alcohol related hospital admissions, Kent districts",
    );
    expect(alcohol.homeArea).toMatchObject({
      label: "Maidstone",
      value: 165,
      rank: 1,
      of: 12,
      aggregateLabel: "All Kent",
    });
    // One sentence in place of twelve: no other district's headline from that table.
    expect(r.headlines.filter((h: { table: string }) => h.table === alcohol.title)).toHaveLength(1);
    // Every district's comparison stays in the table.
    expect(alcohol.rows.find((row: { label: string }) => row.label === "Ashford").pctChange).not.toBeNull();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("places Kent among the 43 forces and against England and Wales with --area Kent", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-home-"));
    const json = path.join(dir, "ons.json");
    const result = await runCli("compute", path.join(ONS, FILES[1]), "--json", json, "--area", "Kent");
    expect(result.code).toBe(0);
    const r = JSON.parse(await fs.readFile(json, "utf8"));
    expect(r.homeArea).toEqual({ name: "Kent", source: "option" });
    const asb = r.tables.find(
      (t: { title: string; kind: string }) => t.kind === "periods" && /Number of Incidents$/.test(t.title),
    );
    expect(asb.homeArea).toMatchObject({
      label: "Kent",
      code: "E23000032",
      aggregateLabel: expect.stringMatching(/^ENGLAND AND WALES/),
    });
    expect(asb.homeArea.sentence).toMatch(
      /^Kent had the \d+(st|nd|rd|th) highest number of anti-social behaviour incidents of the \d+ police force areas \([\d,]+\), (up|down) [\d.]+% \([+-][\d,]+\), against -?[\d.]+% for ENGLAND AND WALES/,
    );
    expect(result.out).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Home area: Kent; \d+ tables of areas include it\.$/)]),
    );
    // Every table with a row for Kent gets its sentence, the tables of one year too (Table P1:
    // its first column, Total recorded crime, against England and Wales).
    const withKent = r.tables.filter((t: { rows: { label: string }[] }) => t.rows.some((row) => row.label === "Kent"));
    expect(withKent.length).toBeGreaterThanOrEqual(10);
    for (const t of withKent) expect([t.title, typeof t.homeArea?.sentence]).toEqual([t.title, "string"]);
    const p1 = r.tables.find((t: { sheet: string }) => t.sheet === "Table P1");
    expect(p1.homeArea).toMatchObject({
      column: "Total recorded crime (excluding fraud)",
      value: 177187,
      aggregateValue: 4876282,
    });
    expect(p1.homeArea.sentence).toMatch(
      /^Kent had the \d+(st|nd|rd|th) highest total recorded crime \(excluding fraud\) of the \d+ police force areas \(177,187\), against 4,876,282 for ENGLAND AND WALES\.$/,
    );
    await fs.rm(dir, { recursive: true, force: true });
  });
});
