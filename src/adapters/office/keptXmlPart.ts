import type { ExcelRunner } from "./excelApi";

/**
 * Our one custom XML part of the open workbook (ExcelApi 1.5), found by its namespace: data the
 * add-in keeps with the file in no sheet, so the analyst's cells are never touched and nothing
 * shows in the sheet tabs. Reading costs two syncs (the parts of the namespace, then the XML),
 * writing and clearing one each after the parts are listed.
 */
export class KeptXmlPart {
  constructor(
    private readonly run: ExcelRunner,
    readonly namespace: string,
  ) {}

  /** The part's XML, or null when the workbook has none of ours. */
  read(): Promise<string | null> {
    return this.run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(this.namespace);
      parts.load("items/id");
      await context.sync();
      if (parts.items.length === 0) return null;
      const xml = parts.items[0].getXml();
      await context.sync();
      return xml.value;
    });
  }

  /** Replaces ours (every part of the namespace) with this XML, whose root must be in the namespace. */
  write(xml: string): Promise<void> {
    return this.run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(this.namespace);
      parts.load("items/id");
      await context.sync();
      for (const part of parts.items) part.delete();
      context.workbook.customXmlParts.add(xml);
      await context.sync();
    });
  }

  /** Removes ours, leaving every other part as it is. */
  clear(): Promise<void> {
    return this.run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(this.namespace);
      parts.load("items/id");
      await context.sync();
      for (const part of parts.items) part.delete();
      await context.sync();
    });
  }
}
