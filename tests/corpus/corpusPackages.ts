// How the hostile corpus's files are made: workbooks written by ExcelJS, then their parts edited,
// damaged, zipped by hand or given drawings, as other programs and accidents make them.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import zlib from "node:zlib";
import { writeZip } from "../../src/adapters/xlsx/zipPackage";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
export const PACKAGE = { outcome: "package" } as const;

/** A police crime table, the shape every accepted case carries so a run has something to compute. */
export const CRIME_ROWS: (string | number)[][] = [
  ["Crime", "2018/19", "2019/20"],
  ["Drug offences", 318, 394],
  ["Burglary", 610, 544],
  ["Robbery", 120, 131],
];

export async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const crimeSheet = (workbook: ExcelJS.Workbook, name = "Police crime"): ExcelJS.Worksheet => {
  const sheet = workbook.addWorksheet(name);
  sheet.addRows(CRIME_ROWS);
  return sheet;
};

/** The crime table and a sheet holding one cell at the edge of Excel's grid. */
export const withEdgeCell = (sheet: string, cell: string, text: string): Promise<Uint8Array> =>
  workbookBytes((wb) => {
    crimeSheet(wb);
    wb.addWorksheet(sheet).getCell(cell).value = text;
  });

/** The package with its parts' text changed by `edit` (or `null` to leave a part out), deflated again. */
export async function edited(
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
export async function partTexts(bytes: Uint8Array): Promise<Map<string, string>> {
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
export async function withDamagedPart(bytes: Uint8Array, marker: string): Promise<Uint8Array> {
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
export function zipPart(
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
export function minimalPackage(
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

export const inline = (text: string): string => `<c t="inlineStr"><is><t>${text}</t></is></c>`;
/** CRIME_ROWS as rows and cells with no `r` at all, text inline, one label in rich-text runs. */
export const ROWS_WITHOUT_REFERENCES = CRIME_ROWS.map(
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
export function compoundFile(stream: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00], 24);
  for (let i = 0; i < stream.length; i += 1) bytes[1024 + i * 2] = stream.charCodeAt(i);
  return bytes;
}

/** A one-pixel PNG. */
export const PIXEL = Uint8Array.from(
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
export async function withDrawings(
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
export function toStrict(_name: string, text: string): string {
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
export function relationshipsOnEachSheet(name: string, text: string): string {
  if (name !== "xl/workbook.xml") return text;
  return text.replace(` xmlns:r="${REL}"`, "").replace(/<sheet /g, `<sheet xmlns:r="${REL}" `);
}

/** The workbook part's default namespace declared again on `<sheets>` and `<definedNames>`. */
export function defaultNamespaceRedeclared(name: string, text: string): string {
  if (name !== "xl/workbook.xml") return text;
  return text
    .replace("<sheets>", `<sheets xmlns="${MAIN}">`)
    .replace(/<definedNames\b/, `<definedNames xmlns="${MAIN}"`);
}

/** The relationships namespace bound to an unusual prefix (`rel:id`). */
export function unusualRelationshipsPrefix(name: string, text: string): string {
  if (name !== "xl/workbook.xml") return text;
  return text.replace(`xmlns:r="${REL}"`, `xmlns:rel="${REL}"`).replace(/\br:id=/g, "rel:id=");
}

/** Every element of the sheets prefixed (`<x:row>`), as some generators write them. */
export function prefixedSheets(name: string, text: string): string {
  if (!name.startsWith("xl/worksheets/") || name.includes("_rels")) return text;
  return text
    .replace(/<(\/?)(?![?!])([A-Za-z]+)(?=[\s>/])/g, "<$1x:$2")
    .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
}

/** The main namespace of the last Excel 2007 beta (Beta 2 Technical Refresh). */
export const BETA_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/7/main";
export const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** mc:AlternateContent around the application's name in docProps/app.xml and around a sheet's properties. */
export function alternateContentEverywhere(name: string, text: string): string {
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
export function rowsNumberedInPart(text: string): string {
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
export function eightSheets(): Promise<Uint8Array> {
  return workbookBytes((wb) => {
    // A number found in its own part alone, to damage that part.
    for (let i = 1; i <= 8; i += 1) crimeSheet(wb, `Sheet ${i}`).getCell("E1").value = 6000 + i;
  });
}

/** A package's parts as entries for `writeZip`, copied as they are. */
export async function partsOf(bytes: Uint8Array): Promise<ReturnType<typeof zipPart>[]> {
  const { ZipPackage } = await import("../../src/adapters/xlsx/zipPackage");
  const zip = ZipPackage.open(bytes)!;
  return zip.names().map((name) => ({ name, entry: zip.entry(name)! }));
}

/** The table computed once (our sheets added), then charts and a picture put on our sheets and the analyst's. */
export async function earlierRunWithCharts(table: Uint8Array): Promise<Uint8Array> {
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
