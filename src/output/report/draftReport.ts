import {
  AlignmentType,
  Document,
  type FileChild,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TabStopType,
  LeaderType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { unzipSync, zipSync } from "fflate";
import { MAP_PICTURE_SIZE, mapSvg } from "../../../geo";
import type { ReportContent, ReportSection, ReportTable } from "./reportTypes";

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

/** The text width of an A4 page with the default margins, in twentieths of a point. */
const TEXT_WIDTH = 9026;

/**
 * A report table as a real Word table: a bold header row, figures right-aligned, the label
 * column as wide as its text needs (within a third to a half of the page) and the figures
 * sharing the rest, so labels do not wrap to three lines.
 */
function wordTable(table: ReportTable): (Paragraph | Table)[] {
  const cell = (text: string, header: boolean, right: boolean, width: number): TableCell =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: header, size: 18 })],
        }),
      ],
      shading: header ? { fill: "DEEAF6" } : undefined,
    });
  const numeric = (text: string): boolean => /^[+-]?[\d,.]+%?$|^–$|^new$/.test(text);
  // Each column as wide as its longest text needs, within limits, so labels do not wrap to
  // three lines while figures stay narrow; the widths fill the page.
  // Characters, plus the cell's margins: a label up to 40, a figure or header word up to 14.
  const longest = (j: number): number =>
    Math.max(...[table.header[j], ...table.rows.map((r) => r[j] ?? "")].map((t) => (t ?? "").length));
  // A header wraps between its words, never inside one.
  const word = (j: number): number => Math.max(...(table.header[j] ?? "").split(/\s+/).map((w) => w.length));
  // A long column of words after the first (a finding, a glossary's meaning) may take the room
  // a label may; short words (a band, "Yes") and figures keep a figure's.
  const words = (j: number): boolean => table.rows.some((r) => (r[j] ?? "") !== "" && !numeric(r[j] ?? ""));
  const needs = table.header.map((_, j) =>
    j === 0 || (words(j) && longest(j) > 14)
      ? Math.min(36, Math.max(10, longest(j))) + 2
      : Math.max(word(j), Math.min(14, Math.max(7, longest(j)))) + 5,
  );
  const total = needs.reduce((a, b) => a + b, 0);
  const widths = needs.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  return [
    paragraph(table.caption, { bold: true, size: 20 }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({
          tableHeader: true,
          children: table.header.map((h, j) =>
            cell(h, true, j > 0 && table.rows.every((r) => numeric(r[j] ?? "")), widths[j]),
          ),
        }),
        ...table.rows.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: row.map((text, j) => cell(text, false, j > 0 && numeric(text), widths[j])),
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

/** The title page: the partnership, the assessment and its year, the data's period, the date. */
function titlePage(content: ReportContent): FileChild[] {
  return [
    new Paragraph({
      spacing: { before: 2400, after: 240 },
      children: [new TextRun({ text: content.partnership, size: 36, color: "1F4E79" })],
    }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: content.title, bold: true, size: 48 })] }),
    ...(content.period ? [paragraph(`Data ${content.period}.`, { size: 24 })] : []),
    ...(content.date ? [paragraph(`Drafted ${content.date}.`, { size: 24 })] : []),
    paragraph(
      "A draft written by CSP Assess from the partnership's data: every figure comes from the data, and each place marked [Analyst: …] is for the analyst to write. Check it, then write the narrative around it.",
      { italics: true, colour: GREY },
    ),
    // The contents as a field Word and LibreOffice fill in and update, headings 1 and 2.
    new Paragraph({
      pageBreakBefore: true,
      spacing: { after: 240 },
      children: [new TextRun({ text: "Contents", bold: true, size: 32 })],
    }),
    new TableOfContents("Contents", { hyperlink: true, headingStyleRange: "1-2" }),
  ];
}

/** Every picture of the report rasterised: each section's charts and maps, in order. */
async function sectionPictures(
  sections: readonly ReportSection[],
  rasterise: Rasterise,
): Promise<{ figures: Uint8Array[][]; maps: Uint8Array[][] }> {
  const { width, height } = MAP_PICTURE_SIZE;
  const figures = await Promise.all(
    sections.map((s) => Promise.all((s.figures ?? []).map((f) => rasterise(f.svg, f.width, f.height)))),
  );
  const maps = await Promise.all(
    sections.map((s) => Promise.all((s.maps ?? []).map((m) => rasterise(mapSvg(m.picture), width, height)))),
  );
  return { figures, maps };
}

