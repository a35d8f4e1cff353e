import type ExcelJS from "exceljs";

/**
 * Result sheets are marked by a workbook-level defined name `CSPAssess_<key>` pointing at
 * the sheet's A1, which both ExcelJS and office-js can read and write. A sheet named like
 * ours but without the name is the analyst's and is never replaced.
 */
export const RESULT_NAME_PREFIX = "CSPAssess_";

interface DefinedNameModel {
  name: string;
  ranges: string[];
}

function definedNames(workbook: ExcelJS.Workbook): DefinedNameModel[] {
  return (workbook.definedNames as unknown as { model: DefinedNameModel[] }).model ?? [];
}

/** The sheet name a defined-name range such as `'CSP Summary'!$A$1` points at. */
export function sheetOfRange(range: string): string {
  const bang = range.lastIndexOf("!");
  const sheet = bang < 0 ? range : range.slice(0, bang);
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** Names of the sheets an earlier run wrote. */
export function resultSheetNames(workbook: ExcelJS.Workbook): Set<string> {
  const names = new Set<string>();
  for (const dn of definedNames(workbook)) {
    if (!dn.name.startsWith(RESULT_NAME_PREFIX)) continue;
    for (const range of dn.ranges) names.add(sheetOfRange(range));
  }
  return names;
}

/** Removes every result marker (the sheets they point at are removed by the caller). */
export function removeResultMarkers(workbook: ExcelJS.Workbook): void {
  for (const dn of definedNames(workbook)) {
    if (!dn.name.startsWith(RESULT_NAME_PREFIX)) continue;
    for (const range of dn.ranges) workbook.definedNames.remove(range, dn.name);
  }
}

/** The defined name that marks a result sheet, from its name (`CSP Summary` -> `CSPAssess_Summary`). */
export function markerName(sheetName: string): string {
  return RESULT_NAME_PREFIX + sheetName.replace(/^CSP /, "").replace(/[^A-Za-z0-9_]/g, "_");
}
