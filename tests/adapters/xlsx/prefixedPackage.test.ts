// Workbooks as the .NET Open XML SDK writes them for record systems and report servers:
// SpreadsheetML under a prefix (x:), relationship ids like R856eb3046363446b, a sheet part named
// sheet.xml, rows and cells without references. Read, written through the package with the
// analyst's sheet copied as it is, and reopened by LibreOffice and openpyxl.
import { strToU8, unzipSync, zipSync } from "fflate";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../../helpers/cli";
import { openedByOpenpyxl } from "../../helpers/otherWriters";
import { sheetsAsCsvMany } from "../../helpers/spreadsheetApp";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const SHEET = `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c></x:row><x:row><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c></x:row>${[
  ["4", 420, 380],
  ["5", 60, 75],
  ["6", 318, 394],
]
  .map(
    ([s, a, b]) =>
      `<x:row><x:c t="s"><x:v>${s}</x:v></x:c><x:c><x:v>${a}</x:v></x:c><x:c><x:v>${b}</x:v></x:c></x:row>`,
  )
  .join("")}</x:sheetData></x:worksheet>`;
const STRINGS = [
  "Police recorded crime, Ashvale",
  "Crime type",
  "2018/19",
  "2019/20",
  "Burglary",
  "Robbery",
  "Drug offences",
];

/** The package, part by part, as the SDK lays it out. */
function sdkWorkbook(prefix: "x" | "s"): Uint8Array {
  const p = (xml: string): string => xml.replaceAll("x:", `${prefix}:`).replaceAll(`xmlns:x=`, `xmlns:${prefix}=`);
  return zipSync({
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="${PKG}"><Relationship Type="${RELS}/officeDocument" Target="/xl/workbook.xml" Id="R0b1a0b8f1e9c4f7a"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      p(
        `<?xml version="1.0" encoding="utf-8"?><x:workbook xmlns:r="${RELS}" xmlns:x="${MAIN}"><x:sheets><x:sheet name="Crime" sheetId="1" r:id="R856eb3046363446b"/></x:sheets></x:workbook>`,
      ),
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="${PKG}"><Relationship Type="${RELS}/worksheet" Target="/xl/worksheets/sheet.xml" Id="R856eb3046363446b"/><Relationship Type="${RELS}/sharedStrings" Target="/xl/sharedStrings.xml" Id="Rb52b5a3bd5cf4a0a"/><Relationship Type="${RELS}/styles" Target="/xl/styles.xml" Id="R7c4d2b1a8e6f4c3d"/></Relationships>`,
    ),
    "xl/worksheets/sheet.xml": strToU8(p(SHEET)),
    "xl/sharedStrings.xml": strToU8(
      p(
        `<?xml version="1.0" encoding="utf-8"?><x:sst xmlns:x="${MAIN}">${STRINGS.map((s) => `<x:si><x:t>${s}</x:t></x:si>`).join("")}</x:sst>`,
      ),
    ),
    "xl/styles.xml": strToU8(
      p(
        `<?xml version="1.0" encoding="utf-8"?><x:styleSheet xmlns:x="${MAIN}"><x:fonts count="1"><x:font><x:sz val="11"/><x:name val="Calibri"/></x:font></x:fonts><x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills><x:borders count="1"><x:border><x:left/><x:right/><x:top/><x:bottom/><x:diagonal/></x:border></x:borders><x:cellStyleXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellStyleXfs><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></x:cellXfs></x:styleSheet>`,
      ),
    ),
  });
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-sdk-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("a workbook the .NET Open XML SDK wrote", () => {
  it.each(["x", "s"] as const)(
    "under the %s: prefix is read and written through the package, the analyst's sheet as it was",
    async (prefix) => {
      const input = path.join(dir, `sdk-${prefix}.xlsx`);
      const output = path.join(dir, `sdk-${prefix}-results.xlsx`);
      await fs.writeFile(input, sdkWorkbook(prefix));
      const json = path.join(dir, `sdk-${prefix}.json`);
      const result = await runCli("compute", input, "--out", output, "--json", json);
      expect(result.err).toEqual([]);
      // Through the package, not ExcelJS: nothing is said of a fallback.
      expect(result.out.join("\n")).not.toMatch(/ExcelJS/);
      const results = JSON.parse(await fs.readFile(json, "utf8"));
      expect(results.keyFindings[0].text).toMatch(/^All crime rose by 6\.4%, from 798 to 849/);
      const parts = unzipSync(new Uint8Array(await fs.readFile(output)));
      expect(parts["xl/worksheets/sheet.xml"]).toEqual(unzipSync(sdkWorkbook(prefix))["xl/worksheets/sheet.xml"]);
      // The workbook part now lists our sheets too, its namespaces read by URI.
      expect(new TextDecoder().decode(parts["xl/workbook.xml"])).toMatch(/name="CSP Summary"/);
    },
  );

  it("opens in LibreOffice and openpyxl with the analyst's cells as the input's", async () => {
    const outputs = ["x", "s"].map((p) => path.join(dir, `sdk-${p}-results.xlsx`));
    const calc = await sheetsAsCsvMany(outputs);
    for (const file of outputs) {
      expect(calc.get(file)!.get("Crime")!.split(/\r?\n/).slice(0, 3)).toEqual([
        '"Police recorded crime, Ashvale",,',
        "Crime type,2018/19,2019/20",
        "Burglary,420,380",
      ]);
      expect([...calc.get(file)!.keys()]).toEqual(
        expect.arrayContaining(["CSP Summary", "CSP Tables", "CSP Findings"]),
      );
    }
    const inputs = ["x", "s"].map((p) => path.join(dir, `sdk-${p}.xlsx`));
    const opened = openedByOpenpyxl([...inputs, ...outputs]);
    // The input opens in openpyxl, and its sheet reads the same in our output.
    for (const [i, file] of outputs.entries())
      expect((opened.get(file) as Map<string, string>).get("Crime")).toBe(
        (opened.get(inputs[i]) as Map<string, string>).get("Crime"),
      );
    for (const file of outputs) {
      const sheets = opened.get(file);
      expect(typeof sheets).not.toBe("string");
      expect([...(sheets as Map<string, string>).keys()]).toEqual([
        "Crime",
        "CSP Summary",
        "CSP Tables",
        "CSP Findings",
      ]);
    }
  });
});