/** One section as Word paragraphs: heading, intro, paragraphs, key changes, tables, charts, maps. */
function sectionParagraphs(
  section: ReportSection,
  pictures: { figures: readonly Uint8Array[]; maps: readonly Uint8Array[] },
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(section.heading, section.level, section.level === 1)];
  if (section.intro) out.push(paragraph(section.intro, { italics: true, colour: GREY }));
  for (const text of section.paragraphs ?? [])
    out.push(paragraph(text, text.startsWith("[Analyst:") ? { colour: "C00000" } : {}));
  for (const sentence of section.sentences) out.push(bullet(sentence));
  (section.figures ?? []).forEach((f, i) => out.push(...picture(pictures.figures[i], f, section.heading, f.caption)));
  for (const table of section.tables) out.push(...wordTable(table));
  (section.maps ?? []).forEach((m, i) =>
    out.push(...picture(pictures.maps[i], MAP_PICTURE_SIZE, m.picture.title, m.caption)),
  );
  return out;
}

/**
 * The draft Strategic Assessment as a Word document (.docx) from the report's content: title
 * page, contents (a field Word and LibreOffice update), page numbers in the footer, then the
 * sections and appendices with real Word tables, charts and maps as pictures. Every figure comes
 * from the content; the same content gives the same bytes (dates from the content, fixed zip times).
 */
export async function draftReport(content: ReportContent, rasterise: Rasterise): Promise<Uint8Array> {
  const all = [...content.sections, ...content.appendices];
  const pictures = await sectionPictures(all, rasterise);
  const children: FileChild[] = [...titlePage(content)];
  all.forEach((section, s) => {
    children.push(...sectionParagraphs(section, { figures: pictures.figures[s], maps: pictures.maps[s] }));
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${content.partnership}: ${content.title}. Page `, size: 16, color: GREY }),
          new TextRun({ children: [PageNumber.CURRENT], size: 16, color: GREY }),
          new TextRun({ text: " of ", size: 16, color: GREY }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: GREY }),
        ],
      }),
    ],
  });
  const document = new Document({
    creator: "CSP Assess",
    title: `${content.partnership}: ${content.title}`,
    description: "Draft Strategic Assessment written from the results of CSP Assess",
    features: { updateFields: true },
    styles: {
      default: { document: { run: { font: FONT, size: 22, language: { value: "en-GB" } } } },
      // The contents' entries with their page numbers at the right margin, dotted to them.
      paragraphStyles: [1, 2].map((level) => ({
        id: `TOC${level}`,
        name: `toc ${level}`,
        basedOn: "Normal",
        next: "Normal",
        paragraph: {
          indent: { left: (level - 1) * 240 },
          spacing: { after: 60 },
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
        },
      })),
    },
    sections: [{ footers: { default: footer }, children }],
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
  // docx numbers drawings, and the contents' bookmarks, with counters that live as long as the
  // process; number them afresh, in the order they stand.
  const body = files["word/document.xml"];
  if (body) {
    let next = 0;
    const toc = new Map<string, number>();
    const xml = new TextDecoder()
      .decode(body)
      .replace(/(<wp:docPr\b[^>]*?\bid=")\d+(")/g, (_, a: string, b: string) => `${a}${(next += 1)}${b}`)
      .replace(/_Toc(\d+)/g, (_, n: string) => `_Toc${toc.get(n) ?? toc.set(n, toc.size + 1).get(n)}`)
      .replace(
        /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g,
        (_, a: string, n: string, b: string) => `${a}${toc.get(n) ?? n}${b}`,
      );
    files["word/document.xml"] = new TextEncoder().encode(xml);
  }
  const names = Object.keys(files).sort((a, b) =>
    a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a.localeCompare(b),
  );
  return zipSync(Object.fromEntries(names.map((n) => [n, [files[n], { mtime: stamp }]])), { level: 6 });
}
