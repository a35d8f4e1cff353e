import { type ResultSheet, freeSheetName, markerName, quoteSheetName } from "../../model";
import { type DeflateCodec, type DeflatedPart, webDeflateCodec } from "./deflateCodec";
import { sheetXmlPieces } from "./sheetXml";
import { addResultStyles } from "./stylesPart";
import { SHARED_STRINGS, SHARED_STRINGS_TYPE, SharedStrings } from "./sharedStringsPart";
import {
  SHARED_STRINGS_REL,
  WORKBOOK,
  WORKBOOK_RELS,
  WORKSHEET_REL,
  attributeOf,
  definedNameElements,
  relationshipsPrefix,
  resultMarkers,
  sheetEntries,
  workbookRelationships,
} from "./workbookPart";
import { xmlText } from "./xmlText";
import { type PackagePart, ZipPackage, writeZip } from "./zipPackage";

const STYLES = "xl/styles.xml";
const CONTENT_TYPES = "[Content_Types].xml";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** What was written: the package's bytes and the names the result sheets took. */
export interface PackageWrite {
  readonly bytes: Uint8Array;
  readonly names: string[];
}

/**
 * Writes result sheets straight into the workbook's own .xlsx package: the analyst's parts are
 * copied byte for byte (still compressed), our marked sheets from an earlier run are removed,
 * and ours are added as new worksheet parts, with styles appended to styles.xml and repeated
 * text to the shared-string table (`SharedStrings`). This is why a
 * large workbook takes seconds rather than minutes (ExcelJS re-serialises every cell of every
 * sheet). Written here because no maintained library edits a package in place; the tests read
 * every result back through ExcelJS and LibreOffice. Returns null when the package is laid out
 * in a way this does not handle (then the caller writes through ExcelJS).
 */
