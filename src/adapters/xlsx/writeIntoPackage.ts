import { type Pause, type ResultSheet, freeSheetName, markerName, pacer, quoteSheetName } from "../../model";
import { type DeflateCodec, type DeflatedPart, webDeflateCodec } from "./deflateCodec";
import { sheetXmlPieces } from "./sheetXml";
import { addResultStyles } from "./stylesPart";
import { SHARED_STRINGS_TYPE, SharedStrings } from "./sharedStringsPart";
import { MAIN_NS, asStrict, betaNamespace, canonicalXml, isStrict, malformation, needsCanonical } from "./canonicalXml";
import { mainPart, scannableXml } from "./readPackage";
import { UnreadablePart } from "./sheetCells";
import {
  PACKAGE_RELS,
  REL_NS,
  SHARED_STRINGS_REL,
  WORKSHEET_REL,
  attributeOf,
  definedNameElements,
  partRelationships,
  sheetRelationshipId,
  relsPartOf,
  resultMarkers,
  sheetEntries,
} from "./workbookPart";
import { xmlText } from "./xmlText";
import { partGraph, reachable } from "./partGraph";
import { DamagedPart, type PackagePart, ZipPackage, writeZip } from "./zipPackage";

const CONTENT_TYPES = "[Content_Types].xml";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const STYLES_REL = `${REL_NS}/styles`;
/** The styles part a workbook without one is given: one font, the two fills Excel requires, one format. */
const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** What was written: the package's bytes, the names the result sheets took, and what was left out. */
export interface PackageWrite {
  readonly bytes: Uint8Array;
  readonly names: string[];
  /** Damaged parts nothing needs, left out of the output, each said in a clause. */
  readonly notes: string[];
}

