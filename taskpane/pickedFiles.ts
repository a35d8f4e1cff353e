import type { WorkbookFile } from "../src/adapters/workbookFile";
import type { ExtractFilesPort, InputFile } from "../src/adapters/records";
import type { PopulationTable } from "../src/core/population/wardPopulation";

/** A picked file as the record adapters read it: streamed, a chunk at a time. */
export function pickedFile(file: File): InputFile {
  return {
    name: file.name,
    async *chunks() {
      const reader = file.stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    },
  };
}

/** What the analyst picked: one workbook, or the files of a record-level extract. */
export type PickedInput =
  | { readonly kind: "workbook"; readonly port: WorkbookFile; readonly name: string }
  | { readonly kind: "extract"; readonly port: ExtractFilesPort; readonly name: string };

/** True when the picked files are an extract (CSVs, a zip, or several files) rather than one workbook. */
export const isExtract = (files: readonly File[]): boolean =>
  files.length > 1 || files.some((f) => /\.(csv|zip)$/i.test(f.name));

/** The picked files as an extract, read through the same adapter as the command line's. */
export async function pickedExtract(files: readonly File[]): Promise<PickedInput> {
  const { ExtractFilesPort } = await import(/* webpackChunkName: "records" */ "../src/adapters/records");
  const name = files.length === 1 ? files[0].name : `${files.length} files`;
  return {
    kind: "extract",
    port: new ExtractFilesPort(name, files.map(pickedFile), {
      single: files.length === 1 && !/\.zip$/i.test(files[0].name),
    }),
    name,
  };
}

/**
 * Ward populations from the picked files: ONS's single-year-of-age CSV, or any
 * areas-and-residents table, and any ONS ward lookup picked with it to name its codes.
 */
export async function pickedPopulation(files: readonly File[]): Promise<PopulationTable> {
  const [{ csvSheet }, { populationOfFiles }] = await Promise.all([
    import(/* webpackChunkName: "records" */ "../src/adapters/records"),
    import(/* webpackChunkName: "job" */ "../src/core/population/wardPopulation"),
  ]);
  const read = [];
  for (const file of files) {
    if (/\.csv$/i.test(file.name)) {
      read.push({ name: file.name, sheets: [csvSheet(file.name, await file.text())] });
      continue;
    }
    const { WorkbookFile } = await import(/* webpackChunkName: "workbook-file" */ "../src/adapters/workbookFile");
    const port = await WorkbookFile.fromBytes(new Uint8Array(await file.arrayBuffer()), file.name);
    read.push({ name: file.name, sheets: (await port.readWorkbook()).sheets });
  }
  return populationOfFiles(read);
}
