import type { WorkbookFile } from "../src/adapters/workbookFile";
import { byId } from "./dom";
import { type PickedInput, isExtract, pickedExtract } from "./pickedFiles";

/** The sample workbook `npm run build` places beside the page, used when no file is picked. */
export const SAMPLE_URL = "samples/maidstone-strategic-assessment-2020-21.xlsx";
const RESULTS_NAME = (input: string): string => `${input.replace(/\.(xlsx|csv|zip)$/i, "")} - CSP Assess results.xlsx`;

let downloadUrl: string | null = null;

/**
 * What the analyst picked: one workbook (or the sample, when nothing is picked), loaded through
 * ExcelJS in the browser, or the files of a crime extract (police.uk CSVs or their zip).
 */
export async function openPicked(): Promise<PickedInput> {
  const files = [...(byId<HTMLInputElement>("csp-workbook").files ?? [])];
  if (isExtract(files)) return pickedExtract(files);
  const { WorkbookFile } = await import(/* webpackChunkName: "workbook-file" */ "../src/adapters/workbookFile");
  const file = files[0];
  if (file)
    return {
      kind: "workbook",
      port: await WorkbookFile.fromBytes(new Uint8Array(await file.arrayBuffer()), file.name),
      name: file.name,
    };
  const response = await fetch(SAMPLE_URL);
  if (!response.ok) throw new Error("No workbook was picked and the sample workbook could not be loaded");
  const name = SAMPLE_URL.split("/").pop() as string;
  return {
    kind: "workbook",
    port: await WorkbookFile.fromBytes(new Uint8Array(await response.arrayBuffer()), name),
    name,
  };
}

/** Offers the results workbook (input sheets plus result sheets) for download. */
export async function offerDownload(port: WorkbookFile, inputName: string): Promise<void> {
  const bytes = await port.toBytes();
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  // The Blob takes its own copy of the view: slicing the buffer first would copy the workbook twice.
  downloadUrl = URL.createObjectURL(
    new Blob([bytes as Uint8Array<ArrayBuffer>], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }),
  );
  const link = byId<HTMLAnchorElement>("csp-download");
  link.href = downloadUrl;
  link.download = RESULTS_NAME(inputName);
  byId("csp-download-row").hidden = false;
}

/** Shows which workbook will be computed. */
export function watchPicker(): void {
  const input = byId<HTMLInputElement>("csp-workbook");
  const hint = byId("csp-source-hint");
  input.addEventListener("change", () => {
    const files = [...(input.files ?? [])];
    if (files.length === 0) hint.textContent = "No file chosen: the sample Safer Maidstone workbook will be used.";
    else if (isExtract(files)) hint.textContent = `Selected: ${files.map((f) => f.name).join(", ")} (a crime extract)`;
    else hint.textContent = `Selected: ${files[0].name}`;
  });
}
