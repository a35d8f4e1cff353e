// The layer rules catch a forbidden import whether it names a folder's index or a file in it.
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const ESLINT = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");

/** The messages eslint gives for `source` as if it were the file at `file`. */
function lint(file: string, source: string): string[] {
  const result = spawnSync(process.execPath, [ESLINT, "--stdin", "--stdin-filename", file, "--format", "json"], {
    cwd: ROOT,
    input: source,
    encoding: "utf8",
  });
  const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return report.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("the layer rules", () => {
  it.each([
    ["src/core/tables/x.ts", 'export { geoThing } from "../../../geo";', /calculation core is pure/],
    [
      "src/core/tables/x.ts",
      'import { runAssessment } from "../../job";\nexport const a = runAssessment;',
      /calculation core is pure/,
    ],
    [
      "src/core/x.ts",
      'import { WorkbookFile } from "../adapters/workbookFile";\nexport const a = WorkbookFile;',
      /calculation core is pure/,
    ],
    ["src/core/x.ts", 'import { x } from "../../geo/classify";\nexport const a = x;', /calculation core is pure/],
    ["src/model/x.ts", 'import { x } from "../core";\nexport const a = x;', /plain data/],
    ["geo/x.ts", 'import { x } from "../src/job";\nexport const a = x;', /geo may use/],
    ["geo/x.ts", 'import { x } from "../src/adapters";\nexport const a = x;', /geo may use/],
    ["samples/x.ts", 'import { x } from "../src/cli";\nexport const a = x;', /not from the command line/],
  ])("refuse %s importing as written: %s", (file, source, message) => {
    const messages = lint(file, source);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).toMatch(message);
  });

  it("let the allowed directions through", () => {
    expect(
      lint("src/job/x.ts", 'import { x } from "../../geo";\nimport { y } from "../core";\nexport const a = [x, y];'),
    ).toEqual([]);
    expect(
      lint(
        "geo/x.ts",
        'import { x } from "../src/core";\nimport type { FeatureCollection } from "geojson";\nexport const a: FeatureCollection | typeof x = x;',
      ),
    ).toEqual([]);
  });
});
