import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { writeIntoPackage } from "../../../src/adapters/xlsx";
import { xmlText, xmlUnescape } from "../../../src/adapters/xlsx/xmlText";
import { NumberFormats, type ResultSheet, resultColumn } from "../../../src/model";

const RESULT: ResultSheet = {
  name: "CSP Summary",
  columns: [
    resultColumn("Label", 30, NumberFormats.text),
    resultColumn("Value", 12, NumberFormats.integer),
    resultColumn("Share", 10, NumberFormats.percent1),
  ],
  rows: [
    ["Section", null, null],
    ["Drug offences", 394, 0.239],
    [" spaced & <odd> text ", 1.5, "bell\u0007 _x0041_"],
    ["A date", new Date(Date.UTC(2019, 9, 12)), true],
    ["A note", null, null],
  ],
  rowKinds: ["section", "data", "data", "data", "note"],
  cellFormats: [[], [null, null, null], [null, NumberFormats.decimal1, null], [], []],
};

async function analystWorkbook(configure?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Police crime");
  ws.addRow(["Crime", "2018/19", "2019/20"]);
  ws.addRow(["Drug offences", 318, 394]);
  ws.getCell("B2").numFmt = "0.000";
  configure?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every value of the analyst's sheet, row by row. */
function analystValues(wb: ExcelJS.Workbook): unknown[] {
  const values: unknown[] = [];
  wb.getWorksheet("Police crime")!.eachRow((row) => values.push(row.values));
  return values;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("writing result sheets into the .xlsx package", () => {
  it("adds the sheet with values, formats, styles, widths and a frozen header, and its marker name", async () => {
    const written = (await writeIntoPackage(await analystWorkbook(), [RESULT]))!;
    expect(written.names).toEqual(["CSP Summary"]);
    const wb = await load(written.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Police crime", "CSP Summary"]);
    const ws = wb.getWorksheet("CSP Summary")!;
    expect(ws.getRow(1).values).toEqual([undefined, "Label", "Value", "Share"]);
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, color: { argb: "FFFFFFFF" } });
    expect(ws.getCell("A1").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FF1F4E79" } });
    expect(ws.getCell("A2").font?.bold).toBe(true);
    expect(ws.getCell("C2").fill).toMatchObject({ fgColor: { argb: "FFDDEBF7" } }); // section rows are filled across
    expect([ws.getCell("B3").value, ws.getCell("B3").numFmt, ws.getCell("C3").value, ws.getCell("C3").numFmt]).toEqual([
      394,
      "#,##0",
      0.239,
      "0.0%",
    ]);
    expect([ws.getCell("B4").value, ws.getCell("B4").numFmt]).toEqual([1.5, "#,##0.0"]);
    expect(ws.getCell("A4").value).toBe(" spaced & <odd> text ");
    // Control characters and a literal "_x0041_" are escaped as Excel escapes them (ExcelJS
    // does not decode these escapes when reading, so the part itself is checked).
    const part = await (await JSZip.loadAsync(written.bytes)).file("xl/worksheets/sheet2.xml")!.async("string");
    expect(part).toContain("<t>bell_x0007_ _x005F_x0041_</t>");
    expect(part).toContain('<t xml:space="preserve"> spaced &amp; &lt;odd&gt; text </t>');
    // A row's first cell carries its reference; the cells right after it stand in the next columns.
    expect(part).toMatch(
      /<row r="3"><c r="A3"[^>]*>.*?<\/c><c s="\d+"><v>394<\/v><\/c><c s="\d+"><v>0.239<\/v><\/c><\/row>/,
    );
    expect(ws.getCell("B5").value).toEqual(new Date(Date.UTC(2019, 9, 12)));
    expect(ws.getCell("B5").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("C5").value).toBe(true);
    expect(ws.getCell("A6").font?.italic).toBe(true);
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(wb.definedNames.getNames("'CSP Summary'!$A$1")).toEqual(["CSPAssess_Summary"]);
    // The analyst's own format keeps its style index.
    expect(wb.getWorksheet("Police crime")!.getCell("B2").numFmt).toBe("0.000");
  });

  it("copies the analyst's parts byte for byte and replaces its own sheets on a re-run", async () => {
    const original = await analystWorkbook();
    const first = (await writeIntoPackage(original, [RESULT]))!;
    const second = (await writeIntoPackage(first.bytes, [{ ...RESULT, rows: [["Only row", 1, null]] }]))!;
    const before = await JSZip.loadAsync(original);
    const after = await JSZip.loadAsync(second.bytes);
    const sheetPart = "xl/worksheets/sheet1.xml";
    expect(await after.file(sheetPart)!.async("string")).toBe(await before.file(sheetPart)!.async("string"));
    const wb = await load(second.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Police crime", "CSP Summary"]);
    expect(wb.getWorksheet("CSP Summary")!.getCell("A2").value).toBe("Only row");
    expect(Object.keys(after.files).filter((f) => f.startsWith("xl/worksheets/") && f.endsWith(".xml"))).toHaveLength(
      2,
    );
  });

  it("shares text the workbook's table holds or that repeats down a column, and a re-run adds none", async () => {
    const sheet: ResultSheet = {
      name: "CSP Tables",
      columns: [resultColumn("Row", 20, NumberFormats.text), resultColumn("Value", 10, NumberFormats.integer)],
      rows: [
        ["Drug offences", 1],
        ["Area  A", 2],
        ["Area  A", 3],
        ["Area  A", 4],
        ["A headline", 5],
        [" spaced ", 6],
        [" spaced ", 7],
      ],
    };
    const original = await analystWorkbook();
    const table = async (bytes: Uint8Array): Promise<string> =>
      (await JSZip.loadAsync(bytes)).file("xl/sharedStrings.xml")!.async("string");
    const cells = async (bytes: Uint8Array): Promise<string[]> =>
      [
        ...(await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet2.xml")!.async("string")).matchAll(
          /<c r="A\d+"[^>]*>.*?<\/c>/g,
        ),
      ].map((m) => m[0].replace(/ s="\d+"/, ""));
    const before = await table(original);
    const items = (xml: string): string[] => [...xml.matchAll(/<si>.*?<\/si>/g)].map((m) => m[0]);
    const drugs = items(before).indexOf("<si><t>Drug offences</t></si>");
    expect(drugs).toBeGreaterThanOrEqual(0);

    const first = (await writeIntoPackage(original, [sheet]))!;
    const after = await table(first.bytes);
    // The analyst's items keep their places; the repeated texts are added after them.
    expect(items(after)).toEqual([
      ...items(before),
      "<si><t>Area  A</t></si>",
      '<si><t xml:space="preserve"> spaced </t></si>',
    ]);
    expect(after).toContain(`uniqueCount="${items(before).length + 2}"`);
    expect(after).not.toMatch(/\scount=/);
    const n = items(before).length;
    expect(await cells(first.bytes)).toEqual([
      '<c r="A1" t="inlineStr"><is><t>Row</t></is></c>',
      `<c r="A2" t="s"><v>${drugs}</v></c>`,
      '<c r="A3" t="inlineStr"><is><t>Area  A</t></is></c>',
      `<c r="A4" t="s"><v>${n}</v></c>`,
      `<c r="A5" t="s"><v>${n}</v></c>`,
      '<c r="A6" t="inlineStr"><is><t>A headline</t></is></c>',
      '<c r="A7" t="inlineStr"><is><t xml:space="preserve"> spaced </t></is></c>',
      `<c r="A8" t="s"><v>${n + 1}</v></c>`,
    ]);
    const values = (wb: ExcelJS.Workbook): unknown[] => wb.getWorksheet("CSP Tables")!.getColumn(1).values.slice(2);
    expect(values(await load(first.bytes))).toEqual(sheet.rows.map((r) => r[0]));
    expect(analystValues(await load(first.bytes))).toEqual(analystValues(await load(original)));

    // A re-run finds every repeated text among the items the first run added.
    const second = (await writeIntoPackage(first.bytes, [sheet]))!;
    expect(await table(second.bytes)).toBe(after);
    expect((await cells(second.bytes))[2]).toBe(`<c r="A3" t="s"><v>${n}</v></c>`);
    expect(values(await load(second.bytes))).toEqual(sheet.rows.map((r) => r[0]));
  });

  /** The analyst's workbook with its text inline, as some tools write it, and the given table or none. */
  async function inlineWorkbook(table: string | null): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(
      await analystWorkbook((wb) => (wb.getWorksheet("Police crime")!.getCell("A1").value = 1)),
    );
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const strings = [
      ...(await zip.file("xl/sharedStrings.xml")!.async("string")).matchAll(/<si><t>(.*?)<\/t><\/si>/g),
    ].map((m) => m[1]);
    zip.file(
      "xl/worksheets/sheet1.xml",
      sheet.replace(/ t="s"><v>(\d+)<\/v>/g, (_, i: string) => ` t="inlineStr"><is><t>${strings[Number(i)]}</t></is>`),
    );
    if (table !== null) {
      zip.file("xl/sharedStrings.xml", table);
      return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    }
    zip.remove("xl/sharedStrings.xml");
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ""));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file("[Content_Types].xml", types.replace(/<Override [^>]*sharedStrings[^>]*\/>/, ""));
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }
  const TWICE: ResultSheet = {
    name: "CSP Summary",
    columns: RESULT.columns,
    rows: [
      ["Twice", 1, null],
      ["Twice", 2, null],
    ],
  };
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

  it("gives a workbook without a shared-string table one when text repeats", async () => {
    const written = (await writeIntoPackage(await inlineWorkbook(null), [TWICE]))!;
    const out = await JSZip.loadAsync(written.bytes);
    expect(await out.file("xl/sharedStrings.xml")!.async("string")).toMatch(
      /<sst [^>]*uniqueCount="1"><si><t>Twice<\/t><\/si><\/sst>$/,
    );
    expect(await out.file("xl/_rels/workbook.xml.rels")!.async("string")).toMatch(
      /Type="[^"]*\/sharedStrings" Target="sharedStrings.xml"/,
    );
    expect(await out.file("[Content_Types].xml")!.async("string")).toContain('PartName="/xl/sharedStrings.xml"');
    const wb = await load(written.bytes);
    expect([
      wb.getWorksheet("CSP Summary")!.getCell("A2").value,
      wb.getWorksheet("CSP Summary")!.getCell("A3").value,
    ]).toEqual(["Twice", "Twice"]);
    expect(wb.getWorksheet("Police crime")!.getCell("A2").value).toBe("Drug offences");
  });

  it("adds to an empty table written as one element, and declines a table it cannot count", async () => {
    const empty = (await writeIntoPackage(await inlineWorkbook(`<sst xmlns="${MAIN}" count="0" uniqueCount="0"/>`), [
      TWICE,
    ]))!;
    expect(await (await JSZip.loadAsync(empty.bytes)).file("xl/sharedStrings.xml")!.async("string")).toBe(
      `<sst xmlns="${MAIN}" uniqueCount="1"><si><t>Twice</t></si></sst>`,
    );
    // Items with attributes: appending could point our cells at the wrong text.
    const attributed = `<sst xmlns="${MAIN}"><si foo="1"><t>Other</t></si><si><t>Twice</t></si></sst>`;
    expect(await writeIntoPackage(await inlineWorkbook(attributed), [TWICE])).toBeNull();
    // A prefixed root (as the .NET Open XML SDK writes) is read by its namespace through a
    // conforming parser, its items in their places: our text is found where it is, and the
    // table, with nothing to add, is copied as it is.
    const prefixed = (await writeIntoPackage(
      await inlineWorkbook(`<x:sst xmlns:x="${MAIN}"><x:si><x:t>Twice</x:t></x:si></x:sst>`),
      [TWICE],
    ))!;
    const table = await (await JSZip.loadAsync(prefixed.bytes)).file("xl/sharedStrings.xml")!.async("string");
    expect(table).toBe(`<x:sst xmlns:x="${MAIN}"><x:si><x:t>Twice</x:t></x:si></x:sst>`);
  });

  it("reads back every cell of any result sheet in its own place, gaps and repeats included", async () => {
    const original = await analystWorkbook();
    const cell = fc.oneof(
      fc.constant(null),
      fc.constantFrom("Drug offences", "Park Wood", "High Street"), // repeats, and text the table holds
      fc.stringMatching(/^[A-Za-z][A-Za-z <&]{0,12}$/),
      fc.integer({ min: -5000, max: 5000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
      fc.boolean(),
    );
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(rows, async (cells) => {
        const columns = Array.from({ length: 6 }, (_, i) => resultColumn(`C${i + 1}`, 10, NumberFormats.general));
        const written = (await writeIntoPackage(original, [{ name: "CSP Tables", columns, rows: cells }]))!;
        const ws = (await load(written.bytes)).getWorksheet("CSP Tables")!;
        cells.forEach((row, r) =>
          row.forEach((value, c) =>
            expect([r, c, ws.getCell(r + 2, c + 1).value ?? null]).toEqual([
              r,
              c,
              value === 0 && Object.is(value, -0) ? 0 : value,
            ]),
          ),
        );
      }),
      { numRuns: 25 },
    );
  });

  it("never takes the name of an analyst's own sheet", async () => {
    const bytes = await analystWorkbook((wb) => wb.addWorksheet("csp summary").addRow(["mine"]));
    const written = (await writeIntoPackage(bytes, [RESULT]))!;
    expect(written.names).toEqual(["CSP Summary (2)"]);
    const wb = await load(written.bytes);
    expect(wb.getWorksheet("csp summary")!.getCell("A1").value).toBe("mine");
  });

  it("declines packages it does not handle, so the caller writes through ExcelJS", async () => {
    const withLocalName = await analystWorkbook((wb) => {
      wb.addWorksheet("Notes");
    });
    const first = (await writeIntoPackage(withLocalName, [RESULT]))!;
    const zip = await JSZip.loadAsync(first.bytes);
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    zip.file(
      "xl/workbook.xml",
      workbook.replace(
        "</definedNames>",
        '<definedName name="_xlnm.Print_Area" localSheetId="2">\'CSP Summary\'!$A$1:$C$5</definedName></definedNames>',
      ),
    );
    expect(await writeIntoPackage(await zip.generateAsync({ type: "uint8array" }), [RESULT])).toBeNull();
  });

  it("escapes and unescapes text as Excel does", () => {
    const text = 'a & b < c > "d" \u0007 _x0041_';
    expect(xmlText(text)).toBe("a &amp; b &lt; c &gt; &quot;d&quot; _x0007_ _x005F_x0041_");
    expect(xmlUnescape(xmlText(text))).toBe(text);
    expect(xmlUnescape("&#65;&#x42;&apos;")).toBe("AB'");
    // Markup characters alone take the quick path; an ampersand is escaped before the rest.
    expect(xmlText('p < 0.001 & "x" > y')).toBe("p &lt; 0.001 &amp; &quot;x&quot; &gt; y");
  });

  it("escapes any text to XML that reads back unchanged", () => {
    const texts = fc.string({
      unit: fc.constantFrom("a", " ", "&", "<", ">", '"', "_", "x", "0", "F", "\u0007", "\u001f", "\t", "é", "\ufffe"),
    });
    fc.assert(
      fc.property(texts, (text) => {
        const escaped = xmlText(text);
        // eslint-disable-next-line no-control-regex -- no raw markup or control character may remain
        expect(escaped).not.toMatch(/[<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|&(?!amp;|lt;|gt;|quot;)/);
        expect(xmlUnescape(escaped)).toBe(text);
      }),
    );
  });
});
