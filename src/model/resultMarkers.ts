/**
 * Result sheets are marked by a workbook-level defined name `CSPAssess_<key>` pointing at the
 * sheet's A1, which both ExcelJS and office-js can read and write. A sheet named like ours
 * but without the name is the analyst's and is never replaced.
 */
export const RESULT_NAME_PREFIX = "CSPAssess_";

/** The sheet name a defined-name reference such as `='CSP Summary'!$A$1` points at. */
export function sheetOfRange(range: string): string {
  const reference = range.replace(/^=/, "");
  const bang = reference.lastIndexOf("!");
  const sheet = bang < 0 ? reference : reference.slice(0, bang);
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** The defined name that marks a result sheet, from its name (`CSP Summary` -> `CSPAssess_Summary`). */
export function markerName(sheetName: string): string {
  return RESULT_NAME_PREFIX + sheetName.replace(/^CSP /, "").replace(/[^A-Za-z0-9_]/g, "_");
}

/** The first name not in `taken`: `wanted`, else `wanted (2)`, `wanted (3)`, ... (Excel's 31-character limit kept). */
export function freeSheetName(wanted: string, taken: (name: string) => boolean): string {
  if (!taken(wanted)) return wanted;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!taken(candidate)) return candidate;
  }
}
