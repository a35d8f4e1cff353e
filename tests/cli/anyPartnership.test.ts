// A partnership that is not Maidstone: Ashvale, a made-up borough, with its force's wide
// ward-month file saved by openpyxl (as a pandas script saves it), a folder (and a zip) of one
// GeoJSON file per ward in British National Grid, and ONS's population file of another ward
// vintage with the ward lookup that names its codes. One `compute … --report` gives a workbook
// that opens in LibreOffice and openpyxl, all crime first, each type's and ward's comparison, a
// ward map in rates, and a report naming only Ashvale and no local path.
import { zipSync } from "fflate";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli";
import {
  ASHVALE_WARDS,
  CRIME_TYPES,
  ashvaleTotals,
  populationCsv,
  wardGeoJson,
  wardLookupCsv,
  wardMonthRows,
} from "../helpers/madeUpBorough";
import { openedByOpenpyxl, writtenByOpenpyxl } from "../helpers/otherWriters";
import { documentText, sheetsAsCsvMany } from "../helpers/spreadsheetApp";
import { SAMPLE_WARDS_2015 } from "../helpers/boundaries";

interface Json {
  keyFindings: { text: string; label: string }[];
  findings: { severity: string; kind: string; message: string }[];
  tables: { title: string; rows: { label: string; values: number[]; aggregate: boolean }[] }[];
  wards?: {
    layers: {
      title: string;
      rateBase: string | null;
      wards: { name: string; count: number; ratePer1000: number | null }[];
    }[];
  };
}

let dir: string;
let input: string;
let wards: string;
let zip: string;
let population: string;
let lookup: string;
const rows = wardMonthRows();

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-ashvale-"));
  input = writtenByOpenpyxl({ Sheet1: rows }, path.join(dir, "ward-crime.xlsx"));
  wards = path.join(dir, "ashvale-wards");
  await fs.mkdir(wards);
  const files: Record<string, Uint8Array> = {};
  for (const [i, ward] of ASHVALE_WARDS.entries()) {
    await fs.writeFile(path.join(wards, `${ward.code}.geojson`), wardGeoJson(i));
    // The zip's files carry no crs member: their coordinates can only be grid metres.
    files[`wards/${ward.code}.geojson`] = new TextEncoder().encode(wardGeoJson(i, false));
  }
  zip = path.join(dir, "ashvale-wards.zip");
  await fs.writeFile(zip, zipSync(files));
  population = path.join(dir, "population.csv");
  await fs.writeFile(population, populationCsv());
  lookup = path.join(dir, "ward-lookup.csv");
  await fs.writeFile(lookup, wardLookupCsv());
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const readJson = async (file: string): Promise<Json> => JSON.parse(await fs.readFile(file, "utf8")) as Json;
const table = (json: Json, title: string) => json.tables.find((t) => t.title === title)!;

