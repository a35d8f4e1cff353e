// The hostile corpus: workbooks as analysts' files and other programs really make them, and
// files that only pretend to be workbooks. Every case is generated here from code (nothing of
// ../shared is committed); `npm run corpus` runs them all and writes docs/RELIABILITY.md, and
// tests/corpus/corpus.test.ts holds every outcome to what that page promises.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import zlib from "node:zlib";
import { writeZip } from "../../src/adapters/xlsx/zipPackage";

/** What the package layer must do with a case. */
export type Expectation =
  | { readonly outcome: "package" }
  | { readonly outcome: "exceljs"; readonly reason: RegExp }
  | { readonly outcome: "refused"; readonly message: RegExp };

export interface CorpusCase {
  /** The file's name, as an analyst would have it. */
  readonly name: string;
  /** What it holds, for docs/RELIABILITY.md. */
  readonly about: string;
  readonly bytes: Uint8Array;
  readonly expect: Expectation;
  /** Text that must be in a note of the run (a part left out, say). */
  readonly note?: RegExp;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const PACKAGE = { outcome: "package" } as const;

/** A police crime table, the shape every accepted case carries so a run has something to compute. */
export const CRIME_ROWS: (string | number)[][] = [
  ["Crime", "2018/19", "2019/20"],
  ["Drug offences", 318, 394],
  ["Burglary", 610, 544],
  ["Robbery", 120, 131],
];

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const crimeSheet = (workbook: ExcelJS.Workbook, name = "Police crime"): ExcelJS.Worksheet => {
  const sheet = workbook.addWorksheet(name);
  sheet.addRows(CRIME_ROWS);
  return sheet;
};

/** The crime table and a sheet holding one cell at the edge of Excel's grid. */
const withEdgeCell = (sheet: string, cell: string, text: string): Promise<Uint8Array> =>
  workbookBytes((wb) => {
    crimeSheet(wb);
    wb.addWorksheet(sheet).getCell(cell).value = text;
  });

/** The package with its parts' text changed by `edit` (or `null` to leave a part out), deflated again. */
async function edited(
  bytes: Uint8Array,
  edit: (name: string, text: string) => string | null,
  compression: "DEFLATE" | "STORE" = "DEFLATE",
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir || !/\.(xml|rels)$/.test(name)) continue;
    const text = await zip.file(name)!.async("string");
    const next = edit(name, text);
    if (next === null) zip.remove(name);
    else if (next !== text) zip.file(name, next);
  }
  return zip.generateAsync({ type: "uint8array", compression });
}

/** The zip's parts' text, by name. */
async function partTexts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const texts = new Map<string, string>();
  for (const name of Object.keys(zip.files))
    if (!zip.files[name].dir && /\.(xml|rels)$/.test(name)) texts.set(name, await zip.file(name)!.async("string"));
  return texts;
}

/**
 * The package stored uncompressed, with one byte changed in the part that holds `marker` (text
 * found in that part alone): its CRC-32 no longer matches.
 */
async function withDamagedPart(bytes: Uint8Array, marker: string): Promise<Uint8Array> {
  const stored = await edited(bytes, (_, text) => text, "STORE");
  const at = findBytes(stored, new TextEncoder().encode(marker));
  const damaged = stored.slice();
  damaged[at + 1] ^= 0x20; // "<sheetData>" becomes "<SheetData>"
  return damaged;
}

function findBytes(bytes: Uint8Array, pattern: Uint8Array): number {
  outer: for (let i = 0; i + pattern.length <= bytes.length; i += 1) {
    for (let k = 0; k < pattern.length; k += 1) if (bytes[i + k] !== pattern[k]) continue outer;
    return i;
  }
  throw new Error("pattern not found");
}

/** A part of a hand-made zip, compressed as Excel compresses. */
function zipPart(
  name: string,
  content: string | Uint8Array,
): { name: string; entry: import("../../src/adapters/xlsx/zipPackage").ZipEntry } {
  const data = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const raw = new Uint8Array(zlib.deflateRawSync(data));
  return {
    name,
    entry: {
      name,
      method: 8,
      crc32: zlib.crc32(data),
      compressedSize: raw.length,
      size: data.length,
      time: 0,
      date: 33,
      raw,
    },
  };
}

