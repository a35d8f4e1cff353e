import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cellDump } from "../../samples/buildSampleWorkbook";
import { runCli } from "../helpers/cli";
import { SAMPLE, SAMPLE_WARDS } from "../helpers/sample";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-cli-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const run = runCli;

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("csp-assess compute", () => {
  it("writes the input sheets unchanged plus formatted result sheets, and the JSON", async () => {
    const out = path.join(dir, "results.xlsx");
    const json = path.join(dir, "results.json");
    const result = await run("compute", SAMPLE, ...SAMPLE_WARDS, "--out", out, "--json", json);
    expect(result.code).toBe(0);
    expect(result.out.join("\n")).toMatch(/Read 32 tables from 21 sheets/);

    const original = await load(SAMPLE);
    const written = await load(out);
    expect(written.worksheets.map((w) => w.name)).toEqual([
      ...original.worksheets.map((w) => w.name),
      "CSP Summary",
      "CSP MoRiLE",
      "CSP Tables",
      "CSP Months",
      "CSP Extract",
      "CSP Patterns",
      "CSP Intervention",
      "CSP Wards",
      "CSP Findings",
    ]);
    expect(cellDump(written, (name) => !name.startsWith("CSP "))).toBe(cellDump(original));

    const tables = written.getWorksheet("CSP Tables")!;
    expect(tables.getRow(1).getCell(10).value).toBe("% change");
    expect(tables.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(tables.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const drugs = tables.getRows(2, tables.rowCount - 1)!.find((r) => r.getCell(3).value === "Drug offences")!;
    expect(drugs.getCell(10).numFmt).toBe("0.0%");
    expect(drugs.getCell(10).value).toBeCloseTo(0.239, 3);
    expect(tables.getColumn(2).width).toBeGreaterThan(20);
    const findings = written.getWorksheet("CSP Findings")!;
    expect(findings.getRow(2).getCell(2).value).toBe("'Youth offending'!B19");

    const parsed = JSON.parse(await fs.readFile(json, "utf8"));
    const table = parsed.tables.find((t: { title: string }) => t.title === "Police recorded crime, Maidstone");
    expect(table).toMatchObject({
      sheet: "Police crime",
      range: "'Police crime'!A2:D5",
      periods: ["Nov 17 – Oct 18", "Nov 18 – Oct 19"],
    });
    expect(table.rows[1]).toMatchObject({ label: "Drug offences", values: [318, 394], change: 76, aggregate: false });
    expect(table.rows[1].pctChange).toBeCloseTo(76 / 318, 12);
    expect(table.rows[1].steps).toEqual([{ change: 76, pctChange: table.rows[1].pctChange, status: "rise" }]);
    expect(table.rows[1].significance).toMatchObject({
      significant: true,
      wording: expect.stringMatching(
        /^a rise of 76 is more than normal year-to-year variation would explain \(p = 0\.\d{3}\)$/,
      ),
    });
    expect(parsed.findings[0]).toMatchObject({
      cell: "'Youth offending'!B19",
      severity: "error",
      kind: "total-mismatch",
      stated: 35,
      computed: 34,
    });
    expect(parsed.headlines.length).toBeGreaterThan(50);
  });

  it("includes the record-level extract: crime by group, the DA temporal profile, the Town Centre table and its ward layer", async () => {
    const out = path.join(dir, "extract.xlsx");
    const json = path.join(dir, "extract.json");
    expect((await run("compute", SAMPLE, ...SAMPLE_WARDS, "--out", out, "--json", json)).code).toBe(0);
    const parsed = JSON.parse(await fs.readFile(json, "utf8"));
    const [extract] = parsed.incidents;
    expect(extract).toMatchObject({
      source: "Police extract (synthetic)",
      periods: ["Nov 17 – Oct 18", "Nov 18 – Oct 19"],
      allCrime: [17244, 16947],
    });
    expect(extract.byWard.find((w: { name: string }) => w.name === "High Street").code).toBe("E05004996");
    expect((extract.daShareAll * 100).toFixed(1)).toBe("16.0");
    expect((extract.daShareViolence * 100).toFixed(1)).toBe("32.0");
    // Bad rows are named by their cell.
    expect(parsed.findings).toContainEqual(
      expect.objectContaining({
        severity: "warning",
        kind: "records-not-counted",
        cell: expect.stringMatching(/^'Police extract \(synthetic\)'!B\d+$/),
      }),
    );
    const groups = parsed.tables.find(
      (t: { title: string }) => t.title === "Police extract (synthetic): crime by group",
    );
    expect(groups.rows.find((r: { label: string }) => r.label === "Drug offences")).toMatchObject({
      values: [318, 394],
      change: 76,
    });
    expect(parsed.headlines.map((h: { text: string }) => h.text)).toContain(
      "Domestic abuse was 16.0% of all crime and 32.0% of violent crime in Nov 18 – Oct 19.",
    );

    const written = await load(out);
    const town = written.getWorksheet("CSP Intervention")!;
    expect(town.getCell("A2").value).toBe("Town Centre team: 12/10/2019 – 19/02/2020 against 12/10/2018 – 19/02/2019");
    const theft = town
      .getRows(3, town.rowCount - 2)!
      .find((r) => r.getCell(1).value === "High Street" && r.getCell(3).value === "Theft")!;
    expect([theft.getCell(4).value, theft.getCell(5).value, theft.getCell(6).value]).toEqual([165, 307, 142]);
    expect(theft.getCell(7).numFmt).toBe("0.0%");
    expect(theft.getCell(9).value).toBe("Beyond normal variation");
    const patterns = written.getWorksheet("CSP Patterns")!;
    expect(String(patterns.getCell("A2").value)).toMatch(
      /^Domestic abuse, Police extract \(synthetic\): [\d,]+ records, 01\/11\/2017 – 31\/10\/2019$/,
    );
    expect(patterns.getRow(3).values).toEqual([
      undefined,
      "Month",
      "Monday",
      "Tuesday",
      "Wednesday",
      "Thursday",
      "Friday",
      "Saturday",
      "Sunday",
      "Total",
    ]);
    const named: string[] = [];
    patterns.eachRow((row) => named.push(String(row.getCell(1).value)));
    expect(named).toEqual(
      expect.arrayContaining([
        "Christmas Day",
        "Valentine's Day",
        "Father's Day",
        "Summer bank holiday",
        "New Year's Eve",
      ]),
    );
    const layer = parsed.wards.layers.find((l: { title: string }) => l.title === "Town Centre team: all crime by ward");
    expect(layer).toBeDefined();

    const calendar = path.join(dir, "calendar.json");
    expect((await run("compute", SAMPLE, ...SAMPLE_WARDS, "--window", "calendar", "--json", calendar)).code).toBe(0);
    expect(JSON.parse(await fs.readFile(calendar, "utf8")).incidents[0].periods).toEqual([
      "Jan 18 – Dec 18",
      "Jan 19 – Dec 19",
    ]);
    expect((await run("compute", SAMPLE, "--window", "weekly", "--json", calendar)).code).toBe(2);
  });

  it("replaces its own result sheets on a re-run and never an analyst's sheet of the same name", async () => {
    const first = path.join(dir, "first.xlsx");
    expect((await run("compute", SAMPLE, ...SAMPLE_WARDS, "--out", first)).code).toBe(0);
    const second = path.join(dir, "second.xlsx");
    expect((await run("compute", first, ...SAMPLE_WARDS, "--out", second)).code).toBe(0);
    const a = await load(first);
    const b = await load(second);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    expect(cellDump(b)).toBe(cellDump(a));

    const own = await load(SAMPLE);
    const mine = own.addWorksheet("CSP Summary");
    mine.getCell("A1").value = "My own notes";
    const withOwn = path.join(dir, "own.xlsx");
    await own.xlsx.writeFile(withOwn);
    const third = path.join(dir, "third.xlsx");
    expect((await run("compute", withOwn, ...SAMPLE_WARDS, "--out", third)).code).toBe(0);
    const c = await load(third);
    expect(c.getWorksheet("CSP Summary")!.getCell("A1").value).toBe("My own notes");
    expect(c.getWorksheet("CSP Summary (2)")!.getCell("A1").value).toBe("Sheet");
  });

  it.each([
    ["a missing file", async () => path.join(dir, "nope.xlsx"), /nope\.xlsx does not exist/],
    [
      "a file that is not xlsx",
      async () => write("notes.xlsx", "just some text"),
      /notes\.xlsx is not an \.xlsx workbook/,
    ],
    [
      "a corrupt workbook",
      async () => write("broken.xlsx", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)])),
      /broken\.xlsx is damaged/,
    ],
    [
      "an encrypted workbook",
      async () =>
        write(
          "locked.xlsx",
          Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
        ),
      /locked\.xlsx is password-protected/,
    ],
    [
      "a workbook with no tables",
      async () => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet("Notes").getCell("A1").value = "Minutes of the meeting";
        const file = path.join(dir, "empty.xlsx");
        await wb.xlsx.writeFile(file);
        return file;
      },
      /no tables found on its 1 sheet/,
    ],
  ])("refuses %s with one line on stderr and leaves no output behind", async (_name, make, message) => {
    const input = await make();
    const out = path.join(dir, "out.xlsx");
    const json = path.join(dir, "out.json");
    const result = await run("compute", input, "--out", out, "--json", json);
    expect(result.code).toBe(1);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(message);
    expect(result.err[0]).not.toMatch(/\n/);
    const left = (await fs.readdir(dir)).filter((f) => f.startsWith("out") || f.includes(".tmp"));
    expect(left).toEqual([]);
  });

  it("refuses a wrong call with exit code 2", async () => {
    expect((await run("compute")).code).toBe(2);
    expect((await run("compute", SAMPLE, "--out")).code).toBe(2);
    expect((await run("compute", SAMPLE, "--bogus", "x")).err[0]).toMatch(/unknown option --bogus/);
    expect((await run("compute", SAMPLE, "--out", SAMPLE)).err[0]).toMatch(/never overwritten/);
    expect((await run("frobnicate")).code).toBe(2);
  });

  it("runs as the package's bin", () => {
    const out = path.join(os.tmpdir(), `csp-bin-${process.pid}.json`);
    const stdout = execFileSync(
      process.execPath,
      [path.join(__dirname, "..", "..", "bin", "csp-assess.js"), "compute", SAMPLE, "--json", out],
      { encoding: "utf8" },
    );
    expect(stdout).toMatch(/Results JSON/);
    return fs.rm(out);
  });
});

async function write(name: string, data: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, data);
  return file;
}
