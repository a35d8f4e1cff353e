import {
  type CellValue,
  GridCollector,
  type Pause,
  type SheetGrid,
  type WorkbookGrids,
  pacer,
  unreadResultSheet,
} from "../../model";
import { ByteQueue } from "../byteQueue";
import type { DeflateCodec, StreamingCodec } from "./deflateCodec";
import { BUILT_IN_FORMATS, customNumberFormats } from "./numberFormats";
import { stringItems } from "./sharedStringsPart";
import {
  type CellSink,
  type SheetContext,
  UnreadablePart,
  checkSheetLayout,
  readSheetCells,
  readSheetRows,
  runText,
} from "./sheetCells";
import { MalformedXml, canonicalXml, declaresEntities, needsCanonical } from "./canonicalXml";
import {
  OFFICE_DOCUMENT_REL,
  PACKAGE_RELS,
  REL_NS,
  SHARED_STRINGS_REL,
  WORKBOOK,
  WORKSHEET_REL,
  attributeOf,
  partRelationships,
  relsPartOf,
  resultMarkers,
  sheetEntries,
} from "./workbookPart";
import { DamagedPart, PackageRefused, type ZipPackage, checkLimits } from "./zipPackage";

const STYLES_REL = `${REL_NS}/styles`;
/** How many sheets are inflated ahead of the one being read (they inflate on other threads). */
const READ_AHEAD = 4;
/** Sheet parts larger than this are read as they inflate, where the codec streams (Node). */
const STREAM_OVER = 16 * 1024 * 1024;

/** Every string item of the shared-string table, rich text joined into plain text. */
function sharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const items = stringItems(xml);
  if (!items) throw new UnreadablePart("the shared-string table has items it cannot count");
  return items.map((body) => (body ? runText(body) : ""));
}