describe("a borough other than Maidstone", () => {
  it("gives an openable workbook, all crime first, every type and ward compared, a ward map in rates and a report of its own", async () => {
    const out = path.join(dir, "out.xlsx");
    const json = path.join(dir, "out.json");
    const report = path.join(dir, "report.docx");
    const result = await runCli(
      "compute",
      input,
      "--area",
      "Ashvale",
      "--boundaries",
      wards,
      "--population",
      population,
      "--population",
      lookup,
      "--out",
      out,
      "--json",
      json,
      "--report",
      report,
      "--quiet",
    );
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);

    // The workbook opens in LibreOffice and in openpyxl, the analyst's sheet as it was.
    const [libreOffice, openpyxl] = [await sheetsAsCsvMany([input, out]), openedByOpenpyxl([input, out])];
    expect(libreOffice.get(out)!.get("Sheet1")).toBe(libreOffice.get(input)!.get("Sheet1"));
    expect([...libreOffice.get(out)!.keys()]).toEqual(
      expect.arrayContaining(["CSP Summary", "CSP Tables", "CSP Wards"]),
    );
    const opened = openpyxl.get(out)!;
    expect(typeof opened).toBe("object");
    expect((opened as Map<string, string>).get("Sheet1")).toBe(
      (openpyxl.get(input) as Map<string, string>).get("Sheet1"),
    );

    const results = await readJson(json);
    // The total first among the key changes, exact.
    const [earlier, later] = ashvaleTotals(rows);
    expect(results.keyFindings[0].label).toBe("All crime");
    expect(results.keyFindings[0].text).toMatch(
      new RegExp(
        `^All crime fell by [0-9.]+%, from ${earlier.toLocaleString("en-GB")} to ${later.toLocaleString("en-GB")} \\(-${(earlier - later).toLocaleString("en-GB")}\\); a fall of`,
      ),
    );
    // How the sheet was read, in one finding.
    expect(results.findings.map((f) => f.message)).toContain(
      "Sheet1: 24 monthly columns, Feb 2024 – Jan 2026; compared Feb 2025 – Jan 2026 with Feb 2024 – Jan 2025; 190 rows by type, subtype and ward",
    );
    // Each type's and each ward's 12-month comparison, from Ashvale's rows alone.
    const types = table(results, "Crime by type (MajorText)");
    expect(
      types.rows
        .filter((r) => !r.aggregate)
        .map((r) => r.label)
        .sort(),
    ).toEqual([...new Set(CRIME_TYPES.map(([major]) => major))].sort());
    expect(table(results, "Crime by subtype (MinorText)").rows).toHaveLength(CRIME_TYPES.length);
    const byWard = table(results, "Crime by ward");
    expect(byWard.rows.map((r) => r.label).sort()).toEqual(ASHVALE_WARDS.map((w) => w.name).sort());
    const riverside = rows.filter((r) => r[2] === "Riverside" && r[4] === "Ashvale");
    const sum = (from: number, to: number): number =>
      riverside.reduce((n, r) => n + (r.slice(5 + from, 5 + to) as number[]).reduce((a, b) => a + b, 0), 0);
    expect(byWard.rows.find((r) => r.label === "Riverside")!.values).toEqual([sum(0, 12), sum(12, 24)]);
    expect(table(results, "Crime by month").rows).toHaveLength(12);

    // The ward map: all 19 wards, rates where the population (matched by name) gives them.
    const layer = results.wards!.layers[0];
    expect(layer.title).toBe("Crime by ward");
    expect(layer.wards).toHaveLength(19);
    expect(layer.wards.find((w) => w.name === "Riverside")!.count).toBe(sum(12, 24));
    expect(layer.wards.filter((w) => w.ratePer1000 !== null)).toHaveLength(17);
    expect(results.findings.map((f) => f.message)).toContain(
      "population.csv: the population file uses other ward codes than the boundaries; 17 of 19 wards matched by name",
    );
    const missing =
      "population.csv: no population for 2 wards of the boundaries: Riverside, St Clement's; their rates are left blank";
    expect(results.findings.map((f) => f.message)).toContain(missing);
    expect(result.out).toContain(`Warning: ${missing}`);

    // The report names Ashvale, maps rates, and names no local path and no other borough.
    const text = await documentText(report);
    expect(text).toContain("Ashvale Community Safety Partnership");
    expect(text).toMatch(/Crime by ward, Feb 25 – Jan 26: rate per 1,000 residents/);
    expect(text).toContain("ward-crime.xlsx: 1 sheet read");
    expect(text).not.toContain("Maidstone");
    expect(text).not.toContain(dir);
    expect(text).not.toContain(os.tmpdir());
  }, 180000);

  it("reads the same wards from a zip of GeoJSON files with no crs member, by their coordinates", async () => {
    const json = path.join(dir, "zip.json");
    const result = await runCli("compute", input, "--area", "Ashvale", "--boundaries", zip, "--json", json, "--quiet");
    expect(result.err).toEqual([]);
    const layer = (await readJson(json)).wards!.layers[0];
    expect(layer.wards.map((w) => w.name).sort()).toEqual(ASHVALE_WARDS.map((w) => w.name).sort());
    expect(layer.wards.reduce((n, w) => n + w.count, 0)).toBe(ashvaleTotals(rows)[1]);
  }, 60000);

  it("uses no borough's wards unless given, and says which tables could have been mapped", async () => {
    const json = path.join(dir, "none.json");
    const report = path.join(dir, "none.docx");
    const result = await runCli("compute", input, "--json", json, "--report", report, "--quiet");
    expect(result.err).toEqual([]);
    const results = await readJson(json);
    expect(results.wards).toBeUndefined();
    expect(result.out).toContain(
      "Ward layers: none, as no ward boundaries were given (--boundaries <file|folder>) for Crime by ward",
    );
    // Without the area, the sheet's two boroughs are added together, and that is said.
    expect(result.out.join("\n")).toMatch(/Warning: Sheet1: the sheet holds 2 areas in its LookUp_BoroughName column/);
    const text = await documentText(report);
    expect(text).not.toMatch(/Gi\* hotspots at 95%|No ward is a Gi\* hotspot/);
    expect(text).not.toContain("Ward boundaries");
  }, 120000);

  it("says in one warning when a ward table matches none of the boundaries given", async () => {
    const json = path.join(dir, "other.json");
    const maidstone = SAMPLE_WARDS_2015;
    const result = await runCli(
      "compute",
      input,
      "--area",
      "Ashvale",
      "--boundaries",
      maidstone,
      "--json",
      json,
      "--quiet",
    );
    expect(result.err).toEqual([]);
    const warning =
      "Sheet1: Crime by ward: 19 ward names, 0 in the boundaries given (26 wards); it is left off the map";
    expect((await readJson(json)).findings.map((f) => f.message)).toContain(warning);
    expect(result.out).toContain(`Warning: ${warning}`);
  }, 60000);
});
