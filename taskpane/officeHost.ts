/// <reference types="office-js" />
import type { ExcelContext, ExcelRunner } from "../src/adapters/office";

/** Office.js from Microsoft's CDN; only requested when Office hosts the pane. */
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The ExcelApi set the manifest declares; anything newer sits behind isSetSupported. */
export const MINIMUM_EXCEL_API = "1.7";

/** True when Office opened the page (the manifest's URLs carry ?office=1; Office adds _host_Info). */
export function hostedByOffice(search = window.location.search): boolean {
  const params = new URLSearchParams(search);
  return params.has("office") || params.has("_host_Info");
}

/** Loads Office.js and waits for Office to be ready; resolves the host, or null when it cannot load. */
export function loadOffice(): Promise<{ host: string | null } | null> {
  return new Promise((resolve) => {
    const script = document.createElement("script");
    script.src = OFFICE_JS;
    script.onload = () => Office.onReady((info) => resolve({ host: info.host ? String(info.host) : null }));
    script.onerror = () => resolve(null);
    document.head.appendChild(script);
  });
}

/** True when this Excel has the API set the add-in needs. */
export function excelApiSupported(): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", MINIMUM_EXCEL_API);
}

/** Excel.run as the adapter's runner (the real context satisfies the adapter's structural types). */
export const excelRunner: ExcelRunner = (batch) => Excel.run((context) => batch(context as unknown as ExcelContext));

/** Selects a cell such as `'Youth offending'!B19` in the workbook. */
export async function selectCell(reference: string): Promise<void> {
  const bang = reference.lastIndexOf("!");
  const sheet = reference
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  const address = reference.slice(bang + 1);
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

/** The document setting that remembers the home area in the workbook itself. */
// The run's choices, kept in the workbook's own settings (saved with it), as JSON under one key.
const CHOICES_SETTING = "CSPAssess.choices";
// Where earlier versions kept the home area alone; still read.
const HOME_AREA_SETTING = "CSPAssess.homeArea";

/** The choices remembered in the open workbook (Office's document settings), as JSON, or "". */
export function rememberedChoices(): string {
  const settings = Office.context.document.settings;
  const value: unknown = settings.get(CHOICES_SETTING);
  if (typeof value === "string") return value;
  const area: unknown = settings.get(HOME_AREA_SETTING);
  return typeof area === "string" && area ? JSON.stringify({ homeArea: area }) : "";
}

/** Remembers the choices in the workbook: saved with it, so the next run and the next analyst see them. */
export function rememberChoices(json: string): Promise<void> {
  const settings = Office.context.document.settings;
  settings.set(CHOICES_SETTING, json);
  settings.remove(HOME_AREA_SETTING);
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) =>
      result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error.message)),
    ),
  );
}
