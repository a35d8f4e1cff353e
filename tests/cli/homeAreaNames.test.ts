// The home area as people write it ("Tonbridge & Malling", "Maidstone Borough Council") finds
// the publication's own spelling in a table of districts and among police.uk's districts alike;
// one that matches nothing is a wrong call naming the nearest areas, with nothing written.
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli";
import { POLICE_UK_DIR, itReal } from "../helpers/realData";
import { SAMPLE } from "../helpers/sample";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-area-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const json = async (file: string) => JSON.parse(await fs.readFile(file, "utf8"));

describe("the home area's name", () => {
  it("finds Tonbridge and Malling in the sample's table of Kent districts, written with &", async () => {
    const out = path.join(dir, "sample.json");
    const result = await runCli("compute", SAMPLE, "--area", "Tonbridge & Malling", "--json", out, "--quiet");
    expect(result.code).toBe(0);
    const standings = (await json(out)).tables.filter((t: { homeArea?: unknown }) => t.homeArea);
    expect(standings.map((t: { homeArea: { label: string } }) => t.homeArea.label)).toEqual([
      "Tonbridge & Malling",
      "Tonbridge & Malling",
    ]);
    const council = path.join(dir, "council.json");
    expect((await runCli("compute", SAMPLE, "--area", "Maidstone Borough Council", "--json", council)).code).toBe(0);
    expect((await json(council)).keyFindings.map((k: { text: string }) => k.text)).toContain(
      "Maidstone had the highest number of alcohol related hospital admissions of the 12 Kent districts (165), up 18.7% (+26), against 14.4% for All Kent.",
    );
  });

  it("refuses a name that is none of the data's areas, naming the nearest, and writes nothing", async () => {
    const out = path.join(dir, "none.json");
    const result = await runCli("compute", SAMPLE, "--area", "Tunbridge", "--json", out);
    expect(result.code).toBe(2);
    expect(result.err).toEqual([
      'csp-assess: --area "Tunbridge" is none of the 12 areas the data name; the nearest: Tunbridge Wells, Tonbridge & Malling, Ashford',
    ]);
    expect(existsSync(out)).toBe(false);
  });

  itReal("finds Tonbridge and Malling among police.uk's Kent districts, written with &", async () => {
    const out = path.join(dir, "police.json");
    const result = await runCli("incidents", POLICE_UK_DIR, "--area", "Tonbridge & Malling", "--json", out);
    expect(result.code).toBe(0);
    expect((await json(out)).extract.districts.home.name).toBe("Tonbridge and Malling");
    const wrong = await runCli("incidents", POLICE_UK_DIR, "--area", "Maidston", "--json", path.join(dir, "x.json"));
    expect([wrong.code, wrong.err]).toEqual([
      2,
      ['csp-assess: --area "Maidston" is none of the 13 areas the data name; the nearest: Maidstone, Medway, Thanet'],
    ]);
  });
});
