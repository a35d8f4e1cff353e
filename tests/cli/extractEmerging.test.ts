// Emerging hotspots from a record-level extract: Ashvale's records over six months, the wards
// round Hollins growing month by month. The extract's crime by ward has one column (its span),
// so the trend comes from the extract's own month-by-month counts: crime only, anti-social
// behaviour apart, checked against the pattern the same counts give by design.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { emergingHotspots, emergingLabel } from "../../geo";
import { readBoundaryFiles } from "../../src/cli/readBoundaryFile";
import { runCli } from "../helpers/cli";
import { ASHVALE_WARDS, wardGeoJson, wardSquare } from "../helpers/madeUpBorough";

const MONTHS = ["2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07"];
const CENTRE = ASHVALE_WARDS.findIndex((w) => w.name === "Hollins");

interface WardsJson {
  wards: {
    layers: {
      title: string;
      emergingPeriods?: string[];
      wards: { name: string; emerging?: { pattern: string; giZByPeriod: number[] } }[];
    }[];
  };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-extract-trend-"));
  await fs.mkdir(path.join(dir, "wards"));
  for (const [i, ward] of ASHVALE_WARDS.entries())
    await fs.writeFile(path.join(dir, "wards", `${ward.code}.geojson`), wardGeoJson(i));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("emerging hotspots of a record-level extract", () => {
  it("classes each ward's crimes month by month, anti-social behaviour left out", async () => {
    const boundaries = await readBoundaryFiles([path.join(dir, "wards")]);
    const index = boundaries.wards.map((w) => ASHVALE_WARDS.findIndex((a) => a.name === w.name));
    const cluster = new Set([CENTRE, ...boundaries.neighbours[index.indexOf(CENTRE)].map((b) => index[b])]);
    // 12 crimes a ward a month (plus a seeded 0-5), the cluster 12 more each month; and 10
    // anti-social behaviour records a month in each of three wards, which must not count.
    let seed = 7;
    const noise = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) >> 16) % 6;
    const design = MONTHS.map((_, m) => ASHVALE_WARDS.map((_, w) => 12 + noise() + (cluster.has(w) ? 12 * m : 0)));
    const lines = ["Date,Crime type,Easting,Northing"];
    design.forEach((counts, m) => {
      const [year, month] = MONTHS[m].split("-");
      counts.forEach((n, w) => {
        const [[x, y]] = wardSquare(w)[0];
        for (let k = 0; k < n; k += 1)
          lines.push(
            `${1 + (k % 28)}/${month}/${year},Burglary,${x + 100 + (k % 60) * 20},${y + 300 + Math.floor(k / 60) * 400}`,
          );
      });
      for (const w of [0, 1, 2]) {
        const [[x, y]] = wardSquare(w)[0];
        for (let k = 0; k < 10; k += 1) lines.push(`15/${month}/${year},Anti-social behaviour,${x + 750},${y + 750}`);
      }
    });
    const csv = path.join(dir, "records.csv");
    await fs.writeFile(csv, `${lines.join("\n")}\n`);

    const json = path.join(dir, "out.json");
    const result = await runCli("incidents", csv, "--boundaries", path.join(dir, "wards"), "--json", json);
    expect(result.err).toEqual([]);
    const layers = (JSON.parse(await fs.readFile(json, "utf8")) as WardsJson).wards.layers;
    const crime = layers.find((l) => l.title.endsWith(": crime by ward"))!;
    expect(crime.emergingPeriods).toEqual(MONTHS);

    // The same counts, in the boundaries' order of wards, give the pattern by design.
    const byPeriod = design.map((counts) => index.map((w) => counts[w]));
    const expected = emergingHotspots(byPeriod, boundaries.neighbours);
    expect(crime.wards.map((w) => w.emerging?.pattern)).toEqual(expected.map(emergingLabel));
    expect(crime.wards.map((w) => w.emerging?.giZByPeriod)).toEqual(expected.map((w) => w.z));
    expect(crime.wards.find((w) => w.name === "Hollins")!.emerging!.pattern).toMatch(/hot spot$/);
    // Anti-social behaviour's layer is its own, with no months given to trend.
    expect(layers.find((l) => l.title.endsWith(": anti-social behaviour by ward"))!.emergingPeriods).toBeUndefined();
  }, 60000);
});
