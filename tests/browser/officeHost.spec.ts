// The add-in as Excel runs it: the built pages driven in Chromium with the Office stand-in in
// place of Microsoft's office.js (tests/office/officeStandIn.ts), on a made-up borough that is
// not Maidstone. The pane computes into the workbook and keeps its choices and the picked wards
// with it; reopened, the pane finds them; the ribbon computes the same sheets from them, or says
// what it left out; the enlarged map draws the borough's own wards.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { ASHVALE_WARDS, wardGeoJson, wardMonthRows } from "../helpers/madeUpBorough";
import { isolatedPage, screenshot } from "../helpers/browser";
import { useBrowser } from "../helpers/useBrowser";
import { officeStandInScript } from "../office/buildStandIn";
import type { HostState } from "../office/hostState";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const chromium = useBrowser();

/** The host the manifest asks for: ExcelApi 1.7 and dialogs that take messages (DialogApi 1.2). */
const MANIFEST_HOST = { ExcelApi: "1.7", DialogApi: "1.2" };
const ANALYST_SHEET = "Ward crime";

let standIn: string;
let wardFiles: string[];
let dir: string;

beforeAll(async () => {
  standIn = await officeStandInScript();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-office-host-"));
  wardFiles = [];
  for (const [i, ward] of ASHVALE_WARDS.entries()) {
    const file = path.join(dir, `${ward.code}.geojson`);
    await fs.writeFile(file, wardGeoJson(i));
    wardFiles.push(file);
  }
});

afterAll(() => fs.rm(dir, { recursive: true, force: true }));

type Host = HostState & { dialogs: { url: string; toChild: string[]; toParent: string[] }[] };

/** A page of ours opened as Office opens it, on this workbook and host. */
async function officePage(page: string, state: HostState) {
  const opened = await isolatedPage(chromium.browser(), { [OFFICE_JS]: standIn });
  await opened.page.addInitScript(
    (s) => {
      (window as unknown as { __officeState: unknown }).__officeState = s;
    },
    state as unknown as Record<string, unknown>,
  );
  await opened.page.goto(`${chromium.url()}${page}?office=1`);
  return opened;
}

const hostState = (page: Page): Promise<Host> =>
  page.evaluate(() => (window as unknown as { __officeHost: { state(): Host } }).__officeHost.state());

/** The workbook with only the analyst's sheet and this host's settings and parts. */
const analystWorkbook = (from: Partial<HostState> = {}): HostState => ({
  sheets: [{ name: ANALYST_SHEET, values: wardMonthRows() as (string | number)[][] }],
  names: [],
  settings: {},
  customXml: [],
  requirements: MANIFEST_HOST,
  ...from,
});

const resultSheets = (state: HostState) =>
  state.sheets.filter((s) => s.name.startsWith("CSP ")).map((s) => [s.name, s.values, s.formats]);

