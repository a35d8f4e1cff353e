import { RESULT_NAME_PREFIX, sheetOfRange } from "../../model";
import { xmlUnescape } from "./xmlText";

// The workbook part and its relationships, as both the package reader and writer need them.

export const WORKBOOK = "xl/workbook.xml";
export const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const WORKSHEET_REL = `${REL_NS}/worksheet`;
export const SHARED_STRINGS_REL = `${REL_NS}/sharedStrings`;

/** An attribute's value, unescaped, from an element's text (either quote style). */
export function attributeOf(element: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name.replace(":", "\\:")}=(["'])(.*?)\\1`).exec(element);
  return m ? xmlUnescape(m[2]) : null;
}

/** The prefix the workbook root binds to the relationships namespace (`r`, almost always). */
export function relationshipsPrefix(workbook: string): string | null {
  return new RegExp(`xmlns:(\\w+)=["']${REL_NS}["']`).exec(workbook)?.[1] ?? null;
}

/** One `<sheet>` of the workbook, in tab order. */
export interface SheetEntry {
  readonly element: string;
  readonly name: string;
  readonly relationshipId: string | null;
}

export function sheetEntries(workbook: string, prefix: string): SheetEntry[] {
  return [...workbook.matchAll(/<sheet\s[^>]*\/>/g)].map(([element]) => ({
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

/** The workbook's relationships by id, with targets resolved to package paths. */
export function workbookRelationships(rels: string): Map<string, Relationship> {
  const byId = new Map<string, Relationship>();
  for (const [element] of rels.matchAll(/<Relationship\s[^>]*\/>/g)) {
    const id = attributeOf(element, "Id");
    const target = attributeOf(element, "Target");
    if (!id || !target || attributeOf(element, "TargetMode") === "External") continue;
    byId.set(id, {
      element,
      type: attributeOf(element, "Type") ?? "",
      part: target.startsWith("/") ? target.slice(1) : `xl/${target}`,
    });
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
