// Text for SpreadsheetML parts. XML 1.0 cannot hold most control characters even escaped;
// Excel writes them as _xHHHH_, and so do we (and a literal "_x" before four hex digits is
// itself escaped as _x005F_, as Excel does, so it reads back unchanged).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SPECIAL = /[&<>"]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", _: "_x005F_" };

// The characters SPECIAL can match, as one class: most text has none, and a class scans fastest.
// eslint-disable-next-line no-control-regex -- as above
const MAYBE_SPECIAL = /[&<>"_\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

// What needs more than the four markup characters' entities: a control character or "_x".
// eslint-disable-next-line no-control-regex -- as above
const NEEDS_CODES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_x/;

/** Escapes text for an element or a double-quoted attribute. */
export function xmlText(text: string): string {
  if (!MAYBE_SPECIAL.test(text)) return text;
  if (NEEDS_CODES.test(text))
    return text.replace(
      SPECIAL,
      (c) => ENTITIES[c] ?? `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
  // Markup characters only (a headline's "p < 0.001"): a native replaceAll for each one present
  // is about a third quicker than calling back into JavaScript for every match.
  let escaped = text;
  if (escaped.includes("&")) escaped = escaped.replaceAll("&", "&amp;");
  if (escaped.includes("<")) escaped = escaped.replaceAll("<", "&lt;");
  if (escaped.includes(">")) escaped = escaped.replaceAll(">", "&gt;");
  if (escaped.includes('"')) escaped = escaped.replaceAll('"', "&quot;");
  return escaped;
}

/** A `<t>` element holding the text, marked to keep its white space when it starts or ends with some. */
export function textElement(text: string): string {
  // Only XML's own white space (space, tab, CR, LF) is at risk of being trimmed.
  const space = text.length > 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32);
  return `${space ? '<t xml:space="preserve">' : "<t>"}${xmlText(text)}</t>`;
}

const DECODE: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Reads escaped XML text back: the five entities, character references, and _xHHHH_ escapes. */
export function xmlUnescape(text: string): string {
  if (!text.includes("&") && !text.includes("_x")) return text;
  return text
    .replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (reference, e: string) => {
      if (e[0] !== "#") return DECODE[e];
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      // A reference past Unicode is not XML; it is kept as written rather than failing the read.
      return code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The pattern of one attribute in an element's text, as XML allows it: either quote style,
 * white space around "=", in any place among the others. Group 2 is the value, still escaped.
 * Every attribute the package layer reads goes through this.
 */
export function attributePattern(name: string): RegExp {
  return new RegExp(`(?:^|\\s)${name.replace(":", "\\:")}\\s*=\\s*(["'])(.*?)\\1`);
}

/** An attribute's value, unescaped, from an element's text, or null when it has none. */
export function attributeOf(element: string, name: string): string | null {
  const m = attributePattern(name).exec(element);
  return m ? xmlUnescape(m[2]) : null;
}
