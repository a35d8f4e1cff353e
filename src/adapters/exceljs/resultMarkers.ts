import type ExcelJS from "exceljs";
import { RESULT_NAME_PREFIX, sheetOfRange } from "../../model";

interface DefinedNameModel {
  name: string;
  ranges: string[];
}

function definedNames(workbook: ExcelJS.Workbook): DefinedNameModel[] {
  return (workbook.definedNames as unknown as { model: DefinedNameModel[] }).model ?? [];
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
