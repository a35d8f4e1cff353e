import ExcelJS from "exceljs";
import { SAMPLE_WARDS } from "../helpers/sample";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { syntheticExtractCsv, syntheticExtractRows } from "../../samples/syntheticExtract";
import { runCli } from "../helpers/cli";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-incidents-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const pct = (x: number | null): string => `${((x ?? NaN) * 100).toFixed(1)}%`;

describe("csp-assess incidents", () => {
  it("reproduces the seed's crime totals and shares from the synthetic extract (CSV, streamed)", async () => {
    const csv = path.join(dir, "synthetic-police-extract.csv");
    await fs.writeFile(csv, syntheticExtractCsv());
    const json = path.join(dir, "out.json");
    const result = await runCli("incidents", csv, ...SAMPLE_WARDS, "--json", json);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    const r = JSON.parse(await fs.readFile(json, "utf8"));
    expect(r.periods).toEqual(["Nov 17 – Oct 18", "Nov 18 – Oct 19"]);
    expect(r.allCrime).toEqual([17244, 16947]);
    const group = (name: string) => r.byGroup.find((g: { group: string }) => g.group === name);
    expect(group("Drug offences").values).toEqual([318, 394]);
    expect(pct(group("Drug offences").pctChange)).toBe("23.9%");
    expect(pct(group("Sexual offences").pctChange)).toBe("-8.0%");
    expect(pct(group("Public order offences").pctChange)).toBe("-30.0%");
    expect(group("Vehicle offences").values[1] - group("Vehicle offences").values[0]).toBe(26);
    expect(pct(r.daShareAll)).toBe("16.0%");
    expect(pct(r.daShareViolence)).toBe("32.0%");
    // The extract runs on to 19/02/2020: those months are outside the compared years, as is one 2016 record.
    const isoDate = (text: string): string => (/^\d{4}-/.test(text) ? text : text.split("/").reverse().join("-"));
    const later = syntheticExtractRows()
      .slice(1)
      .filter((row) => isoDate(row[1]) >= "2019-11-01").length;
    expect(later).toBeGreaterThan(4000);
    expect(r.rejected.reasons).toEqual({
      "unreadable date": 1,
      "unknown category": 1,
      "outside both periods": later + 1,
    });
    expect(result.out[0]).toBe(
      `Nov 17 – Oct 18 to Nov 18 – Oct 19: all crime 17,244 -> 16,947; 2 records not counted, ${(later + 1).toLocaleString("en-GB")} outside both periods.`,
    );
    expect(r.rejected.examples["unreadable date"]).toEqual([
      expect.stringMatching(/^line \d+: SYN\/BAD001 \| 31\/02\/2019/),
    ]);
    expect(r.byWard.find((w: { name: string }) => w.name === "High Street").code).toBe("E05004996");
  });

  it("gives the Town Centre team's before/after table, with the bordering wards as a displacement check", async () => {
    const csv = path.join(dir, "synthetic-police-extract.csv");
    await fs.writeFile(csv, syntheticExtractCsv());
    const json = path.join(dir, "town.json");
    const result = await runCli(
      "incidents",
      ...SAMPLE_WARDS,
      csv,
      "--intervention",
      "High Street",
      "--from",
      "2019-10-12",
      "--to",
      "2020-02-19",
      "--name",
      "Town Centre team",
      "--json",
      json,
    );
    expect(result.code).toBe(0);
    const r = JSON.parse(await fs.readFile(json, "utf8"));
    const impact = r.interventions[0];
    expect(impact.name).toBe("Town Centre team");
    expect(impact.periods).toEqual(["12/10/2018 – 19/02/2019", "12/10/2019 – 19/02/2020"]);
    const high = impact.wards[0];
    expect([high.ward, high.role]).toEqual(["High Street", "intervention"]);
    expect(high.rows.find((row: { group: string }) => row.group === "Theft")).toMatchObject({
      before: 165,
      after: 307,
    });
    // High Street's neighbours in the 2015 ward boundaries.
    expect(
      impact.wards
        .slice(1)
        .map((w: { ward: string; role: string }) => `${w.ward} (${w.role})`)
        .sort(),
    ).toEqual(["Boxley", "Bridge", "East", "Fant", "North", "Shepway North", "South"].map((w) => `${w} (comparison)`));
  });

  it("profiles domestic abuse by month, weekday and hour, and tests the named dates against the same weekdays", async () => {
    const csv = path.join(dir, "synthetic-police-extract.csv");
    await fs.writeFile(csv, syntheticExtractCsv());
    const json = path.join(dir, "patterns.json");
    expect((await runCli("incidents", csv, ...SAMPLE_WARDS, "--json", json)).code).toBe(0);
    const { patterns, domesticAbuse } = JSON.parse(await fs.readFile(json, "utf8"));
    expect(patterns.category).toBe("Domestic abuse");
    expect([patterns.from, patterns.to]).toEqual(["01/11/2017", "31/10/2019"]);
    const sum = (m: number[][]): number => m.flat().reduce((a, b) => a + b, 0);
    expect(sum(patterns.monthWeekday)).toBe(domesticAbuse[0] + domesticAbuse[1]);
    expect(sum(patterns.hourWeekday)).toBe(patterns.total);
    const names = patterns.namedDates.map((d: { name: string }) => d.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Christmas Day",
        "New Year's Day",
        "New Year's Eve",
        "Valentine's Day",
        "Father's Day",
        "Early May bank holiday",
        "Summer bank holiday",
      ]),
    );
    const christmas = patterns.namedDates.find((d: { name: string }) => d.name === "Christmas Day");
    expect(christmas.dates).toEqual(["25/12/2017", "25/12/2018"]);
    expect(christmas.observed).toBeGreaterThan(christmas.expected);
    expect(christmas.pValue).toBeLessThan(0.05);

    const theft = path.join(dir, "theft.json");
    expect((await runCli("incidents", csv, "--category", "theft", "--json", theft)).code).toBe(0);
    expect(JSON.parse(await fs.readFile(theft, "utf8")).patterns.total).toBe(4200 + 4300);
    const wrong = await runCli("incidents", csv, "--category", "Parking", "--json", theft);
    expect([wrong.code, wrong.err[0]]).toEqual([
      2,
      expect.stringMatching(/--category must be one of: Domestic abuse, All crime, /),
    ]);
  });

  it("places records by coordinates and counts swapped and out-of-borough ones by reason", async () => {
    const csv = path.join(dir, "located.csv");
    await fs.writeFile(
      csv,
      [
        "Offence,Date,Latitude,Longitude",
        "Shoplifting,12/06/2019,51.2758,0.5222", // Union Street: High Street ward
        "Shoplifting,13/06/2019,0.5222,51.2758", // swapped
        "Shoplifting,14/06/2019,53.4808,-2.2426", // Manchester
        "Shoplifting,15/06/2019,,", // no location: counted, in no ward
      ].join("\n"),
    );
    const json = path.join(dir, "located.json");
    expect(
      (await runCli("incidents", csv, ...SAMPLE_WARDS, "--window", "calendar", "--end", "2019-12", "--json", json))
        .code,
    ).toBe(0);
    const r = JSON.parse(await fs.readFile(json, "utf8"));
    expect(r.byWard).toEqual([{ code: "E05004996", name: "High Street", values: [0, 1], domesticAbuse: null }]);
    expect(r.allCrime).toEqual([0, 2]);
    // Outside every ward is force-wide data cut to the borough, not an error.
    expect(r.rejected.reasons).toEqual({ "latitude and longitude swapped": 1 });
    expect(r.extract).toMatchObject({ records: 4, located: 1, outsideBoundaries: 1, unlocated: 1 });
    expect(r.extract.outsideExamples).toEqual(["line 4: Shoplifting | 14/06/2019 | 53.4808 | -2.2426"]);
  });

  it("reads an .xlsx extract with the streaming reader, and financial years on request", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Extract");
    // Every twentieth record, so the sample spans the whole extract.
    const rows = syntheticExtractRows();
    const sample = rows.slice(1).filter((_, i) => i % 20 === 0);
    for (const row of [rows[0], ...sample]) ws.addRow(row);
    const file = path.join(dir, "extract.xlsx");
    await wb.xlsx.writeFile(file);
    const json = path.join(dir, "xlsx.json");
    expect((await runCli("incidents", file, "--window", "apr-mar", "--end", "2019-03", "--json", json)).code).toBe(0);
    const r = JSON.parse(await fs.readFile(json, "utf8"));
    expect(r.periods).toEqual(["Apr 17 – Mar 18", "Apr 18 – Mar 19"]);
    expect(r.allCrime[0] + r.allCrime[1] + (r.rejected.reasons["outside both periods"] ?? 0)).toBe(sample.length);
    expect(r.allCrime[0]).toBeGreaterThan(0);
    expect(r.allCrime[1]).toBeGreaterThan(0);
  });

  it("takes the analyst's crime groups from --groups, quoted categories included", async () => {
    const csv = path.join(dir, "groups-extract.csv");
    await fs.writeFile(csv, 'Date,Offence\n01/06/2019,"Parking, obstructive"\n02/06/2019,Shoplifting\n');
    const groups = path.join(dir, "groups.csv");
    await fs.writeFile(groups, 'Category,Group\n"Parking, obstructive",Other crime\nShoplifting,Retail crime\n');
    const json = path.join(dir, "groups.json");
    expect(
      (await runCli("incidents", csv, "--groups", groups, "--window", "calendar", "--end", "2019-12", "--json", json))
        .code,
    ).toBe(0);
    const r = JSON.parse(await fs.readFile(json, "utf8"));
    expect(r.byGroup.map((g: { group: string; values: number[] }) => [g.group, g.values[1]]).sort()).toEqual([
      ["Other crime", 1],
      ["Retail crime", 1],
    ]);
    expect(r.rejected.count).toBe(0);
  });

  it("refuses a file with no record columns and a wrong window", async () => {
    const csv = path.join(dir, "none.csv");
    await fs.writeFile(csv, "a,b\n1,2\n");
    const none = await runCli("incidents", csv, "--json", path.join(dir, "x.json"));
    expect([none.code, none.err[0]]).toEqual([1, expect.stringMatching(/no record-level columns found/)]);
    expect((await runCli("incidents", csv, "--window", "weekly", "--json", path.join(dir, "x.json"))).code).toBe(2);
    const notXlsx = path.join(dir, "extract.xlsx");
    await fs.writeFile(notXlsx, "not a workbook");
    const bad = await runCli("incidents", notXlsx, "--json", path.join(dir, "x.json"));
    expect([bad.code, bad.err.length, bad.err[0]]).toEqual([
      1,
      1,
      expect.stringMatching(/extract\.xlsx is not a readable CSV or \.xlsx extract/),
    ]);
  });

  it("writes the extract's result sheets to a workbook with --out, as compute does", async () => {
    const csv = path.join(dir, "synthetic-police-extract.csv");
    await fs.writeFile(csv, syntheticExtractCsv());
    const out = path.join(dir, "extract-results.xlsx");
    const result = await runCli("incidents", csv, ...SAMPLE_WARDS, "--json", path.join(dir, "o.json"), "--out", out);
    expect(result.err).toEqual([]);
    expect(result.out.at(-1)).toMatch(
      /^Results workbook: .*extract-results\.xlsx \(sheets CSP Summary, .*CSP Findings\)$/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["CSP Summary", "CSP Extract", "CSP Wards", "CSP Findings"]));
    expect(workbook.getWorksheet("CSP Summary")!.getCell("A1").text).not.toBe("");
  });
});
