import { RESULT_NAME_PREFIX, sheetOfRange } from "../../model";
import { REL_NS, asStrict, transitional } from "./canonicalXml";
import { attributeOf, xmlUnescape } from "./xmlText";

// The workbook part and its relationships, as both the package reader and writer need them.

export { REL_NS };
export const WORKBOOK = "xl/workbook.xml";
export const PACKAGE_RELS = "_rels/.rels";
export const WORKSHEET_REL = `${REL_NS}/worksheet`;
export const SHARED_STRINGS_REL = `${REL_NS}/sharedStrings`;
export const OFFICE_DOCUMENT_REL = `${REL_NS}/officeDocument`;

/** The relationships part of a part ("" for the package itself): `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * The part a relationship's target names, resolved against the folder of the part it belongs
 * to (OPC §9.3: targets are relative URIs; `/xl/x.xml` is from the package root), or null when
 * it would leave the package.
 */
export function resolveTarget(source: string, target: string): string | null {
  let path = target;
  try {
    path = decodeURIComponent(target);
  } catch {
    // a target with a bare % is taken as written
  }
  const segments = path.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0) return null;
      segments.pop();
    } else segments.push(segment);
  }
  return segments.join("/");
}

export { attributeOf };

/** The namespaces a sheet's relationship id may be in: transitional's, or Strict's. */
const REL_NAMESPACES = new Set([REL_NS, asStrict(REL_NS)]);

/** The first element's start tag of a part (its root), after any declaration, comment or DOCTYPE. */
export function rootStartTag(xml: string): string {
  return /<(?![?!])[^>]*>/.exec(xml)?.[0] ?? "";
}

/** The prefixes a start tag itself binds to the relationships namespace. */
function relationshipPrefixes(startTag: string): string[] {
  const prefixes: string[] = [];
  for (const [, prefix, , value] of startTag.matchAll(/\sxmlns:([\w.-]+)\s*=\s*(["'])(.*?)\2/g))
    if (REL_NAMESPACES.has(value)) prefixes.push(prefix);
  return prefixes;
}

/**
 * The relationship id attribute of a new `<sheet>` element, in scope wherever it stands: under
 * the prefix the root binds to the relationships namespace (`r`, almost always), else with a
 * declaration on the element itself, as openpyxl declares it on each `<sheet>`.
 */
export function sheetRelationshipId(workbook: string, id: string, strict: boolean): string {
  const prefix = relationshipPrefixes(rootStartTag(workbook))[0];
  return prefix ? `${prefix}:id="${id}"` : `xmlns:r="${strict ? asStrict(REL_NS) : REL_NS}" r:id="${id}"`;
}

/** One `<sheet>` of the workbook, in tab order. */
export interface SheetEntry {
  readonly element: string;
  readonly name: string;
  readonly relationshipId: string | null;
}

/**
 * The workbook's sheets. Each one's relationship id is read under whichever prefix is bound
 * to the relationships namespace where it stands: on the element itself (openpyxl), else on
 * the root (Excel and most writers).
 */
export function sheetEntries(workbook: string): SheetEntry[] {
  const rootPrefixes = relationshipPrefixes(rootStartTag(workbook));
  // Excel writes <sheet …/>; XML allows <sheet …></sheet> as well.
  return [...workbook.matchAll(/<sheet\s[^>]*?(?:\/>|>\s*<\/sheet>)/g)].map(([element]) => {
    const prefixes = [...relationshipPrefixes(/^<[^>]*>/.exec(element)?.[0] ?? element), ...rootPrefixes];
    let relationshipId: string | null = null;
    for (const prefix of prefixes) {
      relationshipId = attributeOf(element, `${prefix}:id`);
      if (relationshipId !== null) break;
    }
    return { element, name: attributeOf(element, "name") ?? "", relationshipId };
  });
}

/** One relationship of the workbook: its element, type, and the part it points at. */
export interface Relationship {
  readonly element: string;
  readonly type: string;
  readonly part: string;
}

/**
 * A part's relationships by id (those to parts inside the package), with targets resolved to
 * part names and Strict types read as transitional ones.
 * @param source the part the relationships belong to ("" for the package's own)
 */
export function partRelationships(rels: string, source: string): Map<string, Relationship> {
  const byId = new Map<string, Relationship>();
  for (const [element] of rels.matchAll(/<Relationship\s[^>]*?\/>|<Relationship\s[^>]*>[\s\S]*?<\/Relationship>/g)) {
    const id = attributeOf(element, "Id");
    const target = attributeOf(element, "Target");
    if (!id || !target || attributeOf(element, "TargetMode") === "External") continue;
    const part = resolveTarget(source, target);
    if (part === null) continue;
    byId.set(id, { element, type: transitional(attributeOf(element, "Type") ?? ""), part });
  }
  return byId;
}

/** The workbook's defined names, as elements. */
export function definedNameElements(workbook: string): string[] {
  return [...workbook.matchAll(/<definedName\s[^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
}

/** The marker names an earlier run left, and the sheets they mark as ours. */
export function resultMarkers(workbook: string): { elements: string[]; sheets: Set<string> } {
  const elements = definedNameElements(workbook).filter((d) =>
    (attributeOf(d, "name") ?? "").startsWith(RESULT_NAME_PREFIX),
  );
  return {
    elements,
    sheets: new Set(elements.map((d) => sheetOfRange(xmlUnescape(d.replace(/^<[^>]*>|<\/definedName>$/g, ""))))),
  };
}