/** Why the package writer leaves a workbook to ExcelJS. */
export interface PackageDecline {
  readonly declined: string;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Writes result sheets straight into the workbook's own .xlsx package: the analyst's parts are
 * copied byte for byte (still compressed, each checked against its CRC-32), our marked sheets
 * from an earlier run are removed with whatever hangs off them alone (the charts and pictures
 * Excel put on them: drawings, charts, media, their relationships and content types), and
 * ours are added as new worksheet parts, with styles appended to styles.xml and repeated text
 * to the shared-string table (`SharedStrings`). This is why a large workbook takes seconds
 * rather than minutes (ExcelJS re-serialises every cell of every sheet). Written here because
 * no maintained library edits a package in place; the tests read every result back through
 * ExcelJS and LibreOffice.
 * @returns what was written, or why this writer leaves the package to ExcelJS
 * @throws DamagedPart when a damaged part is one the workbook needs
 */
export async function packageWrite(
  input: Uint8Array | ZipPackage,
  sheets: readonly ResultSheet[],
  codec: DeflateCodec = webDeflateCodec,
  checkOnly = false,
  pause?: Pause,
): Promise<PackageWrite | PackageDecline> {
  try {
    return await writeParts(input, sheets, codec, checkOnly, pacer(pause));
  } catch (error) {
    // A part it must read that is not laid out as it reads (a relationships part that is not
    // well-formed, say): ExcelJS gets the workbook, and the reason is said.
    if (error instanceof UnreadablePart) return { declined: error.message };
    throw error;
  }
}

async function writeParts(
  input: Uint8Array | ZipPackage,
  sheets: readonly ResultSheet[],
  codec: DeflateCodec,
  checkOnly: boolean,
  turn: () => Promise<void> | null,
): Promise<PackageWrite | PackageDecline> {
  const zip = input instanceof ZipPackage ? input : ZipPackage.inspect(input);
  if (!(zip instanceof ZipPackage)) return zip;
  const main = await mainPart(zip, codec);
  const folder = main.slice(0, main.lastIndexOf("/") + 1);
  const mainRels = relsPartOf(main);
  const texts = await Promise.all([main, mainRels, CONTENT_TYPES].map((p) => zip.text(p, codec, true)));
  if (texts.some((t) => t === null)) return { declined: "the workbook's own parts are not all there" };
  let [workbook, rels, types] = texts as string[];
  // The parts edited here must be well-formed, or the edits could land anywhere.
  for (const [part, text] of [
    [main, workbook],
    [mainRels, rels],
    [CONTENT_TYPES, types],
  ] as const) {
    const malformed = malformation(text);
    if (malformed) return { declined: `its part ${part} is not well-formed XML (${malformed})` };
  }
  // Relationships and content types written with prefixes (`ns0:Relationship`, as Python's
  // ElementTree writes them) are put into Excel's layout: the writer rewrites both parts anyway,
  // and neither holds anything a canonical copy leaves out.
  if (needsCanonical(rels, false, true)) rels = canonicalXml(rels);
  if (needsCanonical(types, false, true)) types = canonicalXml(types);
  // A Strict Open XML workbook, or one in an Excel 2007 beta's namespace, is edited as it is;
  // what is added is written in its namespaces.
  const strict = isStrict(workbook);
  const beta = betaNamespace(workbook);
  const flavour = strict
    ? asStrict
    : beta
      ? (text: string): string => text.replaceAll(MAIN_NS, beta)
      : (text: string): string => text;
  if ([workbook, rels, types].some((t) => needsCanonical(t, false, true)))
    return { declined: "the workbook's own parts use XML prefixes or sections that this writer does not edit" };
  if (!workbook.includes("</sheets>")) return { declined: "the workbook part lists no sheets" };
  if (!rels.includes("</Relationships>") || !types.includes("</Types>"))
    return { declined: "the workbook's relationships or content types are written as empty elements" };
  const entries = sheetEntries(workbook);
  const relationships = partRelationships(rels, main);
  const dropped = new Set<string>();
  const notes: string[] = [];
  const added = new Map<string, Promise<DeflatedPart>>();
  /** Parts whose text this write edits: the workbook's, and the package's relationships when a part goes. */
  const edits = new Map<string, string>();
  const removeOverride = (part: string): void => {
    types = types.replace(new RegExp(`<Override\\s+PartName=["']/${escapeRegExp(part)}["'][^>]*/>`, "i"), "");
  };

  // Our sheets from an earlier run, found by their marker names.
  const markers = resultMarkers(workbook);
  const removed = entries.map((entry, index) => ({ ...entry, index })).filter((s) => markers.sheets.has(s.name));
  const firstRemoved = Math.min(...removed.map((s) => s.index));
  for (const d of definedNameElements(workbook)) {
    const local = attributeOf(d, "localSheetId");
    if (local !== null && Number(local) >= firstRemoved)
      return { declined: `the name ${attributeOf(d, "name") ?? ""} belongs to a sheet after our earlier results` };
  }
  const removedParts = new Set<string>();
  for (const sheet of removed) {
    const relationship = sheet.relationshipId ? relationships.get(sheet.relationshipId) : undefined;
    if (!relationship) return { declined: `our earlier sheet ${sheet.name} has no part` };
    removedParts.add(relationship.part);
    workbook = workbook.replace(sheet.element, "");
    rels = rels.replace(relationship.element, "");
  }
  for (const d of markers.elements) workbook = workbook.replace(d, "");

  // Every part of the analyst's is checked against its CRC-32 before it is copied. Parts only
  // our removed sheets reach (their drawings, charts, pictures) go with them; a damaged part
  // the package points to only from its own relationships (document properties, a thumbnail),
  // or not at all, is left out; any other damaged part is one the workbook needs.
  const damaged: string[] = [];
  for (const name of zip.names()) if (!(await zip.intact(name, codec))) damaged.push(name);
  if (removedParts.size > 0 || damaged.length > 0) {
    const graph = await partGraph(zip, codec);
    const before = reachable(graph, new Set());
    const after = reachable(graph, removedParts);
    const goes = [...before].filter((part) => part !== "" && !after.has(part));
    for (const part of damaged) {
      if (goes.includes(part)) continue;
      const pointers = [...graph.targets].flatMap(([source, list]) =>
        list.filter((r) => r.part === part).map((r) => ({ source, type: r.type })),
      );
      // A damaged sheet of the analyst's, which the reader passed over: copied as it is, still
      // compressed and still damaged, so nothing of it is lost and Excel can repair it as it can
      // the original.
      if (pointers.length > 0 && pointers.every((p) => p.source === main && p.type === WORKSHEET_REL)) {
        notes.push(`its damaged part ${part} is copied into the output as it is, unread, for Excel to repair`);
        continue;
      }
      const sources = pointers.map((p) => p.source);
      if (sources.some((source) => source !== "") || part === CONTENT_TYPES || /(^|\/)_rels\//.test(part))
        throw new DamagedPart(part, "does not match its CRC-32");
      goes.push(part);
      notes.push(`its part ${part} is damaged; nothing needs it, so it is left out of the output`);
      for (const r of graph.targets.get("") ?? []) {
        if (r.part !== part) continue;
        const packageRels =
          edits.get(PACKAGE_RELS) ?? scannableXml(PACKAGE_RELS, (await zip.text(PACKAGE_RELS, codec, true)) ?? "");
        edits.set(PACKAGE_RELS, packageRels.replace(r.element, ""));
      }
    }
    for (const part of goes) {
      dropped.add(part);
      const relsPart = graph.rels.get(part);
      if (relsPart) dropped.add(relsPart);
      removeOverride(part);
    }
  }

  // Names, part names, relationship ids and sheet ids for the new sheets.
  const kept = entries.filter((entry) => !removed.some((s) => s.element === entry.element));
  const taken = new Set(kept.map((entry) => entry.name.toLowerCase()));
  const sheetIds = kept.map((entry) => Number(attributeOf(entry.element, "sheetId") ?? 0));
  let nextSheetId = Math.max(0, ...sheetIds) + 1;
  let partNumber = 1;
  let relNumber = 1;
  const freeRelId = (): string => {
    while (rels.includes(`Id="rIdCSP${relNumber}"`)) relNumber += 1;
    return `rIdCSP${relNumber}`;
  };
  const addRelationship = (type: string, target: string, id = freeRelId()): void => {
    rels = rels.replace(
      "</Relationships>",
      `<Relationship Id="${id}" Type="${flavour(type)}" Target="${target}"/></Relationships>`,
    );
  };
  const addOverride = (part: string, type: string): void => {
    types = types.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
  };
  const partOfType = (type: string): string | null =>
    [...relationships.values()].find((r) => r.type === type)?.part ?? null;

  // A workbook without styles (some writers leave them out) is given the least Excel needs.
  let stylesPart = partOfType(STYLES_REL);
  let styles = stylesPart ? await zip.text(stylesPart, codec, true) : null;
  if (stylesPart && styles === null) return { declined: `the styles part ${stylesPart} is missing` };
  const stylesMalformed = styles === null ? null : malformation(styles);
  if (stylesMalformed) return { declined: `its part ${stylesPart} is not well-formed XML (${stylesMalformed})` };
  if (styles !== null && needsCanonical(styles, false, true))
    return { declined: "the styles part uses XML prefixes or sections that this writer does not edit" };
  if (!stylesPart) {
    stylesPart = `${folder}styles.xml`;
    if (zip.entry(stylesPart) && !dropped.has(stylesPart))
      return { declined: `${stylesPart} is not the workbook's styles` };
    styles = flavour(MINIMAL_STYLES);
    addRelationship(STYLES_REL, "styles.xml");
    addOverride(stylesPart, STYLES_TYPE);
  }
  const styled = addResultStyles(styles as string);
  if (!styled) return { declined: "the styles part is not laid out as Excel writes it" };
  const stringsPart = partOfType(SHARED_STRINGS_REL);
  const stringsXml = stringsPart ? await zip.text(stringsPart, codec, true) : null;
  // A relationship to a missing part, or a table where Excel puts it but unrelated to the workbook.
  if (stringsPart ? stringsXml === null : zip.entry(`${folder}sharedStrings.xml`))
    return { declined: "the shared-string table is not where the workbook's relationships say" };
  // Checking needs only to know the table can be counted; writing indexes its text as well.
  const strings = checkOnly
    ? stringsXml === null || SharedStrings.countable(stringsXml)
    : SharedStrings.open(stringsXml, flavour);
  if (!strings) return { declined: "the shared-string table has items this writer cannot count" };
  // definedNames must follow externalReferences; rather than place it among them, let ExcelJS write.
  if (!workbook.includes("<definedNames") && /<(\w+:)?(externalReferences|functionGroups)[\s>]/.test(workbook))
    return { declined: "the workbook links to other workbooks and has no names yet" };
  if (checkOnly || strings === true) return { bytes: new Uint8Array(0), names: [], notes };
  const partTaken = (part: string): boolean => (zip.entry(part) !== undefined && !dropped.has(part)) || added.has(part);
  const names: string[] = [];
  let sheetList = "";
  let markerList = "";
  for (const sheet of sheets) {
    const name = freeSheetName(sheet.name, (n) => taken.has(n.toLowerCase()));
    taken.add(name.toLowerCase());
    while (partTaken(`${folder}worksheets/sheet${partNumber}.xml`)) partNumber += 1;
    const part = `${folder}worksheets/sheet${partNumber}.xml`;
    const id = freeRelId();
    // One sheet's XML at a time: its shared strings and styles take their indexes in sheet
    // order, so the same workbook gives the same bytes however the compression jobs and the
    // page's turns fall. Its compression finishes while the next sheet is written.
    const fed = await feedPieces(
      sheetXmlPieces(sheet, (look) => styled.styleOf(look), strings, flavour),
      codec,
      turn,
    );
    added.set(part, fed.finished);
    addRelationship(WORKSHEET_REL, `worksheets/sheet${partNumber}.xml`, id);
    addOverride(part, WORKSHEET_TYPE);
    sheetList += `<sheet name="${xmlText(name)}" sheetId="${nextSheetId}" ${sheetRelationshipId(workbook, id, strict)}/>`;
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
  edits.set(stylesPart, styled.xml());
  const stringTable = strings.part();
  if (stringTable !== null) {
    let part = stringsPart;
    if (!part) {
      part = `${folder}sharedStrings.xml`;
      addRelationship(SHARED_STRINGS_REL, "sharedStrings.xml");
      addOverride(part, SHARED_STRINGS_TYPE);
    }
    edits.set(part, stringTable);
  }
  edits.set(main, workbook).set(mainRels, rels).set(CONTENT_TYPES, types);
  for (const [name, text] of edits) added.set(name, deflatePieces([text], codec));
  const deflated = new Map(await Promise.all([...added].map(async ([name, part]) => [name, await part] as const)));
  // [Content_Types].xml first, then the unchanged parts with their compressed bytes, then ours.
  const parts: PackagePart[] = [{ name: CONTENT_TYPES, deflated: deflated.get(CONTENT_TYPES)! }];
  for (const name of zip.names())
    if (!dropped.has(name) && !added.has(name)) parts.push({ name, entry: zip.entry(name)! });
  for (const [name, part] of deflated) if (name !== CONTENT_TYPES) parts.push({ name, deflated: part });
  // Our parts carry the workbook part's date, so two runs on one workbook give the same bytes.
  const { time, date } = zip.entry(main)!;
  return { bytes: writeZip(parts, { time, date }), names, notes };
}

/**
 * Whether `packageWrite` would write into this package, without writing: why not, or the notes
 * it would make (damaged parts it would leave out).
 */
export async function packageWriteCheck(
  zip: ZipPackage,
  codec: DeflateCodec,
): Promise<PackageDecline | { notes: string[] }> {
  const checked = await packageWrite(zip, [], codec, true);
  return "declined" in checked ? checked : { notes: checked.notes };
}

/** As `packageWrite`, with null where it declines (the caller then writes through ExcelJS). */
export async function writeIntoPackage(
  input: Uint8Array | ZipPackage,
  sheets: readonly ResultSheet[],
  codec: DeflateCodec = webDeflateCodec,
): Promise<PackageWrite | null> {
  const written = await packageWrite(input, sheets, codec);
  return "declined" in written ? null : written;
}

const encoder = new TextEncoder();
/** Bytes handed to the compressor at a time. */
const CHUNK = 1 << 20;
/** A part's first buffer: most parts (the workbook's own, a short sheet) never need more. */
const FIRST_CHUNK = 1 << 16;

/**
 * Compresses a part from its text pieces, encoded into megabyte chunks as they come. A chunk's
 * buffer is filled again once the compressor has released it, so a part takes a few megabytes
 * however large it is. (A new buffer for each chunk left a hundred megabytes outside V8's heap
 * for its collector to free, and V8 answered that pressure with a full collection mid-write.)
 */
async function deflatePieces(pieces: Iterable<string>, codec: DeflateCodec): Promise<DeflatedPart> {
  return (await feedPieces(pieces, codec)).finished;
}

/**
 * Hands every piece to the compressor (as `deflatePieces`), giving the page its turn when
 * `turn` asks; resolves once all are handed over, with the compression still finishing. A part
 * starts in a small buffer and moves to a megabyte one only when it outgrows it: zeroing a
 * megabyte for each of a small workbook's parts cost more than writing them.
 */
async function feedPieces(
  pieces: Iterable<string>,
  codec: DeflateCodec,
  turn: () => Promise<void> | null = () => null,
): Promise<{ finished: Promise<DeflatedPart> }> {
  const deflater = codec.deflater();
  const released: Uint8Array[] = [];
  let buffer: Uint8Array = new Uint8Array(FIRST_CHUNK);
  let used = 0;
  for (const piece of pieces) {
    const paused = turn();
    if (paused) await paused;
    // UTF-8 takes at most three bytes for each UTF-16 unit.
    const most = piece.length * 3;
    if (used + most > buffer.length && buffer.length < CHUNK && used + most <= CHUNK) {
      const larger = new Uint8Array(CHUNK);
      larger.set(buffer.subarray(0, used));
      buffer = larger;
    } else if (used + most > buffer.length && used > 0) {
      const full = buffer;
      await deflater.push(full.subarray(0, used), () => released.push(full));
      buffer = released.pop() ?? new Uint8Array(CHUNK);
      used = 0;
    }
    if (most > buffer.length) await deflater.push(encoder.encode(piece));
    else used += encoder.encodeInto(piece, buffer.subarray(used)).written;
  }
  if (used > 0) await deflater.push(buffer.subarray(0, used));
  const finished = deflater.finish();
  finished.catch(() => undefined); // a failure is reported where the part is awaited
  return { finished };
}
