import ExcelJS from "exceljs";
// A force-wide police.uk download placed among the force's districts: each record's district from
// its LSOA name (or an LSOA lookup), the home area's rank with its interval, rates and a funnel,
// the download's coverage, and unusual months. The oracle counts the real Kent files itself with
// Papa Parse; the longer downloads are made up here from those rows.
import { strFromU8, unzipSync } from "fflate";
import Papa from "papaparse";
import { existsSync, promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SHARED_POPULATION, SHARED_WARD_LOOKUP } from "../helpers/boundaries";
import { runCli } from "../helpers/cli";
import { POLICE_UK_DIR, describeReal } from "../helpers/realData";
import { districtNow } from "../../src/core/incidents/districtChanges";

const POLICE_UK = POLICE_UK_DIR;
const KENT = ["2022-01", "2022-02", "2022-03"].map((m) => path.join(POLICE_UK, `${m}-kent-street.csv`));
const WARD_POPULATION = SHARED_POPULATION;

type Row = Record<string, string>;
const rowsOf = (file: string): Row[] =>
  Papa.parse<Row>(readFileSync(file, "utf8"), { header: true, skipEmptyLines: true }).data;

interface District {
  name: string;
  count: number;
  previous?: number;
  pctChange?: number | null;
  ratePer1000?: number;
  outside?: { districts: number };
}
interface Run {
  code: number;
  out: string[];
  json: {
    extract: {
      byDistrict: District[];
      districts: {
        force: string;
        total: number;
        previousMonths: { from: string; to: string } | null;
        home: {
          rank: number;
          of: number;
          rankInterval: [number, number];
          sentence: string;
          funnel: {
            rate: number;
            aggregateRate: number;
            limits95: [number, number];
            limits998: [number, number];
          } | null;
        } | null;
      };
      coverage: { force: string; missingMonths: string[]; shortMonths: { month: string }[]; unlocatedShare: number }[];
    };
    unusualMonths: { series: string; month: string; direction: string; adjustedP: number }[];
    findings: { kind: string; message: string }[];
  };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-districts-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function incidents(...args: string[]): Promise<Run> {
  const file = path.join(dir, `run-${Math.random().toString(36).slice(2)}.json`);
  const result = await runCli("incidents", ...args, "--json", file);
  return { ...result, json: existsSync(file) ? JSON.parse(await fs.readFile(file, "utf8")) : null };
}

describeReal("the force's districts from a police.uk download", () => {
  it("gives the same districts, home sentence, rates and coverage from the rows pasted into a workbook", async () => {
    // One sheet of January's rows, as an analyst pastes a download into Excel.
    const text = readFileSync(KENT[0], "utf8");
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Kent January").addRows(rows);
    const pasted = path.join(dir, "pasted.xlsx");
    await workbook.xlsx.writeFile(pasted);
    const common = ["--area", "Maidstone", "--population", WARD_POPULATION, "--population", SHARED_WARD_LOOKUP];
    const fromFiles = await incidents(KENT[0], ...common);
    const json = path.join(dir, "pasted.json");
    const computed = await runCli("compute", pasted, ...common, "--json", json);
    expect(computed.err).toEqual([]);
    const fromWorkbook = JSON.parse(await fs.readFile(json, "utf8")).incidents[0];
    expect(fromWorkbook.extract.byDistrict).toEqual(fromFiles.json!.extract.byDistrict);
    expect(fromWorkbook.extract.districts).toEqual(fromFiles.json!.extract.districts);
    expect(fromWorkbook.extract.districts.home.sentence).toMatch(
      /^Maidstone had the 4th highest number of crimes of the 13 Kent districts in January 2022 \(1,256\)/,
    );
    expect(fromWorkbook.extract.coverage).toEqual(fromFiles.json!.extract.coverage);
  }, 120000);

  it("counts every Kent district's crimes exactly, by LSOA name, and ranks Maidstone with its interval", async () => {
    const run = await incidents(POLICE_UK, "--area", "Maidstone");
    expect(run.code).toBe(0);
    // The oracle: Kent Police's rows, anti-social behaviour apart, by the LSOA name less its code.
    const expected = new Map<string, number>();
    for (const file of KENT)
      for (const row of rowsOf(file)) {
        // police.uk's LSOA names keep the districts of 2011: Shepway is Folkestone and Hythe now.
        const named = /^(.*\S)\s+\d{3}[A-Z]$/.exec(row["LSOA name"] ?? "")?.[1];
        const district = named && (districtNow(named)?.now ?? named);
        if (district && row["Crime type"] !== "Anti-social behaviour")
          expected.set(district, (expected.get(district) ?? 0) + 1);
      }
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    const force = [...expected].filter(([, n]) => n >= total * 0.01).sort((a, b) => b[1] - a[1]);
    const { byDistrict, districts } = run.json.extract;
    expect(byDistrict.filter((d) => !d.outside).map((d) => [d.name, d.count])).toEqual(force);
    expect(force).toHaveLength(13);
    const outside = byDistrict.find((d) => d.outside)!;
    expect(outside.count).toBe(total - force.reduce((a, [, n]) => a + n, 0));
    expect(outside.outside!.districts).toBe(expected.size - 13);
    expect(districts.force).toBe("Kent Police");
    expect(districts.total).toBe(total);
    expect(districts.home).toMatchObject({ rank: 3, of: 13 });
    const [lo, hi] = districts.home!.rankInterval;
    expect(lo).toBeLessThanOrEqual(3);
    expect(hi).toBeGreaterThanOrEqual(3);
    expect(districts.home!.sentence).toMatch(
      /^Maidstone had the 3rd highest number of crimes of the 13 Kent districts in January to March 2022 \(3,867\), 9\.2% of Kent's 42,226\./,
    );
    expect(run.out.join("\n")).toContain(districts.home!.sentence);
    // British Transport Police's records are another force's: not in Kent's districts.
    expect(run.json.extract.coverage.map((c) => c.force).sort()).toEqual(["British Transport Police", "Kent Police"]);
    const kent = run.json.extract.coverage.find((c) => c.force === "Kent Police")!;
    expect(kent).toMatchObject({ missingMonths: [], shortMonths: [] });
    const located = KENT.flatMap(rowsOf);
    expect(kent.unlocatedShare).toBeCloseTo(
      located.filter((r) => !r["LSOA code"] && !r.Latitude).length / located.length,
      10,
    );
    expect(run.json.findings.filter((f) => f.kind === "coverage-unlocated").map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^Kent Police and British Transport Police, January to March 2022, 4 monthly files: Kent Police: 1\.1% of records have no location \(1\.1% to 1\.2% by month\)/,
      ),
    ]);
  });

