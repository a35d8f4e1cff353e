/// <reference types="office-js" />
import { RESULT_SHEET_PREFIX, markerName, quoteSheetName } from "../src/model";

const MAP_SHEET = `${RESULT_SHEET_PREFIX}Map`;

/**
 * Puts a map image on the CSP Map result sheet (marked as ours like the other result sheets).
 * Images need the shapes API, ExcelApi 1.9, checked first so older Excel gets a clear message.
 */
export async function insertMapImage(pngBase64: string): Promise<string> {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
    throw new Error(
      "Inserting pictures needs ExcelApi 1.9 (Excel 2021, Microsoft 365 or Excel on the web); use a screenshot on this version",
    );
  }
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    let sheet = sheets.getItemOrNullObject(MAP_SHEET);
    await context.sync();
    if (sheet.isNullObject) {
      sheet = sheets.add(MAP_SHEET);
      context.workbook.names.add(
        markerName(MAP_SHEET),
        `=${quoteSheetName(MAP_SHEET)}!$A$1`,
        "Result sheet of CSP Assess",
      );
    }
    const image = sheet.shapes.addImage(pngBase64);
    image.left = 10;
    image.top = 10;
    sheet.activate();
    await context.sync();
    return `The map is on the ${MAP_SHEET} sheet.`;
  });
}
