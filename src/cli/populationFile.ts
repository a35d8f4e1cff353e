import path from "node:path";
import { type PopulationTable, populationOfFiles } from "../core";
import { readTableFile } from "./readTableFile";

/**
 * Ward populations from the files `--population` names (once or more): ONS's mid-year
 * estimates by single year of age as published (CSV or .xlsx), or any table of areas and
 * residents, and any ONS ward lookup beside it that names its codes. Files are named by their
 * own names, never their paths.
 * @throws InputError when no file holds such a table
 */
export async function readPopulationFiles(files: readonly string[]): Promise<PopulationTable> {
  const read = [];
  for (const file of files) read.push({ name: path.basename(file), sheets: (await readTableFile(file)).sheets });
  return populationOfFiles(read);
}
