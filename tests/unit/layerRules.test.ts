// The layer rules catch a forbidden import whether it names a folder's index or a file in it.
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

const REFUSED: [string, string, RegExp][] = [
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
  [
    "src/adapters/records/x.ts",
    'import { findRecordHeader } from "../../core/incidents/recordSheets";\nexport const a = findRecordHeader;',
    /implement the model's ports/,
  ],
  ["src/adapters/x.ts", 'import { x } from "../../geo";\nexport const a = x;', /implement the model's ports/],
  ["src/adapters/xlsx/x.ts", 'import { x } from "../../job";\nexport const a = x;', /implement the model's ports/],
  ["src/core/x.ts", 'import { x } from "../output";\nexport const a = x;', /calculation core is pure/],
  [
    "geo/x.ts",
    'import { wardsResultSheet } from "../src/output/wardsSheet";\nexport const a = wardsResultSheet;',
    /lays out no sheet/,
  ],
  [
    "src/output/x.ts",
    'import { runAssessment } from "../job";\nexport const a = runAssessment;',
    /src\/output lays out/,
  ],
  [
    "src/output/report/x.ts",
    'import { x } from "../../adapters/node/resvgRasterise";\nexport const a = x;',
    /src\/output lays out/,
  ],
  ["taskpane/x.ts", 'import { main } from "../src/cli/main";\nexport const a = main;', /pane runs in the browser/],
  ["taskpane/x.ts", 'import fs from "node:fs";\nexport const a = fs;', /pane runs in the browser/],
];
const ALLOWED: [string, string][] = [
  ["src/adapters/records/x.ts", 'import { InputError } from "../../model";\nexport const a = InputError;'],
  ["src/cli/x.ts", 'import { x } from "../adapters/records";\nimport { y } from "../job";\nexport const a = [x, y];'],
  ["src/job/x.ts", 'import { x } from "../../geo";\nimport { y } from "../core";\nexport const a = [x, y];'],
  ["src/job/x.ts", 'import { runJson } from "../output";\nexport const a = runJson;'],
  ["src/output/x.ts", 'import { x } from "../../geo";\nimport { y } from "../core";\nexport const a = [x, y];'],
  [
    "taskpane/x.ts",
    'import { runAssessment } from "../src/job";\nimport { runJson } from "../src/output";\nimport { OfficeWorkbook } from "../src/adapters/office";\nexport const a = [runAssessment, runJson, OfficeWorkbook];',
  ],
  [
    "geo/x.ts",
    'import { x } from "../src/core";\nimport type { FeatureCollection } from "geojson";\nexport const a: FeatureCollection | typeof x = x;',
  ],
];

// Every case is linted in one eslint process, by ESLint's own API as if each source were the file
// named (the config is loaded once; a process per case cost a second each).
const LINT_ALL = `
import { ESLint } from "eslint";
import path from "node:path";
let input = "";
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const [file, source] of JSON.parse(input)) {
  const [report] = await eslint.lintText(source, { filePath: path.join(process.cwd(), file) });
  out.push(report.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
`;

let messages: string[][];
beforeAll(() => {
  const cases = [...REFUSED, ...ALLOWED].map(([file, source]) => [file, source]);
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", LINT_ALL], {
    cwd: ROOT,
    input: JSON.stringify(cases),
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(result.stderr);
  messages = JSON.parse(result.stdout) as string[][];
});

describe("the layer rules", () => {
  it.each(REFUSED.map(([file, source, message], i) => [file, source, message, i] as const))(
    "refuse %s importing as written: %s",
    (_file, _source, message, i) => {
      expect(messages[i].length).toBeGreaterThan(0);
      for (const m of messages[i]) expect(m).toMatch(message);
    },
  );

  it("let the allowed directions through", () => {
    for (let i = 0; i < ALLOWED.length; i += 1) expect(messages[REFUSED.length + i]).toEqual([]);
  });
});