export async function writeIntoPackage(
  input: Uint8Array | ZipPackage,
  sheets: readonly ResultSheet[],
  codec: DeflateCodec = webDeflateCodec,
): Promise<PackageWrite | null> {
  const zip = input instanceof ZipPackage ? input : ZipPackage.open(input);
  if (!zip) return null;
  const texts = await Promise.all([WORKBOOK, WORKBOOK_RELS, STYLES, CONTENT_TYPES].map((p) => zip.text(p, codec)));
  if (texts.some((t) => t === null)) return null;
  const styles = texts[2] as string;
  let [workbook, rels, , types] = texts as string[];
  const dropped = new Set<string>();
  const added = new Map<string, Promise<DeflatedPart>>();

  const prefix = relationshipsPrefix(workbook);
  if (!prefix || !workbook.includes("</sheets>")) return null;
  const entries = sheetEntries(workbook, prefix);
  const relationships = workbookRelationships(rels);

  // Our sheets from an earlier run, found by their marker names.
  const markers = resultMarkers(workbook);
  const removed = entries.map((entry, index) => ({ ...entry, index })).filter((s) => markers.sheets.has(s.name));
  const firstRemoved = Math.min(...removed.map((s) => s.index));
  for (const d of definedNameElements(workbook)) {
    const local = attributeOf(d, "localSheetId");
    if (local !== null && Number(local) >= firstRemoved) return null; // would need renumbering
  }
  for (const sheet of removed) {
    const relationship = sheet.relationshipId ? relationships.get(sheet.relationshipId) : undefined;
    if (!relationship) return null;
    const target = relationship.part;
    const sheetRels = target.replace(/([^/]+)$/, "_rels/$1.rels");
    if (zip.entry(sheetRels)) return null; // drawings or charts hang off it: leave that to ExcelJS
    dropped.add(target);
    workbook = workbook.replace(sheet.element, "");
    rels = rels.replace(relationship.element, "");
    types = types.replace(
      new RegExp(`<Override\\s+PartName="/${target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`),
      "",
    );
  }
  for (const d of markers.elements) workbook = workbook.replace(d, "");

  // Names, part names, relationship ids and sheet ids for the new sheets.
  const kept = entries.filter((entry) => !removed.some((s) => s.element === entry.element));
  const taken = new Set(kept.map((entry) => entry.name.toLowerCase()));
  const sheetIds = kept.map((entry) => Number(attributeOf(entry.element, "sheetId") ?? 0));
  let nextSheetId = Math.max(0, ...sheetIds) + 1;
  let partNumber = 1;
  let relNumber = 1;
  const styled = addResultStyles(styles);
  if (!styled) return null;
  const stringsPart = [...relationships.values()].find((r) => r.type === SHARED_STRINGS_REL)?.part ?? null;
  const stringsXml = stringsPart ? await zip.text(stringsPart, codec) : null;
  // A relationship to a missing part, or a table where Excel puts it but unrelated to the workbook.
  if (stringsPart ? stringsXml === null : zip.entry(SHARED_STRINGS)) return null;
  const strings = SharedStrings.open(stringsXml);
  if (!strings) return null;
  // definedNames must follow externalReferences; rather than place it among them, let ExcelJS write.
  if (!workbook.includes("<definedNames") && /<(\w+:)?(externalReferences|functionGroups)[\s>]/.test(workbook))
    return null;
  const partTaken = (part: string): boolean => (zip.entry(part) !== undefined && !dropped.has(part)) || added.has(part);
  const names: string[] = [];
  let sheetList = "";
  let markerList = "";
  for (const sheet of sheets) {
    const name = freeSheetName(sheet.name, (n) => taken.has(n.toLowerCase()));
    taken.add(name.toLowerCase());
    while (partTaken(`xl/worksheets/sheet${partNumber}.xml`)) partNumber += 1;
    const part = `xl/worksheets/sheet${partNumber}.xml`;
    while (rels.includes(`Id="rIdCSP${relNumber}"`)) relNumber += 1;
    const id = `rIdCSP${relNumber}`;
    added.set(
      part,
      deflatePieces(
        sheetXmlPieces(sheet, (look) => styled.styleOf(look), strings),
        codec,
      ),
    );
    rels = rels.replace(
      "</Relationships>",
      `<Relationship Id="${id}" Type="${WORKSHEET_REL}" Target="worksheets/sheet${partNumber}.xml"/></Relationships>`,
    );
    types = types.replace("</Types>", `<Override PartName="/${part}" ContentType="${WORKSHEET_TYPE}"/></Types>`);
    sheetList += `<sheet name="${xmlText(name)}" sheetId="${nextSheetId}" ${prefix}:id="${id}"/>`;
    markerList += `<definedName name="${markerName(sheet.name)}">${xmlText(`${quoteSheetName(name)}!$A$1`)}</definedName>`;
    nextSheetId += 1;
    names.push(name);
  }
  workbook = workbook.replace("</sheets>", `${sheetList}</sheets>`);
  if (/<definedNames\s*\/>/.test(workbook))
    workbook = workbook.replace(/<definedNames\s*\/>/, "<definedNames></definedNames>");
  workbook = workbook.includes("</definedNames>")
    ? workbook.replace("</definedNames>", `${markerList}</definedNames>`)
    : workbook.replace("</sheets>", `</sheets><definedNames>${markerList}</definedNames>`);
  // The active tab must still be a sheet.
  const total = kept.length + sheets.length;
  workbook = workbook.replace(/(<workbookView\s[^>]*\sactiveTab=")(\d+)"/, (all, head: string, tab: string) =>
    Number(tab) < total ? all : `${head}0"`,
  );
  // styles.xml and the shared strings go last: they hold every look and text the sheets used.
  await Promise.all(added.values());
  const edited = new Map([[STYLES, styled.xml()]]);
  const stringTable = strings.part();
  if (stringTable !== null) {
    let part = stringsPart;
    if (!part) {
      part = SHARED_STRINGS;
      while (rels.includes(`Id="rIdCSP${relNumber}"`)) relNumber += 1;
      rels = rels.replace(
        "</Relationships>",
        `<Relationship Id="rIdCSP${relNumber}" Type="${SHARED_STRINGS_REL}" Target="sharedStrings.xml"/></Relationships>`,
      );
      types = types.replace("</Types>", `<Override PartName="/${part}" ContentType="${SHARED_STRINGS_TYPE}"/></Types>`);
    }
    edited.set(part, stringTable);
  }
  edited.set(WORKBOOK, workbook).set(WORKBOOK_RELS, rels).set(CONTENT_TYPES, types);
  for (const [name, text] of edited) added.set(name, deflatePieces([text], codec));
  const deflated = new Map(await Promise.all([...added].map(async ([name, part]) => [name, await part] as const)));
  // [Content_Types].xml first, then the unchanged parts with their compressed bytes, then ours.
  const parts: PackagePart[] = [{ name: CONTENT_TYPES, deflated: deflated.get(CONTENT_TYPES)! }];
  for (const name of zip.names())
    if (!dropped.has(name) && !added.has(name)) parts.push({ name, entry: zip.entry(name)! });
  for (const [name, part] of deflated) if (name !== CONTENT_TYPES) parts.push({ name, deflated: part });
  return { bytes: writeZip(parts), names };
}

const encoder = new TextEncoder();
/** Bytes handed to the compressor at a time. */
const CHUNK = 1 << 20;

/**
 * Compresses a part from its text pieces, encoded into megabyte chunks as they come. A chunk's
 * buffer is filled again once the compressor has released it, so a part takes a few megabytes
 * however large it is. (A new buffer for each chunk left a hundred megabytes outside V8's heap
 * for its collector to free, and V8 answered that pressure with a full collection mid-write.)
 */
async function deflatePieces(pieces: Iterable<string>, codec: DeflateCodec): Promise<DeflatedPart> {
  const deflater = codec.deflater();
  const released: Uint8Array[] = [];
  let buffer: Uint8Array = new Uint8Array(CHUNK);
  let used = 0;
  for (const piece of pieces) {
    // UTF-8 takes at most three bytes for each UTF-16 unit.
    if (used + piece.length * 3 > CHUNK && used > 0) {
      const full = buffer;
      await deflater.push(full.subarray(0, used), () => released.push(full));
      buffer = released.pop() ?? new Uint8Array(CHUNK);
      used = 0;
    }
    if (piece.length * 3 > CHUNK) await deflater.push(encoder.encode(piece));
    else used += encoder.encodeInto(piece, buffer.subarray(used)).written;
  }
  if (used > 0) await deflater.push(buffer.subarray(0, used));
  return deflater.finish();
}