/** The least a workbook needs, written by hand: no styles, no shared strings, no document properties. */
function minimalPackage(
  sheetData: string,
  extraParts: { name: string; content: string | Uint8Array }[] = [],
): Uint8Array {
  return writeZip(
    [
      zipPart(
        "[Content_Types].xml",
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
      zipPart(
        "_rels/.rels",
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      zipPart(
        "xl/workbook.xml",
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Police crime" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      zipPart(
        "xl/_rels/workbook.xml.rels",
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      zipPart(
        "xl/worksheets/sheet1.xml",
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`,
      ),
      ...extraParts.map((p) => zipPart(p.name, p.content)),
    ],
    { time: 0, date: 33 },
  );
}

const inline = (text: string): string => `<c t="inlineStr"><is><t>${text}</t></is></c>`;
/** CRIME_ROWS as rows and cells with no `r` at all, text inline, one label in rich-text runs. */
const ROWS_WITHOUT_REFERENCES = CRIME_ROWS.map(
  (row, r) =>
    `<row>${row
      .map((v, c) =>
        typeof v === "number"
          ? `<c><v>${v}</v></c>`
          : r === 2 && c === 0
            ? `<c t="inlineStr"><is><r><rPr><b/></rPr><t>Burg</t></r><r><t>lary</t></r></is></c>`
            : inline(v),
      )
      .join("")}</row>`,
).join("");

/** A Compound File Binary header and a directory entry named `stream`: enough to be recognised. */
function compoundFile(stream: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00], 24);
  for (let i = 0; i < stream.length; i += 1) bytes[1024 + i * 2] = stream.charCodeAt(i);
  return bytes;
}

/** A one-pixel PNG. */
const PIXEL = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==",
    "base64",
  ),
);

const drawingXml = (withChart: boolean, withPicture: boolean): string => {
  const anchor = (col: number, body: string): string =>
    `<xdr:twoCellAnchor><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${col + 6}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`;
  const chart = `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rIdChart"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
  const picture = `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Picture 2"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rIdImage"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">${withChart ? anchor(5, chart) : ""}${withPicture ? anchor(12, picture) : ""}</xdr:wsDr>`;
};

const chartXml = (range: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>${range}</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

/** The worksheet part of the named sheet, from the workbook part and its relationships. */
function sheetPart(texts: Map<string, string>, sheet: string): string {
  const workbook = texts.get("xl/workbook.xml")!;
  const element = [...workbook.matchAll(/<sheet\s[^>]*\/>/g)]
    .map((m) => m[0])
    .find((e) => e.includes(`name="${sheet}"`));
  const id = /r:id="([^"]+)"/.exec(element ?? "")?.[1];
  const rel = [...texts.get("xl/_rels/workbook.xml.rels")!.matchAll(/<Relationship\s[^>]*\/>/g)]
    .map((m) => m[0])
    .find((e) => e.includes(`Id="${id}"`));
  const target = /Target="([^"]+)"/.exec(rel ?? "")?.[1];
  if (!target) throw new Error(`no part for sheet ${sheet}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/**
 * Adds a drawing to each named sheet, as Excel saves a chart or picture put on it: the drawing,
 * chart and image parts, the relationships from sheet to drawing to chart and image, and the
 * content types. Sheets may share one image part.
 */
async function withDrawings(
  bytes: Uint8Array,
  drawings: { sheet: string; chart: boolean; picture: boolean; number: number }[],
): Promise<Uint8Array> {
  const texts = await partTexts(bytes);
  const zip = await JSZip.loadAsync(bytes);
  let types = texts.get("[Content_Types].xml")!;
  for (const { sheet, chart, picture, number } of drawings) {
    const part = sheetPart(texts, sheet);
    const folder = part.slice(0, part.lastIndexOf("/") + 1);
    const file = part.slice(part.lastIndexOf("/") + 1);
    const sheetXml = await zip.file(part)!.async("string");
    const tail = /<(tableParts|extLst)\b/.exec(sheetXml);
    const at = tail ? tail.index : sheetXml.lastIndexOf("</worksheet>");
    zip.file(part, `${sheetXml.slice(0, at)}<drawing r:id="rIdDrawing${number}"/>${sheetXml.slice(at)}`);
    const sheetRels = `${folder}_rels/${file}.rels`;
    const existing = zip.file(sheetRels)
      ? await zip.file(sheetRels)!.async("string")
      : `<Relationships xmlns="${PACKAGE_REL}"></Relationships>`;
    zip.file(
      sheetRels,
      existing.replace(
        "</Relationships>",
        `<Relationship Id="rIdDrawing${number}" Type="${REL}/drawing" Target="../drawings/drawing${number}.xml"/></Relationships>`,
      ),
    );
    zip.file(`xl/drawings/drawing${number}.xml`, drawingXml(chart, picture));
    const drawingRels = [
      chart ? `<Relationship Id="rIdChart" Type="${REL}/chart" Target="../charts/chart${number}.xml"/>` : "",
      picture ? `<Relationship Id="rIdImage" Type="${REL}/image" Target="../media/image1.png"/>` : "",
    ];
    zip.file(
      `xl/drawings/_rels/drawing${number}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL}">${drawingRels.join("")}</Relationships>`,
    );
    types = types.replace(
      "</Types>",
      `<Override PartName="/xl/drawings/drawing${number}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
    );
    if (chart) {
      zip.file(`xl/charts/chart${number}.xml`, chartXml(`'${sheet.replace(/'/g, "''")}'!$B$2:$B$4`));
      types = types.replace(
        "</Types>",
        `<Override PartName="/xl/charts/chart${number}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
      );
    }
  }
  zip.file("xl/media/image1.png", PIXEL);
  if (!/Extension="png"/.test(types))
    types = types.replace("<Override", '<Default Extension="png" ContentType="image/png"/><Override');
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Every namespace of a transitional package swapped for Strict's, as Excel's "Strict Open XML Spreadsheet" writes. */
function toStrict(_name: string, text: string): string {
  return text
    .replaceAll(MAIN, "http://purl.oclc.org/ooxml/spreadsheetml/main")
    .replaceAll(
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "http://purl.oclc.org/ooxml/officeDocument/relationships",
    )
    .replaceAll("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main");
}

/** The package saved as Strict Open XML. */
export function strictOf(bytes: Uint8Array): Promise<Uint8Array> {
  return edited(bytes, toStrict);
}

/**
 * The shared-string items given an attribute (which no schema defines): neither the package
 * reader nor writer can be sure of counting them, so ExcelJS reads and writes the workbook.
 */
export function withAttributedStrings(bytes: Uint8Array): Promise<Uint8Array> {
  return edited(bytes, (name, text) =>
    name === "xl/sharedStrings.xml" ? text.replaceAll("<si>", '<si x="1">') : text,
  );
}

/**
 * The workbook part with its relationships namespace declared on each `<sheet>` rather than on
 * the root, as openpyxl writes it: a sheet added beside them must declare it too.
 */
function relationshipsOnEachSheet(name: string, text: string): string {
  if (name !== "xl/workbook.xml") return text;
  return text.replace(` xmlns:r="${REL}"`, "").replace(/<sheet /g, `<sheet xmlns:r="${REL}" `);
}

/** The workbook part's default namespace declared again on `<sheets>` and `<definedNames>`. */
function defaultNamespaceRedeclared(name: string, text: string): string {
  if (name !== "xl/workbook.xml") return text;
  return text
    .replace("<sheets>", `<sheets xmlns="${MAIN}">`)
    .replace(/<definedNames\b/, `<definedNames xmlns="${MAIN}"`);
}

/** The relationships namespace bound to an unusual prefix (`rel:id`). */
function unusualRelationshipsPrefix(name: string, text: string): string {
  if (name !== "xl/workbook.xml") return text;
  return text.replace(`xmlns:r="${REL}"`, `xmlns:rel="${REL}"`).replace(/\br:id=/g, "rel:id=");
}

/** Every element of the sheets prefixed (`<x:row>`), as some generators write them. */
function prefixedSheets(name: string, text: string): string {
  if (!name.startsWith("xl/worksheets/") || name.includes("_rels")) return text;
  return text
    .replace(/<(\/?)(?![?!])([A-Za-z]+)(?=[\s>/])/g, "<$1x:$2")
    .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
}

/** The main namespace of the last Excel 2007 beta (Beta 2 Technical Refresh). */
const BETA_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/7/main";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** mc:AlternateContent around the application's name in docProps/app.xml and around a sheet's properties. */
function alternateContentEverywhere(name: string, text: string): string {
  if (name === "docProps/app.xml")
    return text
      .replace(/<Properties\b/, `<Properties xmlns:mc="${MC}"`)
      .replace(
        /<Application>([^<]*)<\/Application>/,
        '<mc:AlternateContent><mc:Choice Requires="x15"><Application>$1</Application></mc:Choice><mc:Fallback><Application>$1</Application></mc:Fallback></mc:AlternateContent>',
      );
  if (name === "xl/worksheets/sheet1.xml")
    return text
      .replace(
        /<worksheet\b/,
        `<worksheet xmlns:mc="${MC}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"`,
      )
      .replace(
        "<sheetData>",
        '<mc:AlternateContent><mc:Choice Requires="x14"><x14:sheetPr/></mc:Choice><mc:Fallback/></mc:AlternateContent><sheetData>',
      );
  return text;
}

/**
 * A sheet in an old layout, as early generators wrote it: the first row numbered (row 2, after
 * an unwritten row 1) and the rest not, so each is the row after the one before; cells numbered
 * in one row only. Every reader must put each cell where LibreOffice does.
 */
function rowsNumberedInPart(text: string): string {
  let row = 0;
  return text.replace(/<row r="\d+"([^>]*)>([\s\S]*?)<\/row>/g, (_, rest: string, cells: string) => {
    row += 1;
    const numbered = row === 1 ? ' r="2"' : "";
    const body =
      row === 3
        ? cells.replace(/ r="([A-Z]+)\d+"/g, (__, column: string) => ` r="${column}${row + 1}"`)
        : cells.replace(/ r="[A-Z]+\d+"/g, "");
    return `<row${numbered}${rest}>${body}</row>`;
  });
}

/** Eight sheets of the crime table, each with its own title. */
function eightSheets(): Promise<Uint8Array> {
  return workbookBytes((wb) => {
    // A number found in its own part alone, to damage that part.
    for (let i = 1; i <= 8; i += 1) crimeSheet(wb, `Sheet ${i}`).getCell("E1").value = 6000 + i;
  });
}

/**
 * The hostile corpus. `sample` is the sample workbook and `sampleByLibreOffice` the same saved
 * by LibreOffice; cases built from them are left out when they are not given, and so are the
 * workbooks other programs wrote (`otherProgramCases`).
 */
export async function hostileCorpus(
  sample: Uint8Array | null = null,
  sampleByLibreOffice: Uint8Array | null = null,
  byOtherPrograms: readonly CorpusCase[] = [],
): Promise<CorpusCase[]> {
  const table = await workbookBytes((wb) => crimeSheet(wb));
  const cases: CorpusCase[] = [
    {
      name: "analyst-table.xlsx",
      about: "a plain table of police crime, as ExcelJS writes it",
      bytes: table,
      expect: PACKAGE,
    },
    {
      name: "merged-headers.xlsx",
      about: "a title merged across the table's columns above its header",
      bytes: await workbookBytes((wb) => {
        const sheet = wb.addWorksheet("Police crime");
        sheet.addRow(["Police recorded crime, Maidstone"]);
        sheet.addRows(CRIME_ROWS);
        sheet.mergeCells("A1:C1");
      }),
      expect: PACKAGE,
    },
    {
      name: "error-values.xlsx",
      about: "#N/A and #DIV/0! among the figures",
      bytes: await workbookBytes((wb) => {
        const sheet = crimeSheet(wb);
        sheet.addRow(["Arson", { error: "#N/A" }, { error: "#DIV/0!" }]);
      }),
      expect: PACKAGE,
    },
    {
      name: "formulas-without-cached-values.xlsx",
      about: "formulas saved with no cached result (as some generators save them)",
      bytes: await edited(table, (name, text) =>
        name === "xl/worksheets/sheet1.xml"
          ? text.replace(
              "</sheetData>",
              '<row r="5"><c r="A5" t="inlineStr"><is><t>Total</t></is></c><c r="B5"><f>SUM(B2:B4)</f></c><c r="C5"><f>SUM(C2:C4)</f></c></row></sheetData>',
            )
          : text,
      ),
      expect: PACKAGE,
    },
    {
      name: "dates-1904.xlsx",
      about: "the 1904 date system, with dates in a date format",
      bytes: await workbookBytes((wb) => {
        wb.properties.date1904 = true;
        const sheet = crimeSheet(wb);
        sheet.addRow(["Recorded on", new Date(Date.UTC(2020, 3, 1)), new Date(Date.UTC(2021, 2, 31))]);
        sheet.getRow(5).numFmt = "dd/mm/yyyy";
      }),
      expect: PACKAGE,
    },
    {
      name: "rows-1048576.xlsx",
      about: "a sheet whose last cell is in row 1,048,576, Excel's last row",
      bytes: await withEdgeCell("Long", "A1048576", "the last row"),
      expect: PACKAGE,
    },
    {
      name: "columns-16384.xlsx",
      about: "a sheet whose last cell is in column XFD (16,384), Excel's last column",
      bytes: await withEdgeCell("Wide", "XFD1", "the last column"),
      expect: PACKAGE,
    },
    {
      name: "quoted-sheet-names.xlsx",
      about: "sheet names with apostrophes and double quotes",
      bytes: await workbookBytes((wb) => {
        crimeSheet(wb, "Police's crime");
        wb.addWorksheet('Analyst "notes"').addRow(["kept as it was"]);
      }),
      expect: PACKAGE,
    },
    {
      name: "right-to-left.xlsx",
      about: "a right-to-left sheet with Arabic and Hebrew labels",
      bytes: await workbookBytes((wb) => {
        const sheet = wb.addWorksheet("الجريمة", { views: [{ rightToLeft: true }] });
        sheet.addRows([
          ["الجريمة", "2018/19", "2019/20"],
          ["سرقة", 610, 544],
          ["גניבה", 120, 131],
        ]);
      }),
      expect: PACKAGE,
    },
    {
      name: "formula-like-labels.xlsx",
      about: "labels starting =, +, - and @, which must come back as text, never formulas",
      bytes: await workbookBytes((wb) => {
        const sheet = wb.addWorksheet("Police crime");
        sheet.addRows([
          ["Crime", "2018/19", "2019/20"],
          ["=SUM(B2:B3)", 318, 394],
          ["+44 calls", 610, 544],
          ["-5 wards", 120, 131],
          ["@risk", 40, 52],
        ]);
      }),
      expect: PACKAGE,
    },
    {
      name: "protected-sheet.xlsx",
      about: "a sheet protected with a password (the file itself opens without one)",
      bytes: await workbookBytes((wb) => {
        void crimeSheet(wb).protect("secret", { selectLockedCells: true });
      }),
      expect: PACKAGE,
    },
    {
      name: "password-to-open.xlsx",
      about: "a workbook encrypted with a password to open (a compound file holding EncryptionInfo)",
      bytes: compoundFile("EncryptionInfo"),
      expect: { outcome: "refused", message: /protected with a password to open/ },
    },
    {
      name: "corrupt-zip.xlsx",
      about: "a workbook cut off half way (its zip directory lost)",
      bytes: table.slice(0, Math.floor(table.length / 2)),
      expect: { outcome: "refused", message: /damaged|cannot be read/ },
    },
    {
      name: "damaged-sheet.xlsx",
      about: "a sheet part whose bytes no longer match its CRC-32",
      bytes: await withDamagedPart(table, "<sheetData>"),
      expect: {
        outcome: "refused",
        message: /damaged: its part xl\/worksheets\/sheet1\.xml does not match its CRC-32/,
      },
    },
    {
      name: "damaged-document-properties.xlsx",
      about: "a damaged part nothing needs (docProps/app.xml)",
      bytes: await withDamagedPart(table, "<Application>"),
      expect: PACKAGE,
      note: /docProps\/app\.xml is damaged; nothing needs it/,
    },
    {
      name: "empty-workbook.xlsx",
      about: "a workbook with one empty sheet",
      bytes: await workbookBytes((wb) => wb.addWorksheet("Sheet1")),
      expect: PACKAGE,
    },
    {
      name: "zero-bytes.xlsx",
      about: "an empty file",
      bytes: new Uint8Array(0),
      expect: { outcome: "refused", message: /is empty/ },
    },
    {
      name: "analyst-sheet-named-like-ours.xlsx",
      about: "an analyst's own sheet called CSP Summary (not marked as ours)",
      bytes: await workbookBytes((wb) => {
        crimeSheet(wb);
        wb.addWorksheet("CSP Summary").addRow(["the analyst's own summary"]);
      }),
      expect: PACKAGE,
    },
    {
      name: "rows-without-references.xlsx",
      about:
        "rows and cells without r references, inline and rich-text strings; no styles, shared strings or document properties",
      bytes: minimalPackage(ROWS_WITHOUT_REFERENCES),
      expect: PACKAGE,
    },
    {
      name: "prefixed-elements.xlsx",
      about: "sheets whose every element is prefixed (<x:row>), valid XML that ExcelJS cannot read",
      bytes: await edited(table, prefixedSheets),
      expect: PACKAGE,
    },
    {
      name: "alternate-content-styles.xlsx",
      about: "mc:AlternateContent in the styles part",
      bytes: await edited(table, (name, text) =>
        name === "xl/styles.xml"
          ? text
              .replace(
                /<styleSheet\b[^>]*>/,
                `<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">`,
              )
              .replace(
                "</styleSheet>",
                '<mc:AlternateContent><mc:Choice Requires="x14ac"><x14ac:note/></mc:Choice><mc:Fallback/></mc:AlternateContent></styleSheet>',
              )
          : text,
      ),
      expect: PACKAGE,
    },
    {
      name: "strict.xlsx",
      about: "a table saved as Strict Open XML (ISO/IEC 29500 namespaces)",
      bytes: await strictOf(table),
      expect: PACKAGE,
    },
    {
      name: "relationships-on-each-sheet.xlsx",
      about: "the relationships namespace declared on each sheet element, not the root, as openpyxl writes it",
      bytes: await edited(table, relationshipsOnEachSheet),
      expect: PACKAGE,
    },
    {
      name: "default-namespace-redeclared.xlsx",
      about: "the workbook's default namespace declared again on its sheets and names",
      bytes: await edited(
        await workbookBytes((wb) => {
          crimeSheet(wb);
          wb.definedNames.add("'Police crime'!$A$1:$C$4", "CrimeTable");
        }),
        defaultNamespaceRedeclared,
      ),
      expect: PACKAGE,
    },
    {
      name: "unusual-relationships-prefix.xlsx",
      about: "the relationships namespace bound to the prefix rel rather than r",
      bytes: await edited(table, unusualRelationshipsPrefix),
      expect: PACKAGE,
    },
    {
      name: "prefixed-relationships.xlsx",
      about:
        "relationships parts whose elements carry a prefix (ns0:Relationship), as Python's ElementTree writes them",
      bytes: await edited(table, (name, text) =>
        name.endsWith(".rels")
          ? text
              .replace(/<Relationships xmlns=/, "<ns0:Relationships xmlns:ns0=")
              .replace(/<Relationship /g, "<ns0:Relationship ")
              .replace("</Relationships>", "</ns0:Relationships>")
          : text,
      ),
      expect: PACKAGE,
    },
    {
      name: "excel-2007-beta.xlsx",
      about:
        "every part in the namespaces of an Excel 2007 beta (spreadsheetml/2006/7/main), which Gnumeric and the Open XML SDK read (LibreOffice opens it with no cells)",
      bytes: await edited(table, (_, text) => text.replaceAll(MAIN, BETA_MAIN)),
      expect: PACKAGE,
    },
    {
      name: "alternate-content-everywhere.xlsx",
      about: "mc:AlternateContent in the document properties and in a sheet, around what it holds",
      bytes: await edited(table, alternateContentEverywhere),
      expect: PACKAGE,
    },
    {
      name: "rows-numbered-in-part.xlsx",
      about: "an old layout: only the first row numbered (after an unwritten row), cells numbered in one row only",
      bytes: await edited(table, (name, text) =>
        name === "xl/worksheets/sheet1.xml" ? rowsNumberedInPart(text) : text,
      ),
      expect: PACKAGE,
    },
    {
      name: "one-damaged-sheet.xlsx",
      about: "eight sheets, one of whose parts no longer matches its CRC-32",
      bytes: await withDamagedPart(await eightSheets(), "<v>6006</v>"),
      expect: PACKAGE,
      note: /sheet "Sheet 6" is damaged \(its part xl\/worksheets\/sheet6\.xml does not match its CRC-32\)/,
    },
    {
      name: "one-damaged-sheet-not-copyable.xlsx",
      about:
        "eight sheets, one damaged, in a workbook the package writer leaves to ExcelJS (CDATA in its workbook part), which would lose that sheet",
      bytes: await withDamagedPart(
        await edited(await eightSheets(), (name, text) =>
          name === "xl/workbook.xml"
            ? text.replace(
                "</sheets>",
                "</sheets><definedNames><definedName name=\"Crime\"><![CDATA['Sheet 1'!$A$1:$C$4]]></definedName></definedNames>",
              )
            : text,
        ),
        "<v>6006</v>",
      ),
      expect: { outcome: "refused", message: /cannot be written back: its sheet "Sheet 6" is damaged/ },
    },
    {
      name: "entity-expansion.xlsx",
      about: "a sheet whose document type declares nested XML entities (an entity-expansion test)",
      bytes: await edited(table, (name, text) =>
        name === "xl/worksheets/sheet1.xml"
          ? text.replace(
              /^(<\?xml[^>]*\?>\s*)/,
              '$1<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
            )
          : text,
      ),
      expect: {
        outcome: "refused",
        message:
          /declares XML entities in its part xl\/worksheets\/sheet1\.xml, which CSP Assess does not expand, for safety/,
      },
    },
    {
      name: "attributed-shared-strings.xlsx",
      about: "shared-string items carrying an attribute no schema defines",
      bytes: await withAttributedStrings(table),
      expect: { outcome: "exceljs", reason: /items this writer cannot count/ },
    },
    {
      name: "path-traversal.xlsx",
      about: "an entry named ../../evil.txt, a path out of the package",
      bytes: writeZip([...(await partsOf(table)), zipPart("../../evil.txt", "not a part")]),
      expect: { outcome: "refused", message: /a path outside the workbook/ },
    },
    {
      name: "duplicate-entries.xlsx",
      about: "two entries named xl/workbook.xml",
      bytes: writeZip([...(await partsOf(table)), zipPart("xl/workbook.xml", "<workbook/>")]),
      expect: { outcome: "refused", message: /two entries named xl\/workbook\.xml/ },
    },
    {
      name: "zip-bomb.xlsx",
      about: "a 64 MB part that deflates to 64 kB (over 200 times its size)",
      bytes: writeZip([...(await partsOf(table)), zipPart("xl/media/bomb.bin", new Uint8Array(64 << 20))]),
      expect: { outcome: "refused", message: /zip bomb/ },
    },
    {
      name: "xls-renamed.xlsx",
      about: "an Excel 97–2003 .xls file under an .xlsx name",
      bytes: compoundFile("Workbook"),
      expect: { outcome: "refused", message: /\.xls workbook, not \.xlsx/ },
    },
    {
      name: "xlsb-renamed.xlsx",
      about: "an Excel binary workbook (.xlsb) under an .xlsx name",
      bytes: writeZip([zipPart("[Content_Types].xml", "<Types/>"), zipPart("xl/workbook.bin", new Uint8Array(64))]),
      expect: { outcome: "refused", message: /\.xlsb/ },
    },
    {
      name: "ods-renamed.xlsx",
      about: "an OpenDocument spreadsheet under an .xlsx name",
      bytes: writeZip([
        zipPart("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        zipPart("content.xml", "<office:document-content/>"),
      ]),
      expect: { outcome: "refused", message: /OpenDocument spreadsheet/ },
    },
    {
      name: "csv-renamed.xlsx",
      about: "CSV text under an .xlsx name",
      bytes: new TextEncoder().encode("Crime,2018/19,2019/20\r\nDrug offences,318,394\r\n"),
      expect: { outcome: "refused", message: /is not an \.xlsx workbook: it is CSV text/ },
    },
    {
      name: "html-renamed.xlsx",
      about: "a web page saved as a spreadsheet (as some systems export)",
      bytes: new TextEncoder().encode("<html><body><table><tr><td>Crime</td></tr></table></body></html>"),
      expect: { outcome: "refused", message: /web page/ },
    },
  ];
  cases.push({
    name: "earlier-run-with-charts.xlsx",
    about:
      "our sheets from an earlier run carrying a chart and a picture (as Excel saves them), and an analyst's chart sharing the picture's image",
    bytes: await earlierRunWithCharts(table),
    expect: PACKAGE,
  });
  if (sample) {
    cases.push({
      name: "sample.xlsx",
      about: "the sample Strategic Assessment workbook",
      bytes: sample,
      expect: PACKAGE,
    });
    cases.push({
      name: "sample-strict.xlsx",
      about: "the sample saved as Strict Open XML",
      bytes: await strictOf(sample),
      expect: PACKAGE,
    });
  }
  if (sampleByLibreOffice)
    cases.push({
      name: "sample-libreoffice.xlsx",
      about: "the sample saved by LibreOffice Calc",
      bytes: sampleByLibreOffice,
      expect: PACKAGE,
    });
  cases.push(...byOtherPrograms);
  return cases;
}

/** A package's parts as entries for `writeZip`, copied as they are. */
async function partsOf(bytes: Uint8Array): Promise<ReturnType<typeof zipPart>[]> {
  const { ZipPackage } = await import("../../src/adapters/xlsx/zipPackage");
  const zip = ZipPackage.open(bytes)!;
  return zip.names().map((name) => ({ name, entry: zip.entry(name)! }));
}

/** The table computed once (our sheets added), then charts and a picture put on our sheets and the analyst's. */
async function earlierRunWithCharts(table: Uint8Array): Promise<Uint8Array> {
  const { WorkbookFile } = await import("../../src/adapters/workbookFile");
  const { runAssessment } = await import("../../src/job");
  const { nodeDeflateCodec } = await import("../../src/adapters/node/nodeDeflateCodec");
  const port = await WorkbookFile.fromBytes(table, "analyst-table.xlsx", nodeDeflateCodec);
  await runAssessment(port);
  return withDrawings(await port.toBytes(), [
    { sheet: "CSP Tables", chart: true, picture: false, number: 1 },
    { sheet: "CSP Summary", chart: false, picture: true, number: 2 },
    { sheet: "Police crime", chart: true, picture: true, number: 3 },
  ]);
}
