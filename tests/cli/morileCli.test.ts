import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli";
import { SAMPLE } from "../helpers/sample";
import { HIGH_LEVELS } from "../helpers/morileLevels";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-morile-"));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const run = runCli;

const LEVELS = HIGH_LEVELS;

describe("csp-assess morile-template", () => {
  it("writes a MoRiLE sheet with exactly the template header, pre-filled themes, and a labelled preset config", async () => {
    const file = path.join(dir, "template.xlsx");
    expect((await run("morile-template", file)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const morile = wb.getWorksheet("MoRiLE")!;
    expect((morile.getRow(1).values as unknown[]).slice(1)).toEqual([
      "Theme",
      "Physical",
      "Psychological",
      "Financial",
      "Community & environment",
      "Geographic scope",
      "Vulnerability",
      "Likelihood",
      "Confidence",
      "Capacity",
      "Capability",
      "Rationale",
      "Evidence",
    ]);
    expect(morile.getCell("A2").value).toBe("Serious, violent and organised crime (incl. modern slavery)");
    expect(morile.getCell("A4").value).toBe("Domestic abuse (incl. stalking)");
    const config = wb.getWorksheet("MoRiLE Config")!;
    expect(config.getCell("B2").value).toBe("Linear");
    expect(String(config.getCell("C2").value)).toMatch(/A preset, not MoRiLE's official values/);
    expect(wb.definedNames.model).toEqual([]);
  });

  it("gives a ranking once the template is filled in, printed by compute, with each preset", async () => {
    const file = path.join(dir, "template.xlsx");
    await run("morile-template", file, "--preset", "escalating");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("MoRiLE")!;
    ws.getRow(2).values = ["Serious violence", ...LEVELS];
    ws.getRow(3).values = ["Domestic abuse", ...LEVELS.map((l) => (l === "Low" ? "Moderate" : l))];
    ws.getRow(4).values = ["Substance misuse", "Huge", ...LEVELS.slice(1)];
    await wb.xlsx.writeFile(file);
    const json = path.join(dir, "out.json");
    const result = await run("compute", file, "--json", json);
    expect(result.code).toBe(0);
    expect(result.out).toEqual(
      expect.arrayContaining([
        "MoRiLE ranking (Escalating preset):",
        "   1. Domestic abuse: score 96.0 (Medium; ranks 1-2, stable)",
        "   2. Serious violence: score 84.0 (Medium; ranks 1-2, stable)",
      ]),
    );
    const parsed = JSON.parse(await fs.readFile(json, "utf8"));
    expect(parsed.morile.preset).toBe("Escalating");
    expect(parsed.morile.themes[1]).toMatchObject({
      theme: "Serious violence",
      harm: 14,
      likelihood: 4,
      risk: 56,
      position: 3,
      score: 84,
      rank: 2,
      band: "Medium",
      confidence: "High",
      rankRange: [1, 2],
    });
    expect(parsed.morile.findings.filter((f: { severity: string }) => f.severity !== "info")).toEqual([
      expect.objectContaining({ cell: "MoRiLE!B4", severity: "error", kind: "morile-level-off-scale" }),
    ]);
    expect(parsed.morile.excluded).toContainEqual({
      theme: "Anti-social behaviour",
      cell: "MoRiLE!A7",
      reason: "not scored yet",
    });
  });

  it("ranks the sample's illustrative MoRiLE sheets with the seed's five priorities on top", async () => {
    const json = path.join(dir, "sample.json");
    expect((await run("compute", SAMPLE, "--json", json)).code).toBe(0);
    const { morile } = JSON.parse(await fs.readFile(json, "utf8"));
    expect(
      morile.themes
        .slice(0, 5)
        .map((t: { theme: string }) => t.theme)
        .sort(),
    ).toEqual([
      "Children and young people's safety (incl. CSE and gangs)",
      "Domestic abuse (incl. stalking)",
      "Mental health vulnerability",
      "Serious, violent and organised crime (incl. modern slavery)",
      "Substance misuse",
    ]);
    expect(morile.themes.find((t: { theme: string }) => t.theme === "Mental health vulnerability")).toMatchObject({
      previousRank: 6,
      movement: 2,
    });
  });

  it("refuses an unknown preset", async () => {
    expect((await run("morile-template", path.join(dir, "x.xlsx"), "--preset", "official")).code).toBe(2);
    expect((await run("compute", SAMPLE, "--json", path.join(dir, "x.json"), "--morile-preset", "nope")).code).toBe(2);
  });
});
