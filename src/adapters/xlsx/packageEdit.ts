import { type ResultSheet, freeSheetName, markerName, quoteSheetName } from "../../model";
import type { DeflateCodec, DeflatedPart } from "./deflateCodec";
import { sheetXmlPieces } from "./sheetXml";
import { type ResultStyles, addResultStyles } from "./stylesPart";
import { SHARED_STRINGS_TYPE, SharedStrings } from "./sharedStringsPart";
import { MAIN_NS, asStrict, betaNamespace, canonicalXml, isStrict, malformation, needsCanonical } from "./canonicalXml";
import { mainPart, scannableXml } from "./readPackage";
import {
  PACKAGE_RELS,
  REL_NS,
  SHARED_STRINGS_REL,
  WORKSHEET_REL,
  type SheetEntry,
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
import { DamagedPart, type PackagePart, type ZipPackage, writeZip } from "./zipPackage";
import { deflatePieces, feedPieces } from "./partDeflate";

// One write into a workbook's package, phase by phase: its own parts read and checked, our
// earlier sheets taken out, damaged parts judged, styles and shared strings opened, our sheets
// added, and the package assembled. Each phase that cannot go on says why (`Declined`).

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

/** Why the package writer leaves a workbook to ExcelJS. */
export interface Declined {
  readonly declined: string;
}

/**
 * A part written under a prefix (`x:workbook`, as the .NET Open XML SDK writes SpreadsheetML) in
 * Excel's layout, its namespaces read by URI; any other part as it is (Strict and Excel 2007
 * beta parts are edited in their own namespaces). Only for parts this writer rewrites anyway.
 */
function unprefixed(xml: string): string {
  // Only a prefix: CDATA, a document type and the like stay declined, as before.
  const head = xml.slice(0, 8192).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, "");
  if (!/^\s*<[A-Za-z_][\w.-]*:/.test(head) || xml.includes("<![CDATA[") || head.includes("<!DOCTYPE")) return xml;
  if (!needsCanonical(xml, false, true) || isStrict(xml) || betaNamespace(xml) !== null) return xml;
  try {
    return canonicalXml(xml);
  } catch {
    // Not well-formed: left as it is, for the checks that name what is wrong with it.
    return xml;
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The workbook's styles with ours added, and the part they go back to. */
export interface OpenedStyles {
  readonly part: string;
  readonly styled: ResultStyles;
}

/** The shared-string table (or, when only checking, whether it can be counted), and its part. */
export interface OpenedStrings {
  readonly part: string | null;
  readonly strings: SharedStrings | true;
}

export class PackageEdit {
  /** Parts left out of the output, and the new parts, compressing. */
  readonly dropped = new Set<string>();
  readonly added = new Map<string, Promise<DeflatedPart>>();
  /** Parts whose text this write edits: the workbook's, and the package's relationships when a part goes. */
  readonly edits = new Map<string, string>();
  /** Damaged parts left out or copied unread, each said in a clause. */
  readonly notes: string[] = [];
  private readonly entries: SheetEntry[];
  private readonly relationships: ReturnType<typeof partRelationships>;
  /** A Strict Open XML workbook: its sheets' relationship attributes are written in Strict's namespace. */
  private readonly strict: boolean;
  private relNumber = 1;

  private constructor(
    private readonly zip: ZipPackage,
    private readonly codec: DeflateCodec,
    private readonly main: string,
    private workbook: string,
    private rels: string,
    private types: string,
    /** Puts added XML into the package's flavour: Strict's, or an Excel 2007 beta's namespace. */
    private readonly flavour: (text: string) => string,
  ) {
    this.entries = sheetEntries(workbook);
    this.relationships = partRelationships(rels, main);
    this.strict = isStrict(workbook);
  }

  private get folder(): string {
    return this.main.slice(0, this.main.lastIndexOf("/") + 1);
  }

  /** Reads and checks the parts every write edits: the workbook part, its relationships and the content types. */
  static async open(zip: ZipPackage, codec: DeflateCodec): Promise<PackageEdit | Declined> {
    const main = await mainPart(zip, codec);
    const mainRels = relsPartOf(main);
    const texts = await Promise.all([main, mainRels, CONTENT_TYPES].map((p) => zip.text(p, codec, true)));
    if (texts.some((t) => t === null)) return { declined: "the workbook's own parts are not all there" };
    let workbook = texts[0] as string;
    let [rels, types] = texts.slice(1) as string[];
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
    // ElementTree writes them), and a workbook part under a prefix (`x:workbook`, as the .NET
    // Open XML SDK writes them for record systems and report servers), are put into Excel's
    // layout, namespaces read by URI: the writer rewrites these parts anyway, and a canonical
    // copy means the same to every reader. The analyst's sheets are still copied as they are.
    if (needsCanonical(rels, false, true)) rels = canonicalXml(rels);
    if (needsCanonical(types, false, true)) types = canonicalXml(types);
    workbook = unprefixed(workbook);
    // A Strict Open XML workbook, or one in an Excel 2007 beta's namespace, is edited as it is;
    // what is added is written in its namespaces.
    const beta = betaNamespace(workbook);
    const flavour = isStrict(workbook)
      ? asStrict
      : beta
        ? (text: string): string => text.replaceAll(MAIN_NS, beta)
        : (text: string): string => text;
    if ([workbook, rels, types].some((t) => needsCanonical(t, false, true)))
      return { declined: "the workbook's own parts use XML prefixes or sections that this writer does not edit" };
    if (!workbook.includes("</sheets>")) return { declined: "the workbook part lists no sheets" };
    if (!rels.includes("</Relationships>") || !types.includes("</Types>"))
      return { declined: "the workbook's relationships or content types are written as empty elements" };
    return new PackageEdit(zip, codec, main, workbook, rels, types, flavour);
  }

  /**
   * Takes our sheets of an earlier run (found by their marker names) out of the workbook part and
   * its relationships; returns their parts and the sheets that stay.
   */
  removeEarlierResults(): Declined | { removedParts: Set<string>; kept: SheetEntry[] } {
    const markers = resultMarkers(this.workbook);
    const removed = this.entries.map((entry, index) => ({ ...entry, index })).filter((s) => markers.sheets.has(s.name));
    const firstRemoved = Math.min(...removed.map((s) => s.index));
    for (const d of definedNameElements(this.workbook)) {
      const local = attributeOf(d, "localSheetId");
      if (local !== null && Number(local) >= firstRemoved)
        return { declined: `the name ${attributeOf(d, "name") ?? ""} belongs to a sheet after our earlier results` };
    }
    const removedParts = new Set<string>();
    for (const sheet of removed) {
      const relationship = sheet.relationshipId ? this.relationships.get(sheet.relationshipId) : undefined;
      if (!relationship) return { declined: `our earlier sheet ${sheet.name} has no part` };
      removedParts.add(relationship.part);
      this.workbook = this.workbook.replace(sheet.element, "");
      this.rels = this.rels.replace(relationship.element, "");
    }
    for (const d of markers.elements) this.workbook = this.workbook.replace(d, "");
    const kept = this.entries.filter((entry) => !removed.some((s) => s.element === entry.element));
    return { removedParts, kept };
  }

  /**
   * Every part of the analyst's is checked against its CRC-32 before it is copied. Parts only
   * our removed sheets reach (their drawings, charts, pictures) go with them; a damaged part
   * the package points to only from its own relationships (document properties, a thumbnail),
   * or not at all, is left out; any other damaged part is one the workbook needs.
   * @throws DamagedPart when a damaged part is one the workbook needs
   */
  async leaveOutDamaged(removedParts: Set<string>): Promise<void> {
    const { zip, codec } = this;
    const damaged: string[] = [];
    for (const name of zip.names()) if (!(await zip.intact(name, codec))) damaged.push(name);
    if (removedParts.size === 0 && damaged.length === 0) return;
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
      if (pointers.length > 0 && pointers.every((p) => p.source === this.main && p.type === WORKSHEET_REL)) {
        this.notes.push(`its damaged part ${part} is copied into the output as it is, unread, for Excel to repair`);
        continue;
      }
      const sources = pointers.map((p) => p.source);
      if (sources.some((source) => source !== "") || part === CONTENT_TYPES || /(^|\/)_rels\//.test(part))
        throw new DamagedPart(part, "does not match its CRC-32");
      goes.push(part);
      this.notes.push(`its part ${part} is damaged; nothing needs it, so it is left out of the output`);
      for (const r of graph.targets.get("") ?? []) {
        if (r.part !== part) continue;
        const packageRels =
          this.edits.get(PACKAGE_RELS) ?? scannableXml(PACKAGE_RELS, (await zip.text(PACKAGE_RELS, codec, true)) ?? "");
        this.edits.set(PACKAGE_RELS, packageRels.replace(r.element, ""));
      }
    }
    for (const part of goes) {
      this.dropped.add(part);
      const relsPart = graph.rels.get(part);
      if (relsPart) this.dropped.add(relsPart);
      this.types = this.types.replace(
        new RegExp(`<Override\\s+PartName=["']/${escapeRegExp(part)}["'][^>]*/>`, "i"),
        "",
      );
    }
  }

  private freeRelId(): string {
    while (this.rels.includes(`Id="rIdCSP${this.relNumber}"`)) this.relNumber += 1;
    return `rIdCSP${this.relNumber}`;
  }

  private addRelationship(type: string, target: string, id = this.freeRelId()): void {
    this.rels = this.rels.replace(
      "</Relationships>",
      `<Relationship Id="${id}" Type="${this.flavour(type)}" Target="${target}"/></Relationships>`,
    );
  }

  private addOverride(part: string, type: string): void {
    this.types = this.types.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
  }

  private partOfType(type: string): string | null {
    return [...this.relationships.values()].find((r) => r.type === type)?.part ?? null;
  }

  /** The workbook's styles with ours to be added; a workbook without styles (some writers leave them out) is given the least Excel needs. */
  async openStyles(): Promise<Declined | OpenedStyles> {
    let stylesPart = this.partOfType(STYLES_REL);
    let styles = stylesPart ? await this.zip.text(stylesPart, this.codec, true) : null;
    if (stylesPart && styles === null) return { declined: `the styles part ${stylesPart} is missing` };
    const stylesMalformed = styles === null ? null : malformation(styles);
    if (stylesMalformed) return { declined: `its part ${stylesPart} is not well-formed XML (${stylesMalformed})` };
    // Styles under a prefix are put into Excel's layout, as the workbook part is, before ours are added.
    if (styles !== null) styles = unprefixed(styles);
    if (styles !== null && needsCanonical(styles, false, true))
      return { declined: "the styles part uses XML prefixes or sections that this writer does not edit" };
    if (!stylesPart) {
      stylesPart = `${this.folder}styles.xml`;
      if (this.zip.entry(stylesPart) && !this.dropped.has(stylesPart))
        return { declined: `${stylesPart} is not the workbook's styles` };
      styles = this.flavour(MINIMAL_STYLES);
      this.addRelationship(STYLES_REL, "styles.xml");
      this.addOverride(stylesPart, STYLES_TYPE);
    }
    const styled = addResultStyles(styles as string);
    if (!styled) return { declined: "the styles part is not laid out as Excel writes it" };
    return { part: stylesPart, styled };
  }

  /** The shared-string table: indexed for writing, or only known to be countable when checking. */
  async openStrings(checkOnly: boolean): Promise<Declined | OpenedStrings> {
    const part = this.partOfType(SHARED_STRINGS_REL);
    const text = part ? await this.zip.text(part, this.codec, true) : null;
    // A table under a prefix is put into Excel's layout before ours are added, as the workbook part is.
    const xml = text === null ? null : unprefixed(text);
    // A relationship to a missing part, or a table where Excel puts it but unrelated to the workbook.
    if (part ? xml === null : this.zip.entry(`${this.folder}sharedStrings.xml`))
      return { declined: "the shared-string table is not where the workbook's relationships say" };
    const strings = checkOnly ? xml === null || SharedStrings.countable(xml) : SharedStrings.open(xml, this.flavour);
    if (!strings) return { declined: "the shared-string table has items this writer cannot count" };
    // definedNames must follow externalReferences; rather than place it among them, let ExcelJS write.
    if (
      !this.workbook.includes("<definedNames") &&
      /<(\w+:)?(externalReferences|functionGroups)[\s>]/.test(this.workbook)
    )
      return { declined: "the workbook links to other workbooks and has no names yet" };
    return { part, strings };
  }

  /**
   * Adds each result sheet as a new worksheet part, with a free name, part name, relationship id
   * and sheet id, and its marker name; returns the names the sheets took.
   */
  async addSheets(
    sheets: readonly ResultSheet[],
    kept: readonly SheetEntry[],
    styled: ResultStyles,
    strings: SharedStrings,
    turn: () => Promise<void> | null,
  ): Promise<string[]> {
    const { folder, zip } = this;
    const taken = new Set(kept.map((entry) => entry.name.toLowerCase()));
    let nextSheetId = Math.max(0, ...kept.map((entry) => Number(attributeOf(entry.element, "sheetId") ?? 0))) + 1;
    let partNumber = 1;
    const partTaken = (part: string): boolean =>
      (zip.entry(part) !== undefined && !this.dropped.has(part)) || this.added.has(part);
    const names: string[] = [];
    let sheetList = "";
    let markerList = "";
    for (const sheet of sheets) {
      const name = freeSheetName(sheet.name, (n) => taken.has(n.toLowerCase()));
      taken.add(name.toLowerCase());
      while (partTaken(`${folder}worksheets/sheet${partNumber}.xml`)) partNumber += 1;
      const part = `${folder}worksheets/sheet${partNumber}.xml`;
      const id = this.freeRelId();
      // One sheet's XML at a time: its shared strings and styles take their indexes in sheet
      // order, so the same workbook gives the same bytes however the compression jobs and the
      // page's turns fall. Its compression finishes while the next sheet is written.
      const pieces = sheetXmlPieces(sheet, (look) => styled.styleOf(look), strings, this.flavour);
      this.added.set(part, (await feedPieces(pieces, this.codec, turn)).finished);
      this.addRelationship(WORKSHEET_REL, `worksheets/sheet${partNumber}.xml`, id);
      this.addOverride(part, WORKSHEET_TYPE);
      sheetList += `<sheet name="${xmlText(name)}" sheetId="${nextSheetId}" ${sheetRelationshipId(this.workbook, id, this.strict)}/>`;
      markerList += `<definedName name="${markerName(sheet.name)}">${xmlText(`${quoteSheetName(name)}!$A$1`)}</definedName>`;
      nextSheetId += 1;
      names.push(name);
    }
    this.listSheets(sheetList, markerList, kept.length + sheets.length);
    return names;
  }

  /** The new sheets and their marker names in the workbook part; the active tab still a sheet. */
  private listSheets(sheetList: string, markerList: string, total: number): void {
    let workbook = this.workbook.replace("</sheets>", `${sheetList}</sheets>`);
    if (/<definedNames\s*\/>/.test(workbook))
      workbook = workbook.replace(/<definedNames\s*\/>/, "<definedNames></definedNames>");
    workbook = workbook.includes("</definedNames>")
      ? workbook.replace("</definedNames>", `${markerList}</definedNames>`)
      : workbook.replace("</sheets>", `</sheets><definedNames>${markerList}</definedNames>`);
    this.workbook = workbook.replace(/(<workbookView\s[^>]*\sactiveTab=")(\d+)"/, (all, head: string, tab: string) =>
      Number(tab) < total ? all : `${head}0"`,
    );
  }

  /**
   * The package's bytes: [Content_Types].xml first, then the unchanged parts with their
   * compressed bytes, then ours, styles.xml and the shared strings last as they hold every look
   * and text the sheets used.
   */
  async assemble(styles: OpenedStyles, strings: SharedStrings, stringsPart: string | null): Promise<Uint8Array> {
    await Promise.all(this.added.values());
    this.edits.set(styles.part, styles.styled.xml());
    const stringTable = strings.part();
    if (stringTable !== null) {
      let part = stringsPart;
      if (!part) {
        part = `${this.folder}sharedStrings.xml`;
        this.addRelationship(SHARED_STRINGS_REL, "sharedStrings.xml");
        this.addOverride(part, SHARED_STRINGS_TYPE);
      }
      this.edits.set(part, stringTable);
    }
    this.edits.set(this.main, this.workbook).set(relsPartOf(this.main), this.rels).set(CONTENT_TYPES, this.types);
    for (const [name, text] of this.edits) this.added.set(name, deflatePieces([text], this.codec));
    const deflated = new Map(
      await Promise.all([...this.added].map(async ([name, part]) => [name, await part] as const)),
    );
    const parts: PackagePart[] = [{ name: CONTENT_TYPES, deflated: deflated.get(CONTENT_TYPES)! }];
    for (const name of this.zip.names())
      if (!this.dropped.has(name) && !this.added.has(name)) parts.push({ name, entry: this.zip.entry(name)! });
    for (const [name, part] of deflated) if (name !== CONTENT_TYPES) parts.push({ name, deflated: part });
    // Our parts carry the workbook part's date, so two runs on one workbook give the same bytes.
    const { time, date } = this.zip.entry(this.main)!;
    return writeZip(parts, { time, date });
  }
}