describe("the add-in in an Office host", () => {
  let afterPane: Host;

  it("computes in the pane, writes only its own sheets, and keeps the choices and the picked wards with the workbook", async () => {
    const { page, errors, external } = await officePage("taskpane.html", analystWorkbook());
    await page.locator("body[data-mode=office]").waitFor();
    expect(await page.getByLabel("Workbook").isHidden()).toBe(true);
    await page.getByLabel("Home area").fill("Ashvale");
    await page.locator("details.csp-boundaries > summary", { hasText: "Ward boundaries" }).click();
    await page.getByLabel(/Your wards' boundaries/).setInputFiles(wardFiles);
    await page.getByRole("button", { name: "Compute assessment" }).click();
    await page.getByText("Done. Results are on the CSP sheets.").waitFor({ timeout: 30000 });
    expect(await page.locator("#csp-results-source").innerText()).toMatch(/^Results of this workbook, computed on /);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("csp-results-heading");
    await page.locator("#csp-kept-row").waitFor();
    expect(await page.locator("#csp-kept-text").innerText()).toContain(
      "ward boundaries from 19 files (E05990001.geojson",
    );
    afterPane = await hostState(page);
    expect(afterPane.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining([ANALYST_SHEET, "CSP Summary", "CSP Tables", "CSP Wards", "CSP Findings"]),
    );
    // The analyst's cells are as they were.
    expect(afterPane.sheets.find((s) => s.name === ANALYST_SHEET)?.values).toEqual(wardMonthRows());
    expect(JSON.parse(afterPane.settings["CSPAssess.choices"] as string)).toMatchObject({ homeArea: "Ashvale" });
    expect(afterPane.customXml).toHaveLength(1);
    expect(afterPane.customXml[0].namespace).toBe("urn:csp-assess:kept-inputs:1");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it("finds the choices and the kept wards again when the pane is reopened on the saved workbook", async () => {
    const { page, errors } = await officePage("taskpane.html", afterPane);
    await page.locator("#csp-kept-row").waitFor();
    expect(await page.getByLabel("Home area").inputValue()).toBe("Ashvale");
    expect(await page.locator("#csp-kept-text").innerText()).toMatch(/^Kept with this workbook and used when none/);
    await page.getByRole("button", { name: "Compute assessment" }).click();
    await page.getByText("Done. Results are on the CSP sheets.").waitFor({ timeout: 30000 });
    // Mapped with the kept wards though none were picked this time.
    expect(await page.locator("#csp-summary").innerText()).toMatch(/\d+ ward map layers?/);
    await page.getByRole("button", { name: "Forget the kept files" }).click();
    await page.locator("#csp-kept-row").waitFor({ state: "hidden" });
    expect((await hostState(page)).customXml).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("runs the ribbon command on the saved choices and kept wards, giving the pane's sheets", async () => {
    const { page, errors } = await officePage("commands.html", { ...afterPane, sheets: analystWorkbook().sheets });
    await page.evaluate(() =>
      (window as unknown as { __officeHost: { invoke(id: string): Promise<void> } }).__officeHost.invoke(
        "computeAssessment",
      ),
    );
    const afterRibbon = await hostState(page);
    expect(afterRibbon.dialogs).toEqual([]);
    expect(resultSheets(afterRibbon)).toEqual(resultSheets(afterPane));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says in its notice what the ribbon left out when no wards are kept", async () => {
    const { page, errors } = await officePage("commands.html", analystWorkbook({ settings: afterPane.settings }));
    await page.evaluate(() =>
      (window as unknown as { __officeHost: { invoke(id: string): Promise<void> } }).__officeHost.invoke(
        "computeAssessment",
      ),
    );
    const host = await hostState(page);
    expect(host.sheets.map((s) => s.name)).toContain("CSP Summary");
    expect(host.dialogs.map((d) => new URL(d.url).pathname)).toEqual(["/notice.html"]);
    const notice = page.frameLocator("iframe.office-standin-dialog");
    await notice.locator("#csp-notice-text:not(:empty)").waitFor();
    expect(await notice.getByRole("alert").innerText()).toMatch(
      /^The CSP sheets are computed, but without ward layers for .+, as no ward boundaries are kept with this workbook/,
    );
    await screenshot(page, "office-ribbon-notice");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("refuses a workbook of words only from the ribbon with the command line's sentence", async () => {
    const words = analystWorkbook({ sheets: [{ name: "Notes", values: [["Minutes of the meeting"]] }] });
    const { page } = await officePage("commands.html", words);
    await page.evaluate(() =>
      (window as unknown as { __officeHost: { invoke(id: string): Promise<void> } }).__officeHost.invoke(
        "computeAssessment",
      ),
    );
    const host = await hostState(page);
    expect(host.sheets.map((s) => s.name)).toEqual(["Notes"]);
    const notice = page.frameLocator("iframe.office-standin-dialog");
    await notice.locator("#csp-notice-text:not(:empty)").waitFor();
    expect(await notice.getByRole("alert").innerText()).toBe(
      "This workbook: no tables found on its 1 sheet (a table needs a label column and at least one column of numbers under a header; a MoRiLE sheet needs a Theme column and the factor columns)",
    );
    await page.close();
  });

  it("opens the enlarged map of a made-up borough on its own wards, with the whole attribution", async () => {
    const { page, errors, external } = await officePage("taskpane.html", analystWorkbook());
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.locator("details.csp-boundaries > summary", { hasText: "Ward boundaries" }).click();
    await page.getByLabel(/Your wards' boundaries/).setInputFiles(wardFiles);
    await page.getByRole("button", { name: "Compute assessment" }).click();
    await page.getByText("Done. Results are on the CSP sheets.").waitFor({ timeout: 30000 });
    await page.getByRole("button", { name: "Open map" }).click();
    await page.getByRole("button", { name: "Enlarge map" }).click();
    const dialog = page.frameLocator("iframe.office-standin-dialog");
    await dialog.locator("path.csp-ward").first().waitFor({ timeout: 20000 });
    expect(await dialog.locator("path.csp-ward").count()).toBe(ASHVALE_WARDS.length);
    expect(await dialog.locator(".leaflet-control-attribution").innerText()).toContain(
      await page.locator(".leaflet-control-attribution").innerText(),
    );
    const host = await hostState(page);
    // Every message within Excel on the web's 64 kB (the stand-in refuses larger ones).
    expect(host.dialogs[0].toChild.length).toBeGreaterThan(0);
    await screenshot(page, "office-map-dialog");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it("refuses, with a clear message, an Excel below the manifest's ExcelApi 1.7", async () => {
    const { page } = await officePage("taskpane.html", analystWorkbook({ requirements: { ExcelApi: "1.6" } }));
    await page.getByRole("alert").waitFor();
    await screenshot(page, "office-unsupported");
    expect(await page.getByRole("alert").innerText()).toMatch(/needs Excel with ExcelApi 1\.7 or later/);
    expect(await page.getByRole("button", { name: "Compute assessment" }).isDisabled()).toBe(true);
    await page.close();
  });
});
