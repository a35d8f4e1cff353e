import { sheetCellRef } from "../../model/cellRef";
import { type Finding, finding } from "../findings";
import type { ParsedCell } from "../parse/parseNumber";
import type { SourceCell } from "./table";

/** What a table cell read as missing says: text, an Excel error, a suppression mark or nothing. */
export function noteMissing(
  sheet: string,
  cell: SourceCell,
  parsed: ParsedCell,
  label: string,
  column: string,
  findings: Finding[],
): void {
  if (parsed.kind !== "missing") return;
  const at = sheetCellRef(sheet, cell.row, cell.column);
  const where = `"${label}", ${column}`;
  if (parsed.reason === "text") {
    findings.push(
      finding(
        sheet,
        at,
        "warning",
        "not-a-number",
        `"${parsed.text}" is not a number (${where}); read as missing`,
        parsed.text,
        null,
      ),
    );
  } else if (parsed.reason === "error") {
    findings.push(
      finding(
        sheet,
        at,
        "warning",
        "cell-error",
        `Excel error ${parsed.text} (${where}); read as missing`,
        parsed.text,
        null,
      ),
    );
  } else if (parsed.reason === "suppressed") {
    findings.push(
      finding(
        sheet,
        at,
        "info",
        "suppressed-value",
        `suppressed value "${parsed.text}" (${where}) read as missing, not zero`,
        parsed.text,
        null,
      ),
    );
  } else {
    findings.push(finding(sheet, at, "info", "missing-value", `empty cell (${where}) read as missing, not zero`));
  }
}
