// The package reader must give exactly the grids ExcelJS gives (it replaced ExcelJS for speed),
// on every workbook the project uses, on random workbooks, and on hand-written XML that
// Excel and other tools write but ExcelJS never does.
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import { WorkbookFile } from "../../../src/adapters/workbookFile";
import { readWorkbook } from "../../../src/adapters/exceljs/readWorkbook";
import { ZipPackage, readPackageGrids, writeIntoPackage } from "../../../src/adapters/xlsx";
import { nodeDeflateCodec } from "../../../src/adapters/node/nodeDeflateCodec";
import { isDateFormat } from "../../../src/adapters/xlsx/numberFormats";
import { computeAssessment } from "../../../src/core";
import { buildResultSheets } from "../../../src/output";
import type { CellValue, WorkbookGrids } from "../../../src/model";
import { SAMPLE } from "../../helpers/sample";

async function throughExcelJs(bytes: Uint8Array): Promise<WorkbookGrids> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return readWorkbook(workbook);
}

function throughPackage(bytes: Uint8Array): Promise<WorkbookGrids> {
  return readPackageGrids(ZipPackage.open(bytes)!, nodeDeflateCodec);
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A minimal package around hand-written sheet XML, as tools other than ExcelJS write it. */
async function packageWith(
  sheetData: string,
  extras: { sharedStrings?: string; styles?: string; workbookPr?: string; tail?: string } = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns="${main}" xmlns:r="${rel}">${extras.workbookPr ?? ""}<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  const rels = [`<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>`];
  if (extras.sharedStrings) {
    rels.push(`<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>`);
    zip.file("xl/sharedStrings.xml", `<sst xmlns="${main}">${extras.sharedStrings}</sst>`);
  }
  if (extras.styles) {
    rels.push(`<Relationship Id="rId3" Type="${rel}/styles" Target="/xl/styles.xml"/>`);
    zip.file("xl/styles.xml", `<styleSheet xmlns="${main}">${extras.styles}</styleSheet>`);
  }
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<worksheet xmlns="${main}"><sheetData>${sheetData}</sheetData>${extras.tail ?? ""}</worksheet>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * A number too large for a date, in a date format: ExcelJS makes it an invalid Date and the
 * package reader keeps the number. Both are marked alike for comparing.
 */
function withoutInvalidDates(grids: WorkbookGrids): WorkbookGrids {
  return {
    sheets: grids.sheets.map((s) => ({
      ...s,
      values: s.values.map((row, r) =>
        row.map((v, c) =>
          (v instanceof Date && Number.isNaN(v.getTime())) ||
          (typeof v === "number" && isDateFormat(s.numberFormats?.[r]?.[c] ?? null))
            ? INVALID
            : v,
        ),
      ),
    })),
  };
}
const INVALID = "invalid date";

const valuesOf = async (bytes: Uint8Array): Promise<readonly (readonly CellValue[])[]> =>
  (await throughPackage(bytes)).sheets[0].values;

describe("reading the .xlsx package directly", () => {
  it("gives ExcelJS's grids for the sample workbook and for our own results workbook", async () => {
    const sample = new Uint8Array(await fs.readFile(SAMPLE));
    expect(await throughPackage(sample)).toEqual(await throughExcelJs(sample));
    const port = await WorkbookFile.fromBytes(sample, "sample.xlsx", nodeDeflateCodec);
    await port.writeResultSheets(buildResultSheets(computeAssessment(await port.readWorkbook())));
    const results = await port.toBytes();
    const fast = await throughPackage(results);
    const slow = await throughExcelJs(results);
    // Result sheets are marked, and their cells are left unread on both paths.
    expect(fast.sheets.filter((s) => s.isResultSheet).map((s) => s.name)).toContain("CSP Summary");
    expect(fast).toEqual(slow);
  }, 60000);

  it("gives ExcelJS's grids for random workbooks: numbers, text, dates, booleans, errors, formulas, rich text, merges", async () => {
    const cell = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.string({ maxLength: 20 }),
      fc.constantFrom(" padded ", "a & b < c", 'Ward "quoted"', "", "1,934", "£5", "Fant – Bridge", "naïve ✓"),
      fc.boolean(),
      fc.record({
        date: fc.date({
          min: new Date(Date.UTC(1950, 0, 1)),
          max: new Date(Date.UTC(2060, 0, 1)),
          noInvalidDate: true,
        }),
      }),
      fc.constantFrom({ error: "#N/A" }, { error: "#DIV/0!" }),
      // ExcelJS reads a cached result of 0 as no result, and turns text and TRUE in a date
      // format into dates; the test after this one covers those.
      fc.record({ formula: fc.constant("A1+1"), result: fc.integer({ min: 1 }) }),
      fc.constantFrom(1e21, 5e-324, -123456789012.5, 3e9),
      fc.record({ richText: fc.array(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }) }),
      fc.constant(null),
    );
    const formats = fc.constantFrom(undefined, "0%", "0.0%", "#,##0", "dd/mm/yyyy", "mmm-yy", '"Q"0', "[Red]0.00", "@");
    const sheetArb = fc.array(fc.array(fc.tuple(cell, formats), { maxLength: 6 }), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(sheetArb, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        async (sheets, date1904, merge) => {
          const workbook = new ExcelJS.Workbook();
          workbook.properties.date1904 = date1904;
          sheets.forEach((rows, s) => {
            const ws = workbook.addWorksheet(`Sheet ${s + 1}`);
            rows.forEach((cells, r) =>
              cells.forEach(([value, numFmt], c) => {
                const target = ws.getCell(r + 2, c + 2);
                if (value !== null && typeof value === "object" && "date" in value) target.value = value.date;
                else if (value !== null && typeof value === "object" && "richText" in value)
                  target.value = { richText: value.richText.map((text, i) => ({ text, font: { bold: i % 2 === 0 } })) };
                else target.value = value as ExcelJS.CellValue;
                if (numFmt) target.numFmt = numFmt;
              }),
            );
            if (merge && rows.length > 1) ws.mergeCells(2, 2, 3, 3);
          });
          const bytes = await bytesOf(workbook);
          expect(withoutInvalidDates(await throughPackage(bytes))).toEqual(
            withoutInvalidDates(await throughExcelJs(bytes)),
          );
        },
      ),
      { numRuns: 150 },
    );
  }, 120000);

  it("reads inline strings, cells without references or with attributes in another order, shared rich text and phonetic runs, and decodes _xHHHH_", async () => {
    const bytes = await packageWith(
      '<row r="2"><c r="B2" t="inlineStr"><is><t xml:space="preserve"> in &amp; line </t></is></c><c t="s"><v>0</v></c><c><v>7</v></c><c t="b" cm="1" r="E2"><v>0</v></c></row>' +
        '<row><c t="s"><v>1</v></c><c t="str"><f>A1</f><v>x&lt;y</v></c><c t="b"><v>1</v></c><c t="e"><v>#REF!</v></c></row>',
      {
        sharedStrings:
          '<si><r><t>Park</t></r><r><rPr><b/></rPr><t xml:space="preserve"> Wood</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si><si><t>line_x000D__x000A_break</t></si>',
      },
    );
    expect(await valuesOf(bytes)).toEqual([
      [null, " in & line ", "Park Wood", 7, false],
      ["line\r\nbreak", "x<y", true, { error: "#REF!" }, null],
    ]);
    const grid = (await throughPackage(bytes)).sheets[0];
    expect([grid.top, grid.left]).toEqual([1, 0]);
    // An item it cannot read would shift every later index: the package goes to ExcelJS instead.
    const uncounted = await packageWith('<row r="1"><c r="A1" t="s"><v>1</v></c></row>', {
      sharedStrings: '<si foo="1"><t>First</t></si><si><t>Second</t></si>',
    });
    await expect(throughPackage(uncounted)).rejects.toThrow(/cannot count/);
  });

  it("reads a formula's cached result as it is, where ExcelJS loses 0 and FALSE and dates TRUE and text", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Formulas");
    ws.getCell("A1").value = { formula: "B1-B1", result: 0 };
    ws.getCell("B1").value = { formula: "1=2", result: false };
    ws.getCell("C1").value = { formula: "B1-B1", result: 5 };
    ws.getCell("D1").value = { formula: "1=1", result: true };
    ws.getCell("E1").value = { formula: '"Ward"', result: "Ward" };
    ws.getCell("D1").numFmt = "dd/mm/yyyy";
    ws.getCell("E1").numFmt = "dd/mm/yyyy";
    const bytes = await bytesOf(workbook);
    expect(await valuesOf(bytes)).toEqual([[0, false, 5, true, "Ward"]]);
    const excelJs = (await throughExcelJs(bytes)).sheets[0];
    expect(excelJs.left).toBe(2); // A1 and B1 read as empty
    expect([excelJs.values[0][0], excelJs.values[0][1] instanceof Date, excelJs.values[0][2] instanceof Date]).toEqual([
      5,
      true,
      true,
    ]);
  });

  it("turns numbers in date formats into dates, in the 1900 and 1904 systems, and leaves merged cells to their top-left", async () => {
    const styles =
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>';
    const data =
      '<row r="1"><c r="A1" s="1"><v>43831</v></c><c r="B1" s="2"><v>43831.5</v></c><c r="C1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>3</v></c></row>';
    const tail = '<mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells>';
    expect(await valuesOf(await packageWith(data, { styles, tail }))).toEqual([
      [new Date(Date.UTC(2020, 0, 1)), new Date(Date.UTC(2020, 0, 1, 12)), 1],
      [2, null, null],
    ]);
    const in1904 = await valuesOf(await packageWith(data, { styles, tail, workbookPr: '<workbookPr date1904="1"/>' }));
    expect(in1904[0][0]).toEqual(new Date(Date.UTC(2024, 0, 2)));
    const formats = (await throughPackage(await packageWith(data, { styles }))).sheets[0].numberFormats;
    expect(formats?.[0]).toEqual(["dd/mm/yyyy", "mm-dd-yy", null]);
    // A number beyond any date stays a number (ExcelJS gives an invalid Date).
    expect(await valuesOf(await packageWith('<row r="1"><c r="A1" s="1"><v>1E+20</v></c></row>', { styles }))).toEqual([
      [1e20],
    ]);
  });

  it("reads CDATA, prefixes and Strict namespaces through the package, where ExcelJS fails", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Police crime").addRows([
      ["Crime", "2018/19", "2019/20"],
      ["Drug offences", 318, 394],
    ]);
    const zip = await JSZip.loadAsync(await bytesOf(workbook));
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    // Valid XML that Excel does not write: CDATA, and every element prefixed.
    const prefixed = sheet
      .replace(/<(\/?)(?!\?)([a-zA-Z]+)([\s>/])/g, "<$1x:$2$3")
      .replace('xmlns="http://schemas', 'xmlns:x="http://schemas')
      .replace("</x:worksheet>", '<x:extLst><x:ext uri="x"><![CDATA[note]]></x:ext></x:extLst></x:worksheet>');
    zip.file("xl/worksheets/sheet1.xml", prefixed);
    const bytes = await zip.generateAsync({ type: "uint8array" });
    // ExcelJS fails on the prefixed sheet ("Cannot set properties of undefined"), as it does on
    // such files in the wild; LibreOffice and Excel open it.
    await expect(throughExcelJs(bytes)).rejects.toThrow();
    expect((await throughPackage(bytes)).sheets[0].values).toEqual([
      ["Crime", "2018/19", "2019/20"],
      ["Drug offences", 318, 394],
    ]);
    const strict = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(strict.files).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"))) {
      const text = await strict.file(name)!.async("string");
      strict.file(
        name,
        text
          .replaceAll(
            "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            "http://purl.oclc.org/ooxml/spreadsheetml/main",
          )
          .replaceAll(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            "http://purl.oclc.org/ooxml/officeDocument/relationships",
          ),
      );
    }
    const strictBytes = await strict.generateAsync({ type: "uint8array" });
    expect((await throughPackage(strictBytes)).sheets[0].values).toEqual([
      ["Crime", "2018/19", "2019/20"],
      ["Drug offences", 318, 394],
    ]);
  });

  it("reads attributes as XML defines them: any order, either quote, white space around =, entities", async () => {
    const bytes = await packageWith(
      `<row r = '1'><c t = "inlineStr" r = 'A1'><is><t>Crime &amp; &#x2013; disorder</t></is></c><c r='B1' t='s'><v>0</v></c></row>` +
        `<row r="2"><c s = '1' r="A2" t="inlineStr"><is><t xml:space = "preserve">Burglary </t></is></c><c s='1'\n r='B2'><v>610</v></c></row>`,
      {
        sharedStrings: `<si><t>2019/20</t></si>`,
        styles: `<numFmts count='1'><numFmt formatCode = '0.000' numFmtId = '170'/></numFmts><cellXfs count='2'><xf numFmtId='0'/><xf xfId='0' numFmtId = '170'/></cellXfs>`,
        tail: `<mergeCells><mergeCell ref = 'C1:D1'/></mergeCells>`,
      },
    );
    const grid = (await throughPackage(bytes)).sheets[0];
    expect(grid.values).toEqual([
      ["Crime & – disorder", "2019/20"],
      ["Burglary ", 610],
    ]);
    expect(grid.numberFormats?.[1]).toEqual(["0.000", "0.000"]);
  });

  it("leaves packages it does not read to ExcelJS, with the same result", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Police crime").addRows([
      ["Crime", "2018/19", "2019/20"],
      ["Drug offences", 318, 394],
    ]);
    const zip = await JSZip.loadAsync(await bytesOf(workbook));
    const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
    // A shared-string item with an attribute is one this reader cannot be sure of counting.
    zip.file("xl/sharedStrings.xml", strings.replace("<si>", '<si foo="1">'));
    const bytes = await zip.generateAsync({ type: "uint8array" });
    await expect(throughPackage(bytes)).rejects.toThrow(/cannot count/);
    const port = await WorkbookFile.fromBytes(bytes, "items.xlsx", nodeDeflateCodec);
    const grids = await port.readWorkbook();
    expect(grids.sheets[0].values).toEqual([
      ["Crime", "2018/19", "2019/20"],
      ["Drug offences", 318, 394],
    ]);
    // A package the writer does not handle either still gets its results, through ExcelJS.
    await port.writeResultSheets(buildResultSheets(computeAssessment(grids)));
    expect(port.writtenSheets).toContain("CSP Summary");
    expect((await throughExcelJs(await port.toBytes())).sheets.map((s) => s.name)).toContain("CSP Summary");
  });

  it("names a damaged package when it is read", async () => {
    const bytes = await bytesOf(Object.assign(new ExcelJS.Workbook(), {}));
    const damaged = bytes.slice();
    const entry = ZipPackage.open(bytes)!.entry("xl/workbook.xml")!;
    damaged.fill(0xff, entry.raw.byteOffset, entry.raw.byteOffset + entry.raw.length);
    const port = await WorkbookFile.fromBytes(damaged, "damaged.xlsx", nodeDeflateCodec);
    await expect(port.readWorkbook()).rejects.toThrow(/damaged\.xlsx is damaged/);
  });

  it("returns the file unchanged when nothing was written", async () => {
    const sample = new Uint8Array(await fs.readFile(SAMPLE));
    const port = await WorkbookFile.fromBytes(sample, "sample.xlsx", nodeDeflateCodec);
    await port.readWorkbook();
    expect(await port.toBytes()).toBe(sample);
    expect(await writeIntoPackage(new Uint8Array([1, 2, 3]), [])).toBeNull();
  });
});