  it("gives each district's rate per 1,000 from ONS's ward populations and lookup, and Maidstone's funnel limits", async () => {
    const report = path.join(dir, "districts.docx");
    const run = await incidents(
      POLICE_UK,
      "--area",
      "Maidstone",
      "--population",
      WARD_POPULATION,
      "--population",
      SHARED_WARD_LOOKUP,
      "--report",
      report,
    );
    const maidstone = run.json.extract.byDistrict.find((d) => d.name === "Maidstone")!;
    // The 26 Maidstone wards sum to 173,132 people (SOURCE.md).
    expect(maidstone.ratePer1000).toBeCloseTo((3867 / 173132) * 1000, 10);
    const funnel = run.json.extract.districts.home!.funnel!;
    expect(funnel.limits95[0]).toBeLessThan(funnel.aggregateRate);
    expect(funnel.limits998[0]).toBeLessThan(funnel.limits95[0]);
    expect(funnel.limits998[1]).toBeGreaterThan(funnel.limits95[1]);
    expect(run.json.extract.districts.home!.sentence).toMatch(
      /22\.3 crimes per 1,000 residents against 22\.5 across the districts, within/,
    );
    // The draft report has the districts' section, its table and the funnel plot as a picture.
    const parts = unzipSync(new Uint8Array(await fs.readFile(report)));
    const text = strFromU8(parts["word/document.xml"]).replace(/<[^>]+>/g, " ");
    expect(text).toContain("Kent districts");
    // The home district leads: the title page names its partnership, and the summary opens with its standing.
    const words = text.replace(/\s+/g, " ");
    expect(words).toMatch(
      /^ *Maidstone Community Safety Partnership +Strategic Assessment 2022-23 +Data January to March 2022\./,
    );
    const summary = words.indexOf("Executive summary", words.indexOf("Executive summary") + 1);
    expect(words.slice(summary)).toMatch(
      /^Executive summary +\[Analyst: [^\]]*\] +January to March 2022: 3,867 crimes and 598 anti-social behaviour incidents in Maidstone \(the records police\.uk places in its LSOAs\)/,
    );
    expect(text).toMatch(/Funnel plot: Maidstone 22\.3 crimes per 1,000 residents against 22\.5 for the districts/);
    expect(Object.keys(parts).filter((p) => /^word\/media\/.+\.png$/.test(p))).toHaveLength(1);
  });

  it("compares the latest 12 months with the same months a year earlier, and finds a short month and a missing one", async () => {
    // 26 months of a made-up force from Kent's January rows: one month missing, one cut short, and
    // one with Maidstone's crimes doubled (an unusual month).
    const header = readFileSync(KENT[0], "utf8").split("\r\n")[0];
    const rows = readFileSync(KENT[0], "utf8").split("\r\n").slice(1).filter(Boolean);
    const download = path.join(dir, "made-up");
    await fs.mkdir(download, { recursive: true });
    for (let k = 0; k < 26; k += 1) {
      const month = `${2020 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
      if (month === "2020-07") continue;
      let lines = rows.map((line) => line.replace(/,2022-01,/, `,${month},`));
      if (month === "2021-03") lines = lines.slice(0, Math.floor(lines.length / 2));
      if (month === "2021-11")
        lines = [...lines, ...lines.filter((l) => /,Maidstone \d{3}[A-Z],/.test(l) && !/Anti-social/.test(l))];
      await fs.writeFile(path.join(download, `${month}-kent-street.csv`), [header, ...lines].join("\r\n"));
    }
    const run = await incidents(download, "--area", "Maidstone");
    expect(run.code).toBe(0);
    const { districts, byDistrict, coverage } = run.json.extract;
    expect(districts.previousMonths).toEqual({ from: "2020-03", to: "2021-02" });
    const maidstone = byDistrict.find((d) => d.name === "Maidstone")!;
    expect(maidstone.previous).toBeGreaterThan(0);
    expect(districts.home!.sentence).toMatch(/on the same months a year earlier, against [-\d.]+% for Kent as a whole/);
    expect(coverage[0]).toMatchObject({ missingMonths: ["2020-07"], shortMonths: [{ month: "2021-03" }] });
    const kinds = run.json.findings.map((f) => f.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(["coverage-missing-months", "coverage-short-months", "district-standing"]),
    );
    // The doubled month stands out in the borough's crime series; so does the short one.
    const unusual = run.json.unusualMonths.map((u) => [u.month, u.direction]);
    expect(unusual).toEqual(
      expect.arrayContaining([
        ["March 2021", "below"],
        ["November 2021", "above"],
      ]),
    );
    // July 2021 is as every month; its baseline (July 2020 is missing) leaves out the short March.
    expect(unusual.filter(([month]) => month === "July 2021")).toEqual([]);
  });
});
