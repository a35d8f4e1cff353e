import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SCREENSHOTS, isolatedPage, screenshot } from "../helpers/browser";
import { useBrowser } from "../helpers/useBrowser";
import { withAttributedStrings } from "../corpus/hostileCorpus";

const chromium = useBrowser();

describe("the standalone page", () => {
  it("computes the sample when no file is picked, shows headlines, findings and MoRiLE, offers the results, and calls no other host", async () => {
    const { page, external, errors } = await isolatedPage(chromium.browser());
    await page.goto(`${chromium.url()}taskpane.html`);
    await page.getByLabel("Workbook").waitFor();
    await page.getByRole("button", { name: "Compute assessment" }).click();
    await page.locator("#csp-results").waitFor({ state: "visible", timeout: 30000 });
    await page.getByText("Done. The results workbook is ready to download.").waitFor();
    await screenshot(page, "standalone-sample");
    // What the analyst sees first: focus has moved to the results' heading, scrolled into view.
    await page.screenshot({ path: path.join(SCREENSHOTS, "standalone-results-top.png") });
    const headlines = await page.locator("#csp-headlines").innerText();
    expect(headlines).toContain("All crime fell by 1.7%, from 17,244 to 16,947 (-297)");
    // Key changes lead with the partnership's all crime, and every headline follows in the same order.
    const keyChanges = await page.locator("#csp-key-changes li").allInnerTexts();
    expect(keyChanges[0]).toMatch(/^All crime fell by 1\.7%, from 17,244 to 16,947/);
    const all = await page.locator("#csp-headlines li").allInnerTexts();
    expect(all.slice(0, keyChanges.length)).toEqual(keyChanges);
    expect(all.length).toBeGreaterThan(200);
    expect(await page.locator("#csp-headlines").innerText()).not.toContain("more on the CSP Summary sheet");
    expect(headlines).toContain("Drug offences rose by 23.9%, from 318 to 394 (+76)");
    const findings = await page.locator("#csp-findings").innerText();
    expect(findings).toContain("'Youth offending'!B19");
    expect(findings).toContain("TOTAL (2018-19) states 35 but the 16 rows it totals sum to 34");
    expect(await page.locator("#csp-morile tbody tr").count()).toBe(10);
    expect(await page.locator("#csp-morile tbody tr").first().innerText()).toContain("Domestic abuse (incl. stalking)");

    // The synthetic extract: the Town Centre team's table and the domestic-abuse profile.
    const town = await page.locator("#csp-intervention").innerText();
    expect(town).toContain("Town Centre team: 12/10/2019 – 19/02/2020 against 12/10/2018 – 19/02/2019");
    expect(town).toMatch(/Theft\s+165\s+307\s+\+142 \(86\.1%\)/);
    expect(town).toContain("Bridge (comparison)");
    await page.locator("#csp-patterns-section > summary").click();
    expect(await page.locator("#csp-patterns table").count()).toBe(2);
    expect(await page.locator("#csp-patterns table").first().locator("tbody tr").count()).toBe(12);
    expect(await page.locator(".csp-named-dates").innerText()).toMatch(
      /Christmas Day \(25\/12\/2017, 25\/12\/2018\): \d+ records over 2 days against/,
    );
    await page
      .locator("#csp-intervention-section")
      .screenshot({ path: path.join(SCREENSHOTS, "standalone-intervention.png") });
    await page.locator("#csp-patterns-section").screenshot({ path: path.join(SCREENSHOTS, "standalone-patterns.png") });
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download results workbook" }).click();
    const file = path.join(os.tmpdir(), `csp-download-${process.pid}.xlsx`);
    await (await download).saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toContain("CSP Findings");
    await fs.rm(file);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it("says so, in a notice and in the findings, when a picked workbook is written through ExcelJS", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Police crime").addRows([
      ["Crime", "2018/19", "2019/20"],
      ["Drug offences", 318, 394],
    ]);
    const file = path.join(os.tmpdir(), `csp-fallback-${process.pid}.xlsx`);
    await fs.writeFile(file, await withAttributedStrings(new Uint8Array(await wb.xlsx.writeBuffer())));
    const { page, external, errors } = await isolatedPage(chromium.browser());
    await page.goto(`${chromium.url()}taskpane.html`);
    await page.getByLabel("Workbook").setInputFiles(file);
    await page.getByRole("button", { name: "Compute assessment" }).click();
    await page.getByText("Done. The results workbook is ready to download.").waitFor({ timeout: 30000 });
    const said = /written through ExcelJS because the shared-string table has items this writer cannot count/;
    expect(await page.locator("#csp-notice").innerText()).toMatch(said);
    expect(await page.locator("#csp-findings").innerText()).toMatch(said);
    expect(await page.locator("#csp-headlines").innerText()).toContain("Drug offences rose by 23.9%");
    await screenshot(page, "standalone-exceljs-fallback");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await fs.rm(file);
    await page.close();
  });

  it("computes a workbook the analyst picks, and shows its cell text as text, never as HTML", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Crime <b>x");
    ws.addRow(["<img src=x onerror=alert(1)>"]);
    ws.addRow(["Ward", "2018", "2019"]);
    ws.addRow(["<img src=x onerror=alert(2)>", 10, 20]);
    ws.addRow(["High Street", 5, 7]);
    ws.addRow(["Total", 15, 30]);
    const file = path.join(os.tmpdir(), `csp-xss-${process.pid}.xlsx`);
    await wb.xlsx.writeFile(file);
    const { page, external, errors, dialogs } = await isolatedPage(chromium.browser());
    await page.goto(`${chromium.url()}taskpane.html`);
    await page.getByLabel("Workbook").setInputFiles(file);
    await page.getByText(`Selected: ${path.basename(file)}`).waitFor();
    await page.getByRole("button", { name: "Compute assessment" }).click();
    await page.getByText("Done. The results workbook is ready to download.").waitFor({ timeout: 30000 });
    await screenshot(page, "standalone-picked-hostile-labels");
    expect(await page.locator("#csp-headlines").innerText()).toContain(
      "<img src=x onerror=alert(2)> rose by 100.0%, from 10 to 20 (+10)",
    );
    expect(await page.locator("#csp-results img").count()).toBe(0);
    expect(await page.locator("#csp-findings").innerText()).toContain(
      "Total (2019) states 30 but the 2 rows it totals sum to 27",
    );
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await fs.rm(file);
    await page.close();
  });

  it("says clearly what is wrong with a file that is not a workbook, and leaves nothing of the earlier run on show", async () => {
    const file = path.join(os.tmpdir(), `csp-not-${process.pid}.xlsx`);
    await fs.writeFile(file, "not a workbook");
    const { page } = await isolatedPage(chromium.browser());
    await page.goto(`${chromium.url()}taskpane.html`);
    // The sample first: its results are on show and offered for download.
    await page.getByRole("button", { name: "Compute assessment" }).click();
    await page.getByText("Done. The results workbook is ready to download.").waitFor({ timeout: 30000 });
    expect(await page.locator("#csp-results-source").innerText()).toMatch(
      /^Results of maidstone-strategic-assessment-2020-21\.xlsx, computed on \d\d\/\d\d\/\d{4} at \d\d:\d\d\.$/,
    );
    // Focus moves to the results, so a keyboard or screen reader user lands on them.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("csp-results-heading");
    // A choice changed after the run marks the results out of date.
    await page.getByLabel("Home area").fill("Swale");
    expect(await page.locator("#csp-stale").isVisible()).toBe(true);
    await page.getByLabel("Workbook").setInputFiles(file);
    await page.getByRole("button", { name: "Compute assessment" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").innerText()).toBe(`${path.basename(file)} is not an .xlsx workbook`);
    expect(await page.locator("#csp-results").isHidden()).toBe(true);
    expect(await page.locator("#csp-download-row").isHidden()).toBe(true);
    expect(await page.locator("#csp-download").getAttribute("href")).toBeNull();
    await fs.rm(file);
    await page.close();
  });

  it("refuses a workbook of words only with the command line's sentence, and offers no results", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "Minutes of the meeting";
    const file = path.join(os.tmpdir(), `csp-words-${process.pid}.xlsx`);
    await wb.xlsx.writeFile(file);
    const { page, errors } = await isolatedPage(chromium.browser());
    await page.goto(`${chromium.url()}taskpane.html`);
    await page.getByLabel("Workbook").setInputFiles(file);
    await page.getByRole("button", { name: "Compute assessment" }).click();
    await page.getByRole("alert").waitFor({ timeout: 30000 });
    expect(await page.getByRole("alert").innerText()).toBe(
      `${path.basename(file)}: no tables found on its 1 sheet (a table needs a label column and at least one column of numbers under a header; a MoRiLE sheet needs a Theme column and the factor columns)`,
    );
    expect(await page.locator("#csp-progress").innerText()).toBe("");
    expect(await page.locator("#csp-results").isHidden()).toBe(true);
    expect(await page.locator("#csp-download-row").isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await fs.rm(file);
    await page.close();
  });
});

describe("the pane inside Office", () => {
  const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
  it("falls back to the standalone page when Office.js cannot load", async () => {
    const { page, external } = await isolatedPage(chromium.browser());
    await page.goto(`${chromium.url()}taskpane.html?office=1`);
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").innerText()).toMatch(/runs as a standalone page/);
    expect(await page.getByLabel("Workbook").isVisible()).toBe(true);
    expect(external).toEqual([OFFICE_JS]);
    await page.close();
  });
});

describe("the ribbon command's notice", () => {
  it("shows the failure it is given as text", async () => {
    const { page, dialogs, errors, external } = await isolatedPage(chromium.browser());
    const message = "'Youth offending'!B19: <img src=x onerror=alert(1)> could not be read";
    await page.goto(`${chromium.url()}notice.html?message=${encodeURIComponent(message)}`);
    expect(await page.getByRole("alert").innerText()).toBe(message);
    expect(await page.locator("img").count()).toBe(0);
    expect([dialogs, errors, external]).toEqual([[], [], []]);
    await page.close();
  });
});
