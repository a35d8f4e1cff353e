import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { unzipSync, zipSync } from "fflate";
import { MAP_PICTURE_SIZE, mapSvg } from "../../../geo";
import type { ReportContent, ReportTable } from "./reportContent";

/** Turns an SVG picture into PNG bytes: resvg in Node, a canvas in the browser. */
export type Rasterise = (svg: string, width: number, height: number) => Promise<Uint8Array>;

const FONT = "Calibri";
const GREY = "605E5C";

const paragraph = (
  text: string,
  options: { bold?: boolean; italics?: boolean; colour?: string; size?: number } = {},
): Paragraph =>
  new Paragraph({
    spacing: { after: 120 },
    children: [
      new TextRun({ text, bold: options.bold, italics: options.italics, color: options.colour, size: options.size }),
    ],
  });

const heading = (text: string, level: 1 | 2 | 3, pageBreak = false): Paragraph =>
  new Paragraph({
    text,
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    pageBreakBefore: pageBreak,
    keepNext: true,
  });

const bullet = (text: string): Paragraph => new Paragraph({ text, bullet: { level: 0 }, spacing: { after: 80 } });

/** A report table as a real Word table: a bold header row, figures right-aligned. */
function wordTable(table: ReportTable): (Paragraph | Table)[] {
  const cell = (text: string, header: boolean, right: boolean): TableCell =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: header, size: 18 })],
        }),
      ],
      shading: header ? { fill: "DEEAF6" } : undefined,
    });
  const numeric = (text: string): boolean => /^[+-]?[\d,.]+%?$|^–$|^new$/.test(text);
  return [
    paragraph(table.caption, { bold: true, size: 20 }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: table.header.map((h, j) => cell(h, true, j > 0 && table.rows.every((r) => numeric(r[j] ?? "")))),
        }),
        ...table.rows.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: row.map((text, j) => cell(text, false, j > 0 && numeric(text))),
            }),
        ),
      ],
    }),
    ...(table.note ? [paragraph(table.note, { italics: true, colour: GREY, size: 18 })] : [paragraph("")]),
  ];
}

/** A picture 540 points wide (two with their captions fit an A4 page), then its caption in italics. */
function picture(
  png: Uint8Array,
  size: { readonly width: number; readonly height: number },
  title: string,
  caption: string,
): Paragraph[] {
  const shown = { width: 540, height: Math.round((540 * size.height) / size.width) };
  return [
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: "png",
          data: png,
          transformation: shown,
          altText: { name: title, description: caption, title },
        }),
      ],
    }),
    paragraph(caption, { italics: true, size: 18 }),
  ];
}

/**
 * The draft Strategic Assessment as a Word document (.docx) from the report's content: title
 * page, key changes, a section per theme or table with real Word tables, ward maps as pictures,
 * the MoRiLE ranking, the audit findings and the sources. Every figure comes from the content;
 * the same content gives the same bytes (dates from the content, fixed zip times).
 */
export async function draftReport(content: ReportContent, rasterise: Rasterise): Promise<Uint8Array> {
  const { width, height } = MAP_PICTURE_SIZE;
  const pictures = await Promise.all(content.maps.map((m) => rasterise(mapSvg(m.picture), width, height)));
  const figures = await Promise.all(
    content.sections.map((s) => (s.figure ? rasterise(s.figure.svg, s.figure.width, s.figure.height) : null)),
  );
  const dated = [content.period ? `Data to ${content.period}` : null, content.date ? `Drafted ${content.date}` : null]
    .filter(Boolean)
    .join(". ");
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      spacing: { before: 2400, after: 240 },
      children: [new TextRun({ text: content.partnership, size: 36, color: "1F4E79" })],
    }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: content.title, bold: true, size: 56 })] }),
    ...(dated ? [paragraph(`${dated}.`, { size: 24 })] : []),
    paragraph(
      "A draft written by CSP Assess from the partnership's workbook: every figure comes from the data. Check it, then write the narrative around it.",
      { italics: true, colour: GREY },
    ),
  ];
  if (content.keyChanges.length > 0) {
    children.push(heading("Key changes", 1, true));
    // Each with where it comes from: "Theft rose …" means little without its table.
    for (const f of content.keyChanges)
      children.push(bullet(`${f.text} (${f.table ?? f.sheet}${f.theme ? `; MoRiLE theme: ${f.theme}` : ""})`));
  }
  content.sections.forEach((section, s) => {
    const empty = !section.intro && section.sentences.length === 0 && section.tables.length === 0;
    if (empty && section.level === 2) return;
    children.push(heading(section.heading, section.level, section.level === 1 && section.heading === "Other tables"));
    if (section.intro) children.push(paragraph(section.intro, { italics: true, colour: GREY }));
    for (const sentence of section.sentences) children.push(bullet(sentence));
    for (const table of section.tables) children.push(...wordTable(table));
    const figure = section.figure;
    const png = figures[s];
    if (figure && png) children.push(...picture(png, figure, section.heading, figure.caption));
  });
  if (content.maps.length > 0) {
    children.push(heading("Ward maps", 1, true));
    content.maps.forEach((map, i) => {
      // Two maps with their captions fit an A4 page.
      children.push(...picture(pictures[i], { width, height }, map.picture.title, map.caption));
    });
  }
  if (content.morile) {
    children.push(heading("MoRiLE ranking", 1, true));
    children.push(...wordTable(content.morile));
  }
  if (content.appendix) {
    children.push(heading("Appendix: audit findings", 1, true));
    children.push(...wordTable(content.appendix));
  }
  children.push(heading("Sources", 1, !content.appendix));
  for (const source of content.sources) children.push(bullet(source));

  const document = new Document({
    creator: "CSP Assess",
    title: `${content.partnership}: ${content.title}`,
    description: "Draft Strategic Assessment written from the results of CSP Assess",
    styles: { default: { document: { run: { font: FONT, size: 22, language: { value: "en-GB" } } } } },
    sections: [{ children }],
  });
  return deterministic(new Uint8Array(await Packer.toArrayBuffer(document)), content.date);
}

/**
 * The package with nothing of the moment it was made, nor of the process: the core properties'
 * dates set to the document's date (or 1 January 2000 without one), drawings numbered from 1,
 * and every zip entry stamped with that date.
 */
function deterministic(docx: Uint8Array, date: string | null): Uint8Array {
  const [day, month, year] = (date ?? "01/01/2000").split("/").map(Number);
  const stamp = new Date(Date.UTC(year, month - 1, day));
  const iso = stamp.toISOString().replace(/\.\d{3}Z$/, "Z");
  const files = unzipSync(docx);
  const core = files["docProps/core.xml"];
  if (core) {
    const xml = new TextDecoder()
      .decode(core)
      .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`);
    files["docProps/core.xml"] = new TextEncoder().encode(xml);
  }
  // docx numbers drawings with a counter that lives as long as the process; number them afresh.
  const body = files["word/document.xml"];
  if (body) {
    let next = 0;
    const xml = new TextDecoder()
      .decode(body)
      .replace(/(<wp:docPr\b[^>]*?\bid=")\d+(")/g, (_, a: string, b: string) => `${a}${(next += 1)}${b}`);
    files["word/document.xml"] = new TextEncoder().encode(xml);
  }
  const names = Object.keys(files).sort((a, b) =>
    a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a.localeCompare(b),
  );
  return zipSync(Object.fromEntries(names.map((n) => [n, [files[n], { mtime: stamp }]])), { level: 6 });
}
