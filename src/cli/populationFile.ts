import { type PopulationTable, populationOfFile } from "../core";
import { readTableFile } from "./readTableFile";

/**
 * Ward populations from a file (`--population`): ONS's mid-year estimates by single year of
 * age as published (CSV or .xlsx), or any table of areas and residents.
 * @throws InputError when no sheet of the file is such a table
 */
export async function readPopulationFile(file: string): Promise<PopulationTable> {
  return populationOfFile(file, (await readTableFile(file)).sheets);
}
