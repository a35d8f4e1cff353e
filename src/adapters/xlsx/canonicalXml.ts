import { SaxesParser } from "saxes";

// Parts in the layout Excel writes (elements unprefixed in their default namespace, no CDATA)
// are read by the package reader's fast scanners. A part written otherwise, as XML allows, is
// first put into that layout by a conforming XML parser: saxes, ExcelJS's own parser (so the
// two share one copy), which resolves prefixes by namespace, entities, character references,
// CDATA and quoting. The scanners then only ever see one layout.

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** Strict Open XML's namespaces (ISO/IEC 29500 Strict), and their transitional twins. */
const STRICT: readonly (readonly [string, string])[] = [
  ["http://purl.oclc.org/ooxml/spreadsheetml/main", MAIN_NS],
  ["http://purl.oclc.org/ooxml/officeDocument/relationships", REL_NS],
  ["http://purl.oclc.org/ooxml/drawingml/main", "http://schemas.openxmlformats.org/drawingml/2006/main"],
];

/**
 * SpreadsheetML's namespaces in the betas of Excel 2007 (Beta 1 Technical Refresh, Beta 2 and
 * Beta 2 Technical Refresh), which Gnumeric and the Open XML SDK map to the one Excel writes.
 */
export const BETA_MAIN_NS: readonly string[] = [
  "http://schemas.microsoft.com/office/excel/2006/2",
  "http://schemas.openxmlformats.org/spreadsheetml/2006/5/main",
  "http://schemas.openxmlformats.org/spreadsheetml/2006/7/main",
];

/** A namespace or relationship type with Strict's prefix swapped for the transitional one, and a beta's namespace for Excel's. */
export function transitional(uri: string): string {
  for (const [strict, twin] of STRICT)
    if (uri === strict || uri.startsWith(`${strict}/`)) return twin + uri.slice(strict.length);
  return BETA_MAIN_NS.includes(uri) ? MAIN_NS : uri;
}

/** The beta namespace a part is written in (its SpreadsheetML namespace declared at its start), or null. */
export function betaNamespace(xml: string): string | null {
  const head = xml.slice(0, 8192);
  return BETA_MAIN_NS.find((ns) => head.includes(`"${ns}"`) || head.includes(`'${ns}'`)) ?? null;
}

/** Text written in transitional namespaces, with each swapped for its Strict twin (for a Strict package's new parts). */
export function asStrict(text: string): string {
  let out = text;
  for (const [strict, twin] of STRICT) out = out.replaceAll(twin, strict);
  return out;
}

/** The part is a Strict Open XML part. */
export const isStrict = (xml: string): boolean => xml.includes("purl.oclc.org/ooxml/");

/**
 * Whether a part needs putting into Excel's layout before the scanners read it: a prefixed root
 * or a prefix bound to SpreadsheetML, Strict or beta namespaces (unless `strictIsLayout`, for the
 * writer, which edits a Strict part as it is), CDATA, a document type, or (with `alternates`,
 * for the small parts that may carry them among what is read) mc:AlternateContent.
 */
export function needsCanonical(xml: string, alternates = false, strictIsLayout = false): boolean {
  // Namespaces, a document type and the root are declared at the start of a part.
  const head = xml.slice(0, 8192).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, "");
  if (!strictIsLayout && (isStrict(head) || betaNamespace(head) !== null)) return true;
  if (head.includes("<!DOCTYPE") || xml.includes("<![CDATA[")) return true;
  if (alternates && xml.includes("AlternateContent")) return true;
  if (/^\s*<[A-Za-z_][\w.-]*:/.test(head)) return true;
  return new RegExp(`xmlns:[\\w.-]+\\s*=\\s*["'](?:${[MAIN_NS, STRICT[0][0], ...BETA_MAIN_NS].join("|")})["']`).test(
    head,
  );
}

/** Whether a part's document type declares entities (`<!ENTITY`), which no part Excel writes does. */
export function declaresEntities(xml: string): boolean {
  const doctype = /<!DOCTYPE[\s\S]*?(?:\]\s*>|>)/.exec(xml.slice(0, 1 << 20));
  return doctype !== null && /<!ENTITY/i.test(doctype[0]);
}

const escapeText = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (text: string): string =>
  escapeText(text).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");

/** What makes a part not well-formed XML (saxes's message, with line and column), or null when it is. */
export function malformation(xml: string): string | null {
  const parser = new SaxesParser();
  let failure: string | null = null;
  parser.on("error", (error) => {
    failure ??= error.message;
  });
  parser.write(xml).close();
  return failure;
}

/** Thrown for a part that is not well-formed XML: the message is saxes's, with line and column. */
export class MalformedXml extends Error {}

/**
 * The part in Excel's layout: the root's namespace (Strict mapped to transitional) as the
 * default and its elements unprefixed, relationship attributes as `r:`, Strict relationship
 * types as transitional ones, mc:AlternateContent resolved to its Fallback (this reader
 * understands none of the extensions a Choice requires), text and attributes re-escaped with
 * the five entities only, comments and processing instructions left out.
 * @throws MalformedXml when the part is not well-formed
 */
export function canonicalXml(xml: string): string {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'];
  let rootNs: string | null = null;
  /** Depth inside a part left out (an mc:Choice, or a Fallback after a Choice was taken). */
  let skipping = 0;
  let failure: Error | null = null;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("opentag", (tag) => {
    const uri = transitional(tag.uri);
    if (skipping > 0) {
      skipping += 1;
      return;
    }
    if (uri === MC_NS) {
      if (tag.local === "Choice") skipping = 1;
      // A Fallback's children stand in the AlternateContent's place.
      return;
    }
    let head: string;
    if (rootNs === null) {
      rootNs = uri;
      head = `<${tag.local} xmlns="${escapeAttribute(uri)}"${uri === REL_NS ? "" : ` xmlns:r="${REL_NS}"`}`;
    } else head = `<${uri === rootNs ? tag.local : tag.name}`;
    for (const attribute of Object.values(tag.attributes)) {
      const { prefix, local, value } = attribute;
      const attrUri = transitional(attribute.uri);
      if (attribute.name === "xmlns") continue;
      if (prefix === "xmlns") {
        const bound = transitional(value);
        if (bound !== rootNs && bound !== REL_NS && bound !== MC_NS)
          head += ` xmlns:${local}="${escapeAttribute(bound)}"`;
        continue;
      }
      let name = attribute.name;
      if (attrUri === REL_NS) name = `r:${local}`;
      else if (attrUri === "" || attrUri === rootNs) name = local;
      else if (attrUri === MC_NS) continue; // mc:Ignorable and the like: the extensions are gone
      const shown = local === "Type" && attrUri === "" ? transitional(value) : value;
      head += ` ${name}="${escapeAttribute(shown)}"`;
    }
    out.push(tag.isSelfClosing ? `${head}/>` : `${head}>`);
  });
  parser.on("closetag", (tag) => {
    if (skipping > 0) {
      skipping -= 1;
      return;
    }
    if (transitional(tag.uri) === MC_NS) return;
    if (!tag.isSelfClosing) out.push(`</${transitional(tag.uri) === rootNs ? tag.local : tag.name}>`);
  });
  const text = (t: string): void => {
    if (skipping === 0 && rootNs !== null) out.push(escapeText(t));
  };
  parser.on("text", text);
  parser.on("cdata", text);
  parser.write(xml).close();
  if (failure) throw new MalformedXml((failure as Error).message);
  return out.join("");
}
