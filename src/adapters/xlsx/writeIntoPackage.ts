import JSZip from "jszip";
import { RESULT_NAME_PREFIX, type ResultSheet, freeSheetName, markerName, quoteSheetName, sheetOfRange } from "../../model";
import { sheetLooks, sheetXml } from "./sheetXml";
import { addResultStyles } from "./stylesPart";
import { xmlText, xmlUnescape } from "./xmlText";

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const STYLES = "xl/styles.xml";
const CONTENT_TYPES = "[Content_Types].xml";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_REL = `${REL_NS}/worksheet`;
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

const attribute = (element: string, name: string): string | null => {
  const m = new RegExp(`\\s${name.replace(":", "\\:")}="([^"]*)"`).exec(element);
  return m ? xmlUnescape(m[1]) : null;
};

/** What was written: the package's bytes and the names the result sheets took. */
export interface PackageWrite {
  readonly bytes: Uint8Array;
  readonly names: string[];
}

/**
 * Writes result sheets straight into the workbook's own .xlsx package: the analyst's parts are
 * copied byte for byte (still compressed), our marked sheets from an earlier run are removed,
 * and ours are added as new worksheet parts with styles appended to styles.xml. This is why a
 * large workbook takes seconds rather than minutes (ExcelJS re-serialises every cell of every
 * sheet). Written here because no maintained library edits a package in place; the tests read
 * every result back through ExcelJS. Returns null when the package is laid out in a way this
 * does not handle (then the caller writes through ExcelJS).
 */
export async function writeIntoPackage(bytes: Uint8Array, sheets: readonly ResultSheet[]): Promise<PackageWrite | null> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = [WORKBOOK, WORKBOOK_RELS, STYLES, CONTENT_TYPES].map((p) => zip.file(p));
  if (parts.some((p) => p === null)) return null;
  const texts = await Promise.all(parts.map((p) => (p as JSZip.JSZipObject).async("string")));
  const styles = texts[2];
  let [workbook, rels, , types] = texts;

  // The relationships prefix on the workbook root (r: almost always).
  const prefix = new RegExp(`xmlns:(\\w+)="${REL_NS}"`).exec(workbook)?.[1];
  if (!prefix || !workbook.includes("</sheets>")) return null;
  const sheetElements = [...workbook.matchAll(/<sheet\s[^>]*\/>/g)].map((m) => m[0]);
  const relElements = [...rels.matchAll(/<Relationship\s[^>]*\/>/g)].map((m) => m[0]);
  const targetOf = (id: string): string | null => {
    const rel = relElements.find((r) => attribute(r, "Id") === id);
    const target = rel ? attribute(rel, "Target") : null;
    if (!target) return null;
    return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  };

  // Our sheets from an earlier run, found by their marker names.
  const definedNames = [...workbook.matchAll(/<definedName\s[^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
  const markers = definedNames.filter((d) => (attribute(d, "name") ?? "").startsWith(RESULT_NAME_PREFIX));
  const ours = new Set(markers.map((d) => sheetOfRange(xmlUnescape(d.replace(/^<[^>]*>|<\/definedName>$/g, "")))));
  const removed = sheetElements.map((el, index) => ({ el, index, name: attribute(el, "name") ?? "" })).filter((s) => ours.has(s.name));
  const firstRemoved = Math.min(...removed.map((s) => s.index));
  for (const d of definedNames) {
    const local = attribute(d, "localSheetId");
    if (local !== null && Number(local) >= firstRemoved) return null; // would need renumbering
  }
  for (const sheet of removed) {
    const id = attribute(sheet.el, `${prefix}:id`);
    const target = id ? targetOf(id) : null;
    if (!id || !target) return null;
    const sheetRels = target.replace(/([^/]+)$/, "_rels/$1.rels");
    if (zip.file(sheetRels)) return null; // drawings or charts hang off it: leave that to ExcelJS
    zip.remove(target);
    workbook = workbook.replace(sheet.el, "");
    rels = rels.replace(relElements.find((r) => attribute(r, "Id") === id) as string, "");
    types = types.replace(new RegExp(`<Override\\s+PartName="/${target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`), "");
  }
  for (const d of markers) workbook = workbook.replace(d, "");

  // Names, part names, relationship ids and sheet ids for the new sheets.
  const kept = sheetElements.filter((el) => !removed.some((s) => s.el === el));
  const taken = new Set(kept.map((el) => (attribute(el, "name") ?? "").toLowerCase()));
  const sheetIds = kept.map((el) => Number(attribute(el, "sheetId") ?? 0));
  let nextSheetId = Math.max(0, ...sheetIds) + 1;
  let partNumber = 1;
  let relNumber = 1;
  const styled = addResultStyles(styles, sheets.flatMap(sheetLooks));
  if (!styled) return null;
  const names: string[] = [];
  let sheetList = "";
  let markerList = "";
  for (const sheet of sheets) {
    const name = freeSheetName(sheet.name, (n) => taken.has(n.toLowerCase()));
    taken.add(name.toLowerCase());
    while (zip.file(`xl/worksheets/sheet${partNumber}.xml`)) partNumber += 1;
    const part = `xl/worksheets/sheet${partNumber}.xml`;
    while (rels.includes(`Id="rIdCSP${relNumber}"`)) relNumber += 1;
    const id = `rIdCSP${relNumber}`;
    zip.file(part, sheetXml(sheet, styled.styleOf));
    rels = rels.replace("</Relationships>", `<Relationship Id="${id}" Type="${WORKSHEET_REL}" Target="worksheets/sheet${partNumber}.xml"/></Relationships>`);
    types = types.replace("</Types>", `<Override PartName="/${part}" ContentType="${WORKSHEET_TYPE}"/></Types>`);
    sheetList += `<sheet name="${xmlText(name)}" sheetId="${nextSheetId}" ${prefix}:id="${id}"/>`;
    markerList += `<definedName name="${markerName(sheet.name)}">${xmlText(`${quoteSheetName(name)}!$A$1`)}</definedName>`;
    nextSheetId += 1;
    names.push(name);
  }
  workbook = workbook.replace("</sheets>", `${sheetList}</sheets>`);
  // definedNames must follow externalReferences; rather than place it among them, let ExcelJS write.
  if (!workbook.includes("<definedNames") && /<(\w+:)?(externalReferences|functionGroups)[\s>]/.test(workbook)) return null;
  if (/<definedNames\s*\/>/.test(workbook)) workbook = workbook.replace(/<definedNames\s*\/>/, "<definedNames></definedNames>");
  workbook = workbook.includes("</definedNames>")
    ? workbook.replace("</definedNames>", `${markerList}</definedNames>`)
    : workbook.replace("</sheets>", `</sheets><definedNames>${markerList}</definedNames>`);
  // The active tab must still be a sheet.
  const total = kept.length + sheets.length;
  workbook = workbook.replace(/(<workbookView\s[^>]*\sactiveTab=")(\d+)"/, (all, head: string, tab: string) => (Number(tab) < total ? all : `${head}0"`));
  zip.file(WORKBOOK, workbook);
  zip.file(WORKBOOK_RELS, rels);
  zip.file(STYLES, styled.xml);
  zip.file(CONTENT_TYPES, types);
  // Unchanged parts keep their compressed bytes; only the new and edited parts are deflated.
  const out = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
  return { bytes: out, names };
}
