// The whole corpus as the test and `npm run corpus` run it: the generated cases, the sample
// and the sample saved by LibreOffice, and a table written by each program analysts' files
// come from (openpyxl, XlsxWriter, LibreOffice Calc).
import { promises as fs } from "node:fs";
import path from "node:path";
import { packageRoot } from "../../src/adapters/node/packageRoot";
import { writtenByOpenpyxl, writtenByXlsxWriter } from "../helpers/otherWriters";
import { resavedManyByLibreOffice } from "../helpers/spreadsheetApp";
import { CRIME_ROWS, type CorpusCase, hostileCorpus } from "./hostileCorpus";

const SAMPLE = path.join(packageRoot(), "samples", "maidstone-strategic-assessment-2020-21.xlsx");

/** The crime table and a notes sheet, as an analyst's script or spreadsheet would save them. */
const SHEETS = {
  "Police crime": CRIME_ROWS,
  Notes: [["Source: police recorded crime, as published"], ["Saved by a script, not by Excel"]],
};

/**
 * The table written by each program other than ExcelJS, built in `dir`; `byLibreOffice` is the
 * table as LibreOffice Calc saved it (see `fullCorpus`).
 */
export async function otherProgramCases(dir: string, byLibreOffice: string): Promise<CorpusCase[]> {
  const read = (file: string): Promise<Uint8Array> => fs.readFile(file).then((b) => new Uint8Array(b));
  const PACKAGE = { outcome: "package" } as const;
  return [
    {
      name: "written-by-openpyxl.xlsx",
      about: "a table saved by openpyxl, pandas' default engine (relationships namespace on each sheet)",
      bytes: await read(writtenByOpenpyxl(SHEETS, path.join(dir, "openpyxl", "written-by-openpyxl.xlsx"))),
      expect: PACKAGE,
    },
    {
      name: "written-by-xlsxwriter.xlsx",
      about: "a table saved by XlsxWriter",
      bytes: await read(writtenByXlsxWriter(SHEETS, path.join(dir, "xlsxwriter", "written-by-xlsxwriter.xlsx"))),
      expect: PACKAGE,
    },
    {
      name: "written-by-libreoffice.xlsx",
      about: "a table saved by LibreOffice Calc",
      bytes: await read(byLibreOffice),
      expect: PACKAGE,
    },
  ];
}

/** Every case of the corpus, with the files other programs write made in `dir`. */
export async function fullCorpus(dir: string): Promise<CorpusCase[]> {
  const sample = new Uint8Array(await fs.readFile(SAMPLE));
  // The sample and the table (written by XlsxWriter) saved by LibreOffice, in one start of it.
  const table = writtenByXlsxWriter(SHEETS, path.join(dir, "source", "written-by-libreoffice.xlsx"));
  const [sampleResaved, tableResaved] = resavedManyByLibreOffice([SAMPLE, table], path.join(dir, "lo"));
  const byLibreOffice = new Uint8Array(await fs.readFile(sampleResaved));
  return hostileCorpus(sample, byLibreOffice, await otherProgramCases(dir, tableResaved));
}
