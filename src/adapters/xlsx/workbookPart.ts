import { RESULT_NAME_PREFIX, sheetOfRange } from "../../model";
import { REL_NS, asStrict, transitional } from "./canonicalXml";
import { attributeOf, xmlUnescape } from "./xmlText";

// The workbook part and its relationships, as both the package reader and writer need them.

export { REL_NS };
export const WORKBOOK = "xl/workbook.xml";
export const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
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

/** The prefix the workbook root binds to the relationships namespace (`r`, almost always). */
export function relationshipsPrefix(workbook: string): string | null {
  // Transitional or Strict (a Strict workbook binds the same prefix to Strict's namespace).
  return new RegExp(`xmlns:(\\w+)\\s*=\\s*["'](?:${REL_NS}|${asStrict(REL_NS)})["']`).exec(workbook)?.[1] ?? null;
}

/** One `<sheet>` of the workbook, in tab order. */
export interface SheetEntry {
  readonly element: string;
  readonly name: string;
  readonly relationshipId: string | null;
}

export function sheetEntries(workbook: string, prefix: string): SheetEntry[] {
  // Excel writes <sheet …/>; XML allows <sheet …></sheet> as well.
  return [...workbook.matchAll(/<sheet\s[^>]*?(?:\/>|>\s*<\/sheet>)/g)].map(([element]) => ({
    element,
    name: attributeOf(element, "name") ?? "",
    relationshipId: attributeOf(element, `${prefix}:id`),
  }));
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

/** The workbook's relationships by id, with targets resolved to package paths. */
export function workbookRelationships(rels: string, workbook = WORKBOOK): Map<string, Relationship> {
  return partRelationships(rels, workbook);
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
