import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isolatedPage, pickBoundaries, screenshot } from "../helpers/browser";
import { SHARED_POPULATION, SHARED_WARD_LOOKUP } from "../helpers/boundaries";
import { PANE_FUNNEL } from "../../src/output/report/funnelPicture";
import { useBrowser } from "../helpers/useBrowser";
import { POLICE_UK_DIR, describeReal } from "../helpers/realData";

const chromium = useBrowser();
const POLICE_UK = POLICE_UK_DIR;
const MONTHS = ["2022-01", "2022-02", "2022-03"];
const kent = (month: string): string => path.join(POLICE_UK, `${month}-kent-street.csv`);

describeReal("police.uk files in the standalone page", () => {
  it("computes the picked monthly CSVs with ONS's populations: the extract by month, category and ward, on the map, and as a workbook", async () => {
    const { page, external, errors } = await isolatedPage(chromium.browser());
    await page.goto(`${chromium.url()}taskpane.html`);
    await page.getByLabel("Workbook").setInputFiles(MONTHS.map(kent));
    await page.getByText(/Selected: 2022-01-kent-street\.csv, .* \(a crime extract\)/).waitFor();
    await page.locator("details.csp-boundaries > summary", { hasText: "Ward populations" }).click();
    // With the ward lookup, the wards' populations add up to each district's, for the funnel plot.
    await page.getByLabel(/ONS ward population estimates/).setInputFiles([SHARED_POPULATION, SHARED_WARD_LOOKUP]);
    await pickBoundaries(page);
    // The home area places the borough among the force's districts, as --area does.
    await page.getByLabel("Home area").fill("Maidstone");
    await page.getByRole("button", { name: "Compute assessment" }).click();
    await page.getByText("Done. The results workbook is ready to download.").waitFor({ timeout: 60000 });
    const extract = await page.locator("#csp-extract").innerText();
    expect(extract).toContain(
      "Maidstone had the 3rd highest number of crimes of the 13 Kent districts in January to March 2022 (3,867), 9.2% of Kent's 42,226; 22.3 crimes per 1,000 residents against 22.5 across the districts, within what chance alone would give for its population (95% limits).",
    );
    expect(extract).toMatch(/Kent districts: crimes, January to March 2022/);
    // The funnel plot, as the report draws it, with its words as the caption and the text alternative.
    const funnel = page.locator("figure.csp-funnel img");
    const caption = await page.locator("figure.csp-funnel figcaption").innerText();
    expect(caption).toBe(
      "Funnel plot: Maidstone 22.3 crimes per 1,000 residents against 22.5 for the districts; its 95% limits are 21.8 to 23.2 and its 99.8% limits 21.4 to 23.7.",
    );
    expect(await funnel.getAttribute("alt")).toBe(caption);
    expect(await funnel.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(PANE_FUNNEL.width);
    await funnel.scrollIntoViewIfNeeded();
    await screenshot(page, "standalone-police-uk-funnel");
    expect(extract).toMatch(
      /3 monthly files: [\d,]+ records read; [\d,]+ in the borough's wards, [\d,]+ outside them, [\d,]+ without a location \(left out\)/,
    );
    expect(extract).toMatch(/January 2022\s+1,475/);
    expect(extract).toContain("Anti-social behaviour");
    expect(extract).toContain("Source: police.uk.");
    expect(await page.locator("#csp-headlines").innerText()).toContain(
      "January to March 2022: 3,867 crimes and 598 anti-social behaviour incidents in the borough; High Street had the most crime (922, 23.8%), and violence and sexual offences was the commonest crime (1,876, 48.5%).",
    );
    const findings = await page.locator("#csp-findings").innerText();
    expect(findings).toContain("need day-level dates");
    await screenshot(page, "standalone-police-uk");

    await page.getByRole("button", { name: "Open map" }).click();
    await page.locator(".leaflet-container").waitFor({ timeout: 30000 });
    await screenshot(page, "standalone-police-uk-map");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download results workbook" }).click();
    const file = path.join(os.tmpdir(), `csp-police-uk-${process.pid}.xlsx`);
    await (await download).saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["CSP Extract", "CSP Wards", "CSP Findings"]),
    );
    const wards = wb.getWorksheet("CSP Wards")!;
    expect(String(wards.getCell("A2").value)).toContain("Mid-2020_Persons_England_Wales_(2021_wards).csv");
    await fs.rm(file);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it("reads the zip of month folders a police.uk download gives, as the CSVs", async () => {
    const archive = new JSZip();
    for (const month of MONTHS) archive.file(`${month}/${month}-kent-street.csv`, await fs.readFile(kent(month)));
    const zip = path.join(os.tmpdir(), `csp-police-uk-${process.pid}.zip`);
    await fs.writeFile(zip, await archive.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const { page, errors } = await isolatedPage(chromium.browser());
    await page.goto(`${chromium.url()}taskpane.html`);
    await page.getByLabel("Workbook").setInputFiles(zip);
    await pickBoundaries(page);
    await page.getByRole("button", { name: "Compute assessment" }).click();
    await page.getByText("Done. The results workbook is ready to download.").waitFor({ timeout: 60000 });
    const extract = await page.locator("#csp-extract").innerText();
    expect(extract).toMatch(/January 2022\s+1,475\s+1,256\s+219/);
    expect(extract).toMatch(/March 2022\s+1,679/);
    expect(errors).toEqual([]);
    await fs.rm(zip);
    await page.close();
  });
});
