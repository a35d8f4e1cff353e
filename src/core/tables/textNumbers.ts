import { sheetRangeRef } from "../../model/cellRef";
import type { CellValue } from "../../model/cellValue";
import { type Finding, finding } from "../findings";
import type { ParsedCell } from "../parse/parseNumber";

/**
 * True for a number the sheet stores as text ('10.3', '1,234', ' 12 ', '-5.2%'), as tables
 * pasted from another program or written by a script often are: it is read as the number it
 * is, and the table says so once, so the analyst knows why Excel shows a green triangle there.
 */
export function isNumberStoredAsText(value: CellValue, parsed: ParsedCell): boolean {
  return typeof value === "string" && parsed.kind === "number";
}

/** The table's one finding for its numbers stored as text, over the range of its values, or null when it had none. */
export function textNumbersFinding(
  sheet: string,
  count: number,
  corners: { top: number; left: number; bottom: number; right: number },
): Finding | null {
  if (count === 0) return null;
  const what =
    count === 1
      ? "1 number stored as text was read as a number"
      : `${count.toLocaleString("en-GB")} numbers stored as text were read as numbers`;
  return finding(
    sheet,
    sheetRangeRef(sheet, corners.top, corners.left, corners.bottom, corners.right),
    "info",
    "numbers-as-text",
    what,
    count,
    null,
  );
}