/** The number format of each cell style, from styles.xml's cellXfs and custom numFmts. */
function styleFormats(xml: string | null): (string | null)[] {
  if (xml === null) return [];
  const custom = customNumberFormats(xml);
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  return [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map(([element]) => {
    const id = Number(attributeOf(element, "numFmtId") ?? 0);
    // Id 0 (General) reads as no format, as in ExcelJS.
    return id ? (custom.get(id) ?? BUILT_IN_FORMATS[id] ?? null) : null;
  });
}

/**
 * A part's XML in the layout the scanners read: as it is when Excel wrote it, else put into that
 * layout by a conforming parser (`canonicalXml`). `alternates` for small parts that may carry
 * mc:AlternateContent among what is read.
 * @throws UnreadablePart for a part that is not well-formed XML
 */
export function scannableXml(part: string, xml: string, alternates = false): string {
  if (!needsCanonical(xml, alternates)) return xml;
  // Entities are never expanded (a few nested declarations make gigabytes of text), nor read as
  // damage: the file is refused for what it is. Excel itself never writes a declaration.
  if (declaresEntities(xml))
    throw new PackageRefused(
      `declares XML entities in its part ${part}, which CSP Assess does not expand, for safety; save it again from Excel`,
    );
  try {
    return canonicalXml(xml);
  } catch (error) {
    if (error instanceof MalformedXml)
      throw new UnreadablePart(`part ${part} is not well-formed XML (${error.message})`);
    throw error;
  }
}

/** A part's text in the layout the scanners read, or null when the package has no such part. */
async function partXml(zip: ZipPackage, part: string, codec: DeflateCodec, alternates = false): Promise<string | null> {
  const xml = await zip.text(part, codec, true);
  return xml === null ? null : scannableXml(part, xml, alternates);
}

/**
 * The workbook part, as the package's relationships name it (Excel puts it at xl/workbook.xml;
 * other writers may not).
 */
export async function mainPart(zip: ZipPackage, codec: DeflateCodec): Promise<string> {
  const rels = await partXml(zip, PACKAGE_RELS, codec);
  if (rels === null) return WORKBOOK;
  const main = [...partRelationships(rels, "").values()].find((r) => r.type === OFFICE_DOCUMENT_REL);
  return main?.part ?? WORKBOOK;
}

/** A workbook's worksheets in tab order, with what their cells refer to elsewhere in the package. */
interface PackageSheets {
  readonly context: SheetContext;
  /** `ours` marks our own result sheets from an earlier run, whose cells are never read. */
  readonly sheets: readonly { readonly name: string; readonly part: string; readonly ours: boolean }[];
}

/**
 * The workbook part, its relationships, shared strings and styles: what reading any sheet needs.
 * @throws UnreadablePart when the package is not laid out as Excel writes it
 */
async function packageSheets(zip: ZipPackage, codec: DeflateCodec): Promise<PackageSheets> {
  const main = await mainPart(zip, codec);
  const [workbook, rels] = await Promise.all([partXml(zip, main, codec, true), partXml(zip, relsPartOf(main), codec)]);
  if (workbook === null) throw new UnreadablePart(`the workbook part ${main} is missing`);
  if (rels === null) throw new UnreadablePart(`the workbook's relationships (${relsPartOf(main)}) are missing`);
  if (!/<workbook[\s>]/.test(workbook)) throw new UnreadablePart(`the workbook part ${main} has no workbook in it`);
  const relationships = partRelationships(rels, main);
  const partOfType = (type: string): string | null =>
    [...relationships.values()].find((r) => r.type === type)?.part ?? null;
  const optional = (part: string | null): Promise<string | null> =>
    part ? partXml(zip, part, codec, true) : Promise.resolve(null);
  const [strings, styles] = await Promise.all([
    optional(partOfType(SHARED_STRINGS_REL)),
    optional(partOfType(STYLES_REL)),
  ]);
  const workbookPr = /<workbookPr\b[^>]*>/.exec(workbook)?.[0] ?? "";
  const date1904 = ["1", "true"].includes(attributeOf(workbookPr, "date1904") ?? "");
  const context: SheetContext = { sharedStrings: sharedStrings(strings), formats: styleFormats(styles), date1904 };
  const ours = resultMarkers(workbook).sheets;
  // Worksheets in tab order (chart sheets and the like have no cells to read).
  const sheets = sheetEntries(workbook).flatMap((entry) => {
    const relationship = entry.relationshipId ? relationships.get(entry.relationshipId) : undefined;
    if (!relationship) throw new UnreadablePart(`sheet ${entry.name} has no part`);
    return relationship.type === WORKSHEET_REL
      ? [{ name: entry.name, part: relationship.part, ours: ours.has(entry.name) }]
      : [];
  });
  return { context, sheets };
}

/**
 * Reads every worksheet of an .xlsx package into grids, straight from the XML: about four
 * times faster than building ExcelJS's object model, which the core never needs. It gives the
 * grids ExcelJS would give (the tests compare the two on every workbook they use and on random
 * ones), except where ExcelJS is wrong: `_xHHHH_` escapes are decoded in every string, as
 * Excel decodes them, and a formula's cached 0, FALSE or text is kept as it is.
 * Parts not in Excel's layout (Strict, prefixed, CDATA) are first put into it by saxes.
 * @throws UnreadablePart when the package holds what this reader cannot be sure of (a
 *   shared-string table it cannot count, a part that is not well-formed, a missing part); the
 *   caller then uses ExcelJS
 * @throws PackageRefused for a damaged part or one past the size limits, except a damaged
 *   sheet when others are sound: it is passed over and named in `damagedSheets`
 */
export async function readPackageGrids(
  zip: ZipPackage,
  codec: DeflateCodec,
  pause?: Pause,
  streamOver = STREAM_OVER,
): Promise<PackageGrids> {
  const turn = pacer(pause);
  const { context, sheets } = await packageSheets(zip, codec);
  // Our own result sheets are listed but not read: the core never uses their cells.
  const toRead = sheets.filter((s) => !s.ours);
  const streamed = (part: string): boolean => {
    const entry = zip.entry(part);
    return codec.inflateChunks !== undefined && entry?.method === 8 && entry.size > streamOver;
  };
  const texts: (Promise<string | null> | null)[] = [];
  const read = new Map<string, SheetGrid>();
  const damaged: DamagedPart[] = [];
  for (let i = 0; i < toRead.length; i += 1) {
    while (texts.length < Math.min(toRead.length, i + READ_AHEAD)) {
      // A large sheet is streamed at its turn rather than inflated ahead.
      const part = toRead[texts.length].part;
      const text = streamed(part) ? Promise.resolve(null) : zip.text(part, codec);
      text.catch(() => undefined); // a failure is reported when that sheet's turn comes
      texts.push(text);
    }
    await turn();
    let xml: string | null;
    try {
      const grid = streamed(toRead[i].part) ? await streamedGrid(zip, toRead[i], context, codec, turn) : null;
      if (grid) {
        read.set(toRead[i].name, grid);
        continue;
      }
      xml = await (texts[i] ?? zip.text(toRead[i].part, codec));
    } catch (error) {
      // One damaged sheet does not stop the others being read; the writer copies it as it is.
      if (!(error instanceof DamagedPart)) throw error;
      damaged.push(error);
      continue;
    } finally {
      texts[i] = null; // let the XML go once read
    }
    if (xml === null) throw new UnreadablePart(`sheet ${toRead[i].name} has no part`);
    read.set(toRead[i].name, await readSheetCells(toRead[i].name, scannableXml(toRead[i].part, xml), context, turn));
  }
  if (damaged.length > 0 && damaged.length === toRead.length) throw damaged[0];
  const grids = sheets.map((s) => read.get(s.name) ?? unreadResultSheet(s.name));
  const damagedSheets = damaged.map((error) => sheets.find((s) => s.part === error.part)!.name);
  if (damagedSheets.length === 0) return { sheets: grids };
  return { sheets: grids, damagedSheets, fileNotes: damaged.map((e, i) => damagedSheetNote(damagedSheets[i], e.part)) };
}

/**
 * A large sheet's grid built a batch of rows at a time from the inflating part, so its XML is
 * never held whole: a pasted police.uk download of 196,000 rows is 80 MB of XML. Null when the
 * sheet must be read whole after all: a part not in Excel's layout, or one with merged cells
 * (they follow the rows, and the cells they cover are not read).
 */
async function streamedGrid(
  zip: ZipPackage,
  sheet: { readonly name: string; readonly part: string },
  context: SheetContext,
  codec: DeflateCodec,
  turn: () => Promise<void> | null,
): Promise<SheetGrid | null> {
  const inflate = codec.inflateChunks;
  if (!inflate) return null;
  const cells = new GridCollector();
  const sink: CellSink = (row, column, value, format) => cells.add(row, column, value, format);
  const streamed = await streamSheetRows(zip, sheet, context, codec, (raw) => inflate.call(codec, raw), sink, turn);
  if ("whole" in streamed || /<(\w+:)?mergeCell\b/.test(streamed.tail)) return null;
  return cells.grid(sheet.name);
}

/** The grids, and the sheets passed over as damaged, when any were (each also said in a note). */
export interface PackageGrids extends WorkbookGrids {
  readonly damagedSheets?: readonly string[];
}

/** What the analyst is told of a damaged sheet the others were read without. */
function damagedSheetNote(sheet: string, part: string): string {
  return `sheet "${sheet}" is damaged (its part ${part} does not match its CRC-32), so it was not read and its figures are not in the results; the other sheets were read. To include it, open the file in Excel, let Excel repair it, save it and run again`;
}

// Sheet XML is decoded and parsed about 64 kB of whole rows at a time: V8 keeps strings under
// 128 kB out of its large-object space, where decoding measured thirty times slower.
const ROWS_BATCH = 1 << 16;
const ROW_END = [0x3c, 0x2f, 0x72, 0x6f, 0x77, 0x3e]; // "</row>"

/** The index just past the last "</row>" that ends at or before `limit`, or 0. */
function lastRowEnd(bytes: Uint8Array, limit: number): number {
  for (let i = bytes.lastIndexOf(0x3e, limit - 1); i >= 5; i = bytes.lastIndexOf(0x3e, i - 1)) {
    let k = 0;
    while (k < 6 && bytes[i - 5 + k] === ROW_END[k]) k += 1;
    if (k === 6) return i + 1;
  }
  return 0;
}

/** What streaming one sheet part gave: its rows went to the sink, and this followed them. */
type StreamedSheet = { readonly tail: string } | { readonly whole: true };

/**
 * One worksheet part inflated as a stream, its whole rows parsed as they arrive, each cell to
 * `onCell`, `turn` asked between batches. Returns what follows the rows (merged cells and the
 * like), or `whole` when the part is not in Excel's layout and must be read whole instead.
 * @throws DamagedPart when the part does not match its CRC-32 or recorded size
 */
async function streamSheetRows(
  zip: ZipPackage,
  sheet: { readonly name: string; readonly part: string },
  context: SheetContext,
  codec: DeflateCodec,
  inflate: (raw: Uint8Array) => AsyncIterable<Uint8Array>,
  onCell: CellSink,
  turn: () => Promise<void> | null = () => null,
): Promise<StreamedSheet> {
  const entry = zip.entry(sheet.part);
  if (!entry || (entry.method !== 0 && entry.method !== 8))
    throw new UnreadablePart(`sheet ${sheet.name} has no part it can read`);
  checkLimits(entry);
  const decoder = new TextDecoder("utf-8");
  const queue = new ByteQueue(ROWS_BATCH * 2);
  let last = -1;
  let tail = "";
  /** Whether the part is in Excel's layout (known from its first batch). */
  let layout = "unknown" as "unknown" | "excel" | "whole";
  const parse = (upTo: number): void => {
    const xml = decoder.decode(queue.bytes.subarray(0, upTo));
    queue.drop(upTo);
    if (layout === "unknown") {
      layout = needsCanonical(xml) ? "whole" : "excel";
      if (layout === "excel") checkSheetLayout(sheet.name, xml);
    }
    if (layout === "whole") return;
    const dataEnd = xml.indexOf("</sheetData>");
    last = readSheetRows(sheet.name, dataEnd < 0 ? xml : xml.slice(0, dataEnd), context, onCell, last);
    if (dataEnd >= 0) tail += xml.slice(dataEnd);
  };
  const chunks = entry.method === 0 ? [entry.raw] : inflate(entry.raw);
  // The part's CRC-32 and size are checked as it streams, as ZipPackage.read checks a whole part.
  let crc = 0;
  let size = 0;
  for await (const chunk of chunks) {
    crc = codec.crc32(chunk, crc);
    size += chunk.length;
    if (size > entry.size) {
      zip.noteChecked(sheet.part, false);
      throw new DamagedPart(sheet.part, `inflates past the ${entry.size} bytes recorded for it`);
    }
    // A part to be read whole is only checked as it streams, not kept.
    if (layout !== "whole") queue.push(chunk);
    // UTF-8 never puts "</row>" inside a character, so whole rows are cut from the bytes,
    // no more than a batch and a half at a time (a longer row is taken whole).
    while (layout !== "whole" && queue.length >= ROWS_BATCH) {
      const cut =
        lastRowEnd(queue.bytes, Math.min(queue.length, ROWS_BATCH + (ROWS_BATCH >> 1))) ||
        lastRowEnd(queue.bytes, queue.length);
      if (cut === 0) break;
      parse(cut);
      const paused = turn();
      if (paused) await paused;
    }
  }
  // Checked as it streamed: the write that copies the part need not inflate it again to check it.
  const intact = size === entry.size && crc === entry.crc32;
  zip.noteChecked(sheet.part, intact);
  if (!intact) throw new DamagedPart(sheet.part, "does not match its CRC-32");
  // The rest: the last rows, and whatever follows sheetData (never a row).
  if (layout !== "whole" && (layout === "unknown" || queue.length > 0)) parse(queue.length);
  return layout === "whole" ? { whole: true } : { tail };
}

/**
 * Streams every worksheet's rows (our result sheets left out) without holding a sheet's XML or
 * grid: each part is inflated as a stream and its whole rows parsed as they arrive, for
 * record-level extracts of a million rows. `onSheet` gets each sheet's name and returns where
 * its rows go (each row as cells by column, with its sheet row, zero-based), or null to pass it
 * by. Merged cells are not looked at (they come after the rows); extracts have none. A part
 * not in Excel's layout (rare in an extract) is read whole and put into it.
 * @throws UnreadablePart as readPackageGrids does, so the caller can use ExcelJS instead
 */
export async function streamPackageRows(
  zip: ZipPackage,
  codec: StreamingCodec,
  onSheet: (name: string) => { row(cells: CellValue[], row: number): void; end(): void } | null,
): Promise<void> {
  const { context, sheets } = await packageSheets(zip, codec);
  for (const sheet of sheets.filter((s) => !s.ours)) {
    const sink = onSheet(sheet.name);
    if (!sink) continue;
    let cells: CellValue[] = [];
    let current = -1;
    const emit = (): void => {
      if (current >= 0) sink.row(cells, current);
      cells = [];
    };
    const onCell: CellSink = (row, column, value) => {
      if (row !== current) {
        emit();
        current = row;
      }
      cells[column] = value;
    };
    const streamed = await streamSheetRows(zip, sheet, context, codec, (raw) => codec.inflateChunks(raw), onCell);
    if ("whole" in streamed) {
      const xml = await zip.text(sheet.part, codec);
      if (xml === null) throw new UnreadablePart(`sheet ${sheet.name} has no part`);
      const scannable = scannableXml(sheet.part, xml);
      const dataEnd = scannable.indexOf("</sheetData>");
      readSheetRows(sheet.name, dataEnd < 0 ? scannable : scannable.slice(0, dataEnd), context, onCell, -1);
    }
    emit();
    sink.end();
  }
}
