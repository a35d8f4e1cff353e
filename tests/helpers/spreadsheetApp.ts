import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";

/** LibreOffice's command, for opening our output in a real spreadsheet application (Excel has no Linux build). */
export const SOFFICE = process.env.SOFFICE_PATH ?? "soffice";

/** Comma, double quote, UTF-8, every sheet (-1) to its own file. */
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/**
 * Opens workbooks in LibreOffice (headless) and saves every sheet as CSV, the way an analyst's
 * spreadsheet application would read the files: the CSV text of each sheet by name, for each
 * workbook. LibreOffice starts once for each folder they are in (their names must differ
 * within a folder). A workbook LibreOffice cannot open gets no sheets.
 */
export async function sheetsAsCsvMany(workbooks: readonly string[]): Promise<Map<string, Map<string, string>>> {
  const result = new Map<string, Map<string, string>>();
  const byFolder = new Map<string, string[]>();
  for (const file of workbooks) byFolder.set(path.dirname(file), [...(byFolder.get(path.dirname(file)) ?? []), file]);
  for (const files of byFolder.values()) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-soffice-"));
    try {
      convertMany(files, CSV_FILTER, dir);
      // Each CSV goes to the workbook with the longest name it starts with ("sample-strict-…" is not "sample"'s).
      const stems = files.map((f) => ({ file: f, stem: path.basename(f, path.extname(f)) }));
      stems.sort((a, b) => b.stem.length - a.stem.length);
      for (const { file } of stems) result.set(file, new Map());
      for (const csv of await fs.readdir(dir)) {
        if (!csv.endsWith(".csv")) continue;
        const owner = stems.find((s) => csv.startsWith(`${s.stem}-`));
        if (owner)
          result
            .get(owner.file)!
            .set(csv.slice(owner.stem.length + 1, -4), await fs.readFile(path.join(dir, csv), "utf8"));
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
  return result;
}

/** Opens a workbook in LibreOffice and saves it as .xlsx in `dir`, as a user of LibreOffice would; returns the new file. */
export function resavedByLibreOffice(workbook: string, dir: string): string {
  return resavedManyByLibreOffice([workbook], dir)[0];
}

/** As `resavedByLibreOffice` for several workbooks (their names must differ), with one start of LibreOffice. */
export function resavedManyByLibreOffice(workbooks: readonly string[], dir: string): string[] {
  convertMany(workbooks, "xlsx:Calc MS Excel 2007 XML", dir);
  return workbooks.map((w) => path.join(dir, path.basename(w)));
}

/**
 * Opens a Word document in LibreOffice Writer and gives its text, as a reader of the report sees
 * it (Debian's libreoffice-writer-nogui opens .docx; the calc package alone cannot).
 */
export async function documentText(document: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-writer-"));
  try {
    convert(document, "txt:Text (encoded):UTF8", dir);
    const text = path.join(dir, `${path.basename(document, path.extname(document))}.txt`);
    try {
      return await fs.readFile(text, "utf8");
    } catch {
      throw new Error(`LibreOffice could not open ${document} (apt-get install libreoffice-writer-nogui)`);
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function convert(workbook: string, filter: string, dir: string): void {
  convertMany([workbook], filter, dir);
}

function convertMany(workbooks: readonly string[], filter: string, dir: string): void {
  try {
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        filter,
        "--outdir",
        dir,
        ...workbooks,
      ],
      { stdio: "pipe", timeout: 120000 + 20000 * workbooks.length },
    );
  } catch (error) {
    throw new Error(
      `these tests open workbooks in LibreOffice (apt-get install libreoffice-calc-nogui), or set SOFFICE_PATH: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
