import { type PopulationTable, readPopulationTable } from "../core";
import { InputError } from "../model";
import { readTableFile } from "./readTableFile";

/**
 * Ward populations from a file (`--population`): ONS's mid-year estimates by single year of
 * age as published (CSV or .xlsx), or any table of areas and residents.
 * @throws InputError when no sheet of the file is such a table
 */
export async function readPopulationFile(file: string): Promise<PopulationTable> {
  const workbook = await readTableFile(file);
  for (const sheet of workbook.sheets) {
    const table = readPopulationTable(sheet);
    if (table) return { ...table, source: file };
  }
  throw new InputError(null, `${file}: no population table found (a column of ward codes or names, and single years of age 0-90 or a Population column)`);
}
