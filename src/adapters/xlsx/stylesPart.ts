import { ResultColours } from "../../model";
import { BUILT_IN_FORMAT_IDS, customNumberFormats } from "./numberFormats";
import { xmlText } from "./xmlText";

/** How a result cell looks: its row kind and number format. */
export interface CellLook {
  readonly kind: "header" | "data" | "section" | "note";
  readonly numFmt: string | null;
}

const HEADER_FONT = `<font><b/><sz val="11"/><color rgb="FF${ResultColours.headerText}"/><name val="Calibri"/><family val="2"/></font>`;
const BOLD_FONT = '<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/></font>';
const ITALIC_FONT = '<font><i/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/></font>';
const solidFill = (rgb: string): string =>
  `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
const HEADER_FILL = solidFill(ResultColours.headerFill);
const SECTION_FILL = solidFill(ResultColours.sectionFill);

/** One collection element of styles.xml (`<fonts count="3">…</fonts>`), found by regex. */
function collection(
  xml: string,
  tag: string,
  child: string,
): { start: number; end: number; count: number; body: string } | null {
  const open = new RegExp(`<${tag}(\\s[^>]*?)?(/?)>`).exec(xml);
  if (!open) return null;
  if (open[2] === "/") return { start: open.index, end: open.index + open[0].length, count: 0, body: "" };
  const close = xml.indexOf(`</${tag}>`, open.index);
  if (close < 0) return null;
  const body = xml.slice(open.index + open[0].length, close);
  const count = (body.match(new RegExp(`<${child}[\\s>/]`, "g")) ?? []).length;
  return { start: open.index, end: close + tag.length + 3, count, body };
}

/** Our styles added to a workbook's: the index of each look, and the styles part with them. */
export interface ResultStyles {
  /** The cell-format index of a look, added on first use. */
  styleOf(look: CellLook): number;
  /** styles.xml with every look used so far. */
  xml(): string;
}

/**
 * The id of each number format the result sheets use: a built-in's, the analyst's own when it
 * already has the code, else a new id past every one in use, whose `<numFmt>` is in `newFmts`.
 */
function numberFormatIds(numFmtsBody: string): { formatId: (numFmt: string) => number; newFmts: string[] } {
  const usedIds = new Set<number>();
  const existingIds = new Map<string, number>();
  // The analyst's formats, read as the reader reads them: attributes in any order, entities decoded.
  for (const [id, code] of customNumberFormats(numFmtsBody)) {
    usedIds.add(id);
    if (!existingIds.has(code)) existingIds.set(code, id);
  }
  const newFmts: string[] = [];
  const fmtId = new Map<string, number>();
  let nextId = Math.max(163, ...usedIds) + 1;
  const formatId = (numFmt: string): number => {
    let id = fmtId.get(numFmt);
    if (id === undefined) {
      id = BUILT_IN_FORMAT_IDS.get(numFmt) ?? existingIds.get(numFmt);
      if (id === undefined) {
        id = nextId++;
        newFmts.push(`<numFmt numFmtId="${id}" formatCode="${xmlText(numFmt)}"/>`);
      }
      fmtId.set(numFmt, id);
    }
    return id;
  };
  return { formatId, newFmts };
}

/**
 * Adds our fonts, fills, number formats and cell formats to a workbook's styles.xml, keeping
 * every existing style index (the analyst's cells keep their formats). Looks are added as the
 * sheets use them, so no separate pass over the cells is needed. Returns null when the part is
 * not laid out as expected (a prefixed namespace, say): the caller then writes through ExcelJS.
 */
export function addResultStyles(stylesXml: string): ResultStyles | null {
  if (!/<styleSheet[\s>]/.test(stylesXml)) return null;
  const fonts = collection(stylesXml, "fonts", "font");
  const fills = collection(stylesXml, "fills", "fill");
  const cellXfs = collection(stylesXml, "cellXfs", "xf");
  if (!fonts || !fills || !cellXfs || fonts.count === 0 || cellXfs.count === 0) return null;
  const numFmts = collection(stylesXml, "numFmts", "numFmt");
  const { formatId, newFmts } = numberFormatIds(numFmts?.body ?? "");
  const font = { header: fonts.count, section: fonts.count + 1, note: fonts.count + 2, data: 0 };
  const fill = { header: fills.count, section: fills.count + 1, note: 0, data: 0 };
  const index = new Map<string, number>();
  const xfs: string[] = [];
  return {
    styleOf(look) {
      const key = `${look.kind}|${look.numFmt ?? ""}`;
      let at = index.get(key);
      if (at === undefined) {
        const numFmtId = look.numFmt ? formatId(look.numFmt) : 0;
        const applies = [
          numFmtId ? ' applyNumberFormat="1"' : "",
          font[look.kind] ? ' applyFont="1"' : "",
          fill[look.kind] ? ' applyFill="1"' : "",
        ].join("");
        const alignment = look.kind === "header" ? '<alignment vertical="center" wrapText="1"/>' : "";
        xfs.push(
          `<xf numFmtId="${numFmtId}" fontId="${font[look.kind]}" fillId="${fill[look.kind]}" borderId="0" xfId="0"${applies}${alignment ? ' applyAlignment="1">' + alignment + "</xf>" : "/>"}`,
        );
        at = cellXfs.count + xfs.length - 1;
        index.set(key, at);
      }
      return at;
    },
    xml() {
      // Replace from the last collection to the first so earlier offsets stay valid.
      const edits: { start: number; end: number; text: string }[] = [
        {
          start: fonts.start,
          end: fonts.end,
          text: rebuild(stylesXml, fonts, "fonts", fonts.count + 3, HEADER_FONT + BOLD_FONT + ITALIC_FONT),
        },
        {
          start: fills.start,
          end: fills.end,
          text: rebuild(stylesXml, fills, "fills", fills.count + 2, HEADER_FILL + SECTION_FILL),
        },
        {
          start: cellXfs.start,
          end: cellXfs.end,
          text: rebuild(stylesXml, cellXfs, "cellXfs", cellXfs.count + xfs.length, xfs.join("")),
        },
      ];
      if (newFmts.length > 0) {
        if (numFmts)
          edits.push({
            start: numFmts.start,
            end: numFmts.end,
            text: rebuild(stylesXml, numFmts, "numFmts", numFmts.count + newFmts.length, newFmts.join("")),
          });
        else
          edits.push({
            start: fonts.start,
            end: fonts.start,
            text: `<numFmts count="${newFmts.length}">${newFmts.join("")}</numFmts>`,
          });
      }
      let xml = stylesXml;
      for (const e of edits.sort((a, b) => b.start - a.start || b.end - a.end))
        xml = xml.slice(0, e.start) + e.text + xml.slice(e.end);
      return xml;
    },
  };
}

/** The collection element again, with its count updated and `added` appended. */
function rebuild(
  xml: string,
  part: { start: number; end: number; body: string },
  tag: string,
  count: number,
  added: string,
): string {
  const open = new RegExp(`<${tag}(\\s[^>]*?)?/?>`).exec(xml.slice(part.start)) as RegExpExecArray;
  const attributes = (open[1] ?? "").replace(/\s+count="\d*"/, "");
  return `<${tag} count="${count}"${attributes}>${part.body}${added}</${tag}>`;
}
