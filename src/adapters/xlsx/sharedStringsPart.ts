import { plainText } from "./sheetCells";
import { textElement } from "./xmlText";

export const SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

/**
 * The body of each string item of a sharedStrings part ("" for an empty one), or null when the
 * part holds items this does not recognise (one with attributes): they would shift every later
 * index. Both the package reader and the writer read the table through this.
 */
export function stringItems(xml: string): string[] | null {
  const bodies = [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\s*\/>/g)].map((m) => m[1] ?? "");
  return bodies.length === (xml.match(/<si[\s/>]/g)?.length ?? 0) ? bodies : null;
}

/** The table's part with an empty table written as one element opened and closed, or null when it holds no table. */
function tableXml(part: string): string | null {
  const xml = part.includes("</sst>") ? part : part.replace(/<sst\b([^>]*?)\s*\/>/, "<sst$1></sst>");
  return /<sst[\s>]/.test(xml) && xml.includes("</sst>") ? xml : null;
}

const EMPTY_TABLE =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="0"></sst>';

/**
 * The workbook's shared-string table, as result sheets add to it. A result sheet writes a text
 * as a shared string when the table already holds it (a ward or period name the analyst typed)
 * or when it repeats down a column (the sheet and table names of a long list); other text, such
 * as a headline, stays inline. That keeps a large result sheet about a fifth smaller, and a
 * re-run on the same workbook adds nothing: its texts are found among the items the last run
 * added. The analyst's items keep their places, so their sheets still point at the right text.
 */
export class SharedStrings {
  private readonly added: string[] = [];

  /** @param indexes the index of each plain item's text among the part's `items` */
  private constructor(
    private readonly xml: string,
    private readonly items: number,
    private readonly indexes: Map<string, number>,
  ) {}

  /**
   * The table in the package's sharedStrings part (an empty one, its namespace put in the
   * package's flavour by `namespaces`, when `part` is null), or null when
   * the part is laid out in a way this does not read (a prefixed root, items it cannot count):
   * appending to it could then point our cells at the wrong text.
   */
  static open(part: string | null, namespaces: (text: string) => string = (text) => text): SharedStrings | null {
    if (part === null) return new SharedStrings(namespaces(EMPTY_TABLE), 0, new Map());
    const xml = tableXml(part);
    const bodies = xml === null ? null : stringItems(xml);
    if (xml === null || !bodies) return null;
    const indexes = new Map<string, number>();
    bodies.forEach((body, index) => {
      const text = plainText(body);
      if (text !== null && !indexes.has(text)) indexes.set(text, index);
    });
    return new SharedStrings(xml, bodies.length, indexes);
  }

  /** Whether `open` would take the part (without indexing its text). */
  static countable(part: string): boolean {
    const xml = tableXml(part);
    return xml !== null && stringItems(xml) !== null;
  }

  /** The index of a plain item holding this text, if the table has one. */
  find(text: string): number | undefined {
    return this.indexes.get(text);
  }

  /** The index of this text, added to the table when it is not there yet. */
  add(text: string): number {
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.items + this.added.length;
      this.indexes.set(text, index);
      this.added.push(text);
    }
    return index;
  }

  /** The part with the added items after the analyst's, or null when nothing was added. */
  part(): string | null {
    if (this.added.length === 0) return null;
    const items = this.added.map((text) => `<si>${textElement(text)}</si>`).join("");
    const xml = this.xml as string;
    const end = xml.lastIndexOf("</sst>");
    const withItems = `${xml.slice(0, end)}${items}</sst>`;
    // uniqueCount is the number of items. count (references from every sheet) is dropped rather
    // than left wrong: counting the analyst's references would mean reading every sheet, and it is
    // an optional hint that Excel recomputes when it saves.
    return withItems.replace(/<sst\b[^>]*>/, (open) => {
      const bare = open.replace(/\s(?:count|uniqueCount)=(["'])[^"']*\1/g, "");
      return `${bare.slice(0, -1)} uniqueCount="${this.items + this.added.length}">`;
    });
  }
}
