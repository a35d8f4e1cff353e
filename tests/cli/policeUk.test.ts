import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { SAMPLE_WARDS } from "../helpers/sample";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import Papa from "papaparse";
import { existsSync, promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { builtBoundaries, onsWardPopulation, SHARED_POPULATION } from "../helpers/boundaries";
import { runCli } from "../helpers/cli";
import { POLICE_UK_DIR, describeReal } from "../helpers/realData";

// police.uk's real street-level files for Kent (and British Transport Police), read as published.
const POLICE_UK = POLICE_UK_DIR;
const MONTHS = ["2022-01", "2022-02", "2022-03"];
const kent = (month: string): string => path.join(POLICE_UK, `${month}-kent-street.csv`);

interface Extract {
  records: number;
  located: number;
  outsideBoundaries: number;
  unlocated: number;
  months: { month: string; count: number; crime: number; antisocialBehaviour: number }[];
  byCategory: { category: string; count: number }[];
  byWard: { code: string; name: string; count: number; crime: number; antisocialBehaviour: number }[];
  byLsoa: { code: string; count: number }[];
}

let dir: string;
let download: string;
let zip: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-police-uk-"));
  // A download as police.uk gives it: one folder per month, an outcomes file beside the street file.
  download = path.join(dir, "download");
  const archive = new JSZip();
  for (const month of MONTHS) {
    await fs.mkdir(path.join(download, month), { recursive: true });
    const bytes = await fs.readFile(kent(month));
    await fs.writeFile(path.join(download, month, `${month}-kent-street.csv`), bytes);
    archive.file(`${month}/${month}-kent-street.csv`, bytes);
  }
  const outcomes =
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\r\n";
  await fs.writeFile(path.join(download, "2022-01", "2022-01-kent-outcomes.csv"), outcomes);
  archive.file("2022-01/2022-01-kent-outcomes.csv", outcomes);
  zip = path.join(dir, "download.zip");
  await fs.writeFile(zip, await archive.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function incidents(
  ...args: string[]
): Promise<{ code: number; out: string[]; err: string[]; json: Record<string, unknown> & { extract: Extract } }> {
  const file = path.join(dir, `run-${Math.random().toString(36).slice(2)}.json`);
  const result = await runCli("incidents", ...args, ...SAMPLE_WARDS, "--json", file);
  const json = existsSync(file) ? JSON.parse(await fs.readFile(file, "utf8")) : null;
  return { ...result, json };
}

/** Metres from a point to the nearest edge of a ward polygon (flat Earth: fine at 2 m). */
function metresToEdge(lon: number, lat: number, rings: number[][][]): number {
  const kx = 111320 * Math.cos((lat * Math.PI) / 180);
  const ky = 110574;
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i += 1) {
      const [ax, ay] = [(ring[i - 1][0] - lon) * kx, (ring[i - 1][1] - lat) * ky];
      const [bx, by] = [(ring[i][0] - lon) * kx, (ring[i][1] - lat) * ky];
      const [dx, dy] = [bx - ax, by - ay];
      const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best;
}

describeReal("police.uk street-level crime", () => {
  it("reads a download as a folder and as its zip with identical results, skipping the outcomes file", async () => {
    const folder = await incidents(download);
    const zipped = await incidents(zip);
    expect([folder.code, zipped.code]).toEqual([0, 0]);
    expect(folder.err).toEqual([]);
    const { outsideExamples: _a, ...a } = folder.json.extract as Extract & { outsideExamples: unknown };
    const { outsideExamples: _b, ...b } = zipped.json.extract as Extract & { outsideExamples: unknown };
    expect(b).toEqual(a);
    for (const run of [folder, zipped]) {
      const files = run.json.files as { read: { name: string }[]; skipped: { name: string; reason: string }[] };
      expect(files.read.map((f) => path.basename(f.name))).toEqual(MONTHS.map((m) => `${m}-kent-street.csv`));
      expect(files.skipped.map((f) => [path.basename(f.name), f.reason])).toEqual([
        ["2022-01-kent-outcomes.csv", "a police.uk outcomes file, not street-level crime"],
      ]);
    }
    // Three months cannot be compared year on year: the whole extract is summarised, and said so.
    expect(folder.json.comparable).toBe(false);
    const kinds = (folder.json.findings as { kind: string }[]).map((f) => f.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "short-extract",
        "month-only-dates",
        "outside-boundaries",
        "unlocated-records",
        "file-skipped",
      ]),
    );
    expect(folder.json.patterns).toBeNull();
  });

  it("places every record as an exact point-in-polygon test does, month by month, with anti-social behaviour apart", async () => {
    const run = await incidents(...MONTHS.map(kent));
    expect(run.code).toBe(0);
    const boundaries = builtBoundaries();
    const wardIndex = new Map(boundaries.wards.map((w, i) => [w.name, i]));
    const rings = boundaries.wards.map((w) =>
      w.geometry.type === "Polygon" ? w.geometry.coordinates : w.geometry.coordinates.flat(),
    );
    const expected = boundaries.wards.map(() => 0);
    const near = boundaries.wards.map(() => 0);
    const months = new Map<string, { count: number; asb: number; near: number }>();
    let records = 0;
    let unlocated = 0;
    for (const month of MONTHS) {
      const rows = Papa.parse<Record<string, string>>(readFileSync(kent(month), "utf8"), {
        header: true,
        skipEmptyLines: true,
      }).data;
      for (const row of rows) {
        records += 1;
        if (row.Longitude === "") {
          unlocated += 1;
          continue;
        }
        const point = [Number(row.Longitude), Number(row.Latitude)];
        const ward = boundaries.wards.findIndex((w) => booleanPointInPolygon(point, w.geometry));
        // Points within 2 m of a ward edge may fall either side (police.uk puts some on edges).
        const edges = boundaries.wards
          .map((_, i) => i)
          .filter((i) => {
            const [x0, y0, x1, y1] = boundaries.wards[i].bbox;
            return (
              point[0] > x0 - 1e-4 &&
              point[0] < x1 + 1e-4 &&
              point[1] > y0 - 1e-4 &&
              point[1] < y1 + 1e-4 &&
              metresToEdge(point[0], point[1], rings[i]) < 2
            );
          });
        const m = months.get(row.Month) ?? { count: 0, asb: 0, near: 0 };
        months.set(row.Month, m);
        if (edges.length > 0) {
          m.near += 1;
          for (const i of edges) near[i] += 1;
        }
        if (ward < 0) continue;
        expected[ward] += 1;
        m.count += 1;
        if (row["Crime type"] === "Anti-social behaviour") m.asb += 1;
      }
    }
    const { extract } = run.json;
    expect(extract.records).toBe(records);
    expect(extract.unlocated).toBe(unlocated);
    expect(extract.located + extract.outsideBoundaries + extract.unlocated).toBe(records);
    const nearTotal = near.reduce((a, b) => a + b, 0);
    expect(nearTotal).toBeLessThan(records / 100);
    const ours = boundaries.wards.map(() => 0);
    for (const w of extract.byWard) ours[wardIndex.get(w.name)!] = w.count;
    boundaries.wards.forEach((w, i) =>
      expect([w.name, Math.abs(ours[i] - expected[i]) <= near[i]]).toEqual([w.name, true]),
    );
    expect(extract.months.map((m) => m.month)).toEqual(MONTHS);
    for (const m of extract.months) {
      const oracle = months.get(m.month)!;
      expect(Math.abs(m.count - oracle.count)).toBeLessThanOrEqual(oracle.near);
      expect(Math.abs(m.antisocialBehaviour - oracle.asb)).toBeLessThanOrEqual(oracle.near);
      expect(m.crime + m.antisocialBehaviour).toBe(m.count);
    }
    // ASB is a category of its own, by police.uk's name, and never in "all crime".
    expect(extract.byCategory.map((c) => c.category)).toContain("Anti-social behaviour");
    expect(run.json.byGroup as { group: string }[]).not.toContainEqual(
      expect.objectContaining({ group: "Anti-social behaviour" }),
    );
    expect(extract.byCategory.reduce((a, c) => a + c.count, 0)).toBe(extract.located);
    expect(extract.byLsoa.reduce((a, l) => a + l.count, 0)).toBe(extract.located);
    expect(run.out[0]).toMatch(/^No year-on-year comparison: the extract covers January to March 2022/);
  });

  it("gives rates per 1,000 from ONS's ward populations as published: the 26 wards sum to 173,132 people", async () => {
    const run = await incidents(kent("2022-01"), "--population", SHARED_POPULATION);
    expect(run.code).toBe(0);
    const layers = (
      run.json.wards as {
        layers: {
          title: string;
          rateBase: string;
          wards: { code: string; count: number; population: number; ratePer1000: number }[];
        }[];
      }
    ).layers;
    expect(layers.map((l) => [l.title, l.rateBase])).toEqual([
      // Named by its force and month, never by its path.
      ["Kent Police, January 2022, 1 monthly file: crime by ward", "all ages"],
      ["Kent Police, January 2022, 1 monthly file: anti-social behaviour by ward", "all ages"],
    ]);
    const crime = layers[0].wards;
    expect(crime).toHaveLength(26);
    expect(crime.reduce((a, w) => a + w.population, 0)).toBe(173132);
    const high = crime.find((w) => w.code === "E05004996")!;
    expect(high.ratePer1000).toBeCloseTo((high.count / onsWardPopulation("E05004996")) * 1000, 9);
  });

  it("counts a month given twice once, and says when several forces' records are mixed", async () => {
    const twice = await incidents(kent("2022-01"), download);
    expect(twice.code).toBe(0);
    const skipped = (twice.json.files as { skipped: { name: string; reason: string }[] }).skipped;
    expect(skipped.find((s) => s.name.endsWith(path.join("2022-01", "2022-01-kent-street.csv")))?.reason).toMatch(
      /2022-01 of kent was given twice/,
    );
    const once = await incidents(download);
    expect(twice.json.extract.months).toEqual(once.json.extract.months);

    const mixed = await incidents(kent("2022-01"), path.join(POLICE_UK, "2022-01-btp-street.csv"));
    expect(mixed.code).toBe(0);
    const several = (mixed.json.findings as { kind: string; severity: string; message: string }[]).find(
      (f) => f.kind === "several-forces",
    )!;
    expect(several.severity).toBe("warning");
    expect(several.message).toMatch(/Kent Police \([\d,]+\), British Transport Police \([\d,]+\)/);
    expect(mixed.json.extract.records).toBeGreaterThan((await incidents(kent("2022-01"))).json.extract.records);
  });

  it("reads police.uk's rows with broken cells, counting what it cannot use by reason", async () => {
    const header = readFileSync(kent("2022-01"), "utf8").split("\r\n")[0];
    const file = path.join(dir, "2022-04-kent-street.csv");
    await fs.writeFile(
      file,
      [
        header,
        ",2022-04,Kent Police,Kent Police,0.522,51.2758,On or near Union Street,E01024389,Maidstone 013A,Shoplifting,,",
        ",2022-13,Kent Police,Kent Police,0.522,51.2758,On or near Union Street,E01024389,Maidstone 013A,Shoplifting,,",
        ",2022-04,Kent Police,Kent Police,0.522,51.2758,On or near Union Street,E01024389,Maidstone 013A,Parking,,",
        ",2022-04,Kent Police,Kent Police,abc,,On or near Nowhere,,,Drugs,,",
        "",
      ].join("\r\n"),
    );
    const run = await incidents(file);
    expect(run.code).toBe(0);
    // (The other two are counted, as every record of a short extract is, outside the compared years.)
    expect((run.json.rejected as { reasons: Record<string, number> }).reasons).toEqual({
      "unreadable date": 1,
      "unknown category": 1,
      "outside both periods": 2,
    });
    expect(run.json.extract).toMatchObject({ records: 4, located: 1, unlocated: 1 });
  });

  it.each([
    [
      "a folder with no street files",
      async () => {
        const folder = path.join(dir, "outcomes-only");
        await fs.mkdir(folder, { recursive: true });
        await fs.writeFile(
          path.join(folder, "2022-01-kent-outcomes.csv"),
          "Crime ID,Month,Outcome type\r\nx,2022-01,Unable to prosecute\r\n",
        );
        await fs.writeFile(path.join(folder, "2022-01-kent-stop-and-search.csv"), "Type,Date,Gender\r\n");
        return folder;
      },
      /outcomes-only: no record-level columns found/,
    ],
    [
      "a zip that is not a police.uk download",
      async () => {
        const other = new JSZip();
        other.file("README.txt", "hello");
        const file = path.join(dir, "other.zip");
        await fs.writeFile(file, await other.generateAsync({ type: "nodebuffer" }));
        return file;
      },
      /other\.zip: no record-level columns found.*README\.txt: not a CSV file/,
    ],
    [
      "a damaged zip",
      async () => {
        const file = path.join(dir, "damaged.zip");
        const bytes = await fs.readFile(zip);
        await fs.writeFile(file, Buffer.concat([bytes.subarray(0, 4000), Buffer.alloc(4000, 7), bytes.subarray(8000)]));
        return file;
      },
      /damaged\.zip(: .* cannot be (read|unpacked)| is a damaged zip file)/,
    ],
    [
      "a file that is not a zip",
      async () => {
        const file = path.join(dir, "fake.zip");
        await fs.writeFile(file, "not a zip at all");
        return file;
      },
      /fake\.zip is not a zip file/,
    ],
    ["a path that does not exist", async () => path.join(dir, "nowhere"), /nowhere does not exist/],
    [
      "an empty folder",
      async () => {
        const folder = path.join(dir, "empty");
        await fs.mkdir(folder, { recursive: true });
        return folder;
      },
      /empty is an empty folder/,
    ],
  ])("refuses %s with one line and no output", async (_what, make, message) => {
    const input = await make();
    const json = path.join(dir, "refused.json");
    const result = await runCli("incidents", input, ...SAMPLE_WARDS, "--json", json);
    expect(result.code).toBe(1);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(message);
    expect(result.err[0]).not.toMatch(/\n\s+at /);
    expect(existsSync(json)).toBe(false);
  });

  it("never hangs or crashes on a damaged download: it reads it or refuses it in one line", async () => {
    const small = new JSZip();
    const lines = readFileSync(kent("2022-01"), "utf8").split("\r\n").slice(0, 2000).join("\r\n");
    small.file("2022-01/2022-01-kent-street.csv", lines);
    small.file("2022-02/2022-02-kent-street.csv", lines.replace(/2022-01/g, "2022-02"));
    const bytes = await small.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const file = path.join(dir, "mutated.zip");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(bytes.length)),
        async (flips, cut) => {
          const mutated = Buffer.from(bytes.subarray(0, cut ?? bytes.length));
          for (const [at, value] of flips) if (at < mutated.length) mutated[at] = value;
          await fs.writeFile(file, mutated);
          const result = await runCli("incidents", file, ...SAMPLE_WARDS, "--json", path.join(dir, "mutated.json"));
          expect([0, 1]).toContain(result.code);
          if (result.code === 1) expect(result.err).toEqual([expect.not.stringMatching(/unexpected failure|\n\s+at /)]);
        },
      ),
      { numRuns: 40, seed: 15 },
    );
  });

  it("computes a workbook sheet of police.uk rows into the CSP Extract sheet and ward layers", async () => {
    // Maidstone's LSOAs' rows, and the first hundred of each month (another borough's), pasted into a sheet.
    const rows = MONTHS.flatMap((m) =>
      Papa.parse<string[]>(readFileSync(kent(m), "utf8"), { skipEmptyLines: true })
        .data.slice(1)
        .filter((r, i) => i < 100 || r[8].startsWith("Maidstone")),
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Street crime");
    ws.addRow(readFileSync(kent("2022-01"), "utf8").split("\r\n")[0].split(","));
    for (const row of rows) ws.addRow(row);
    const input = path.join(dir, "street.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "street-results.xlsx");
    const json = path.join(dir, "street.json");
    const result = await runCli("compute", input, ...SAMPLE_WARDS, "--out", out, "--json", json);
    expect(result.err).toEqual([]);
    const r = JSON.parse(await fs.readFile(json, "utf8"));
    expect(r.incidents[0].extract.months.map((m: { month: string }) => m.month)).toEqual(MONTHS);
    expect(r.incidents[0].extract.records).toBe(rows.length);
    expect(r.incidents[0].extract.outsideBoundaries).toBeGreaterThanOrEqual(250);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    const sheet = written.getWorksheet("CSP Extract")!;
    expect(String(sheet.getCell("A2").value)).toBe(`Street crime: ${rows.length.toLocaleString("en-GB")} records read`);
    const wardLayers = (r.wards.layers as { title: string }[]).map((l) => l.title);
    expect(wardLayers).toEqual(["Street crime: crime by ward", "Street crime: anti-social behaviour by ward"]);
  });
});
