import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { isolatedPage, screenshot } from "../helpers/browser";
import { useBrowser } from "../helpers/useBrowser";

const chromium = useBrowser();

describe("the pane's key changes and draft report", () => {
  it("leads with the ten key changes, and Draft report downloads a Word document with its maps", async () => {
    const { page, errors, external } = await isolatedPage(chromium.browser());
    await page.goto(`${chromium.url()}taskpane.html`);
    await page.getByLabel("Partnership").fill("Safer Maidstone Partnership");
    await page.getByRole("button", { name: "Compute assessment" }).click();
    await page.getByText("Done. The results workbook is ready to download.").waitFor({ timeout: 30000 });
    // Key changes is the first section of the results, ten of them, the drug offences among them.
    const first = await page.locator("#csp-results > section, #csp-results > details").first().getAttribute("id");
    expect(first).toBe("csp-key-changes-section");
    const key = page.locator("#csp-key-changes > li");
    expect(await key.count()).toBe(10);
    expect(await page.locator("#csp-key-changes").innerText()).toContain(
      "Drug offences rose by 23.9%, from 318 to 394 (+76)",
    );
    expect(await page.locator("#csp-key-changes").innerText()).not.toMatch(
      /^(Oct|Nov|Dec|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep) (rose|fell)/m,
    );
    await screenshot(page, "standalone-key-changes");

    const download = page.waitForEvent("download", { timeout: 60000 });
    await page.getByRole("button", { name: "Draft report" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/draft strategic assessment\.docx$/);
    const saved = path.join(os.tmpdir(), `csp-report-${process.pid}.docx`);
    await file.saveAs(saved);
    const parts = unzipSync(new Uint8Array(await fs.readFile(saved)));
    const body = new TextDecoder().decode(parts["word/document.xml"]);
    expect(body).toContain("Key changes");
    expect(body).toContain("Drug offences rose by 23.9%");
    // The same document as the command line's: the partnership named in the pane on its title page, a contents field.
    expect(body).toMatch(
      /<w:t[^>]*>Safer Maidstone Partnership<\/w:t>[\s\S]*<w:t[^>]*>Strategic Assessment 2020-21<\/w:t>/,
    );
    expect(body).toContain("TOC \\h");
    expect(Object.keys(parts).filter((p) => /^word\/media\/.+\.png$/.test(p)).length).toBeGreaterThan(0);
    await fs.rm(saved, { force: true });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  }, 120000);
});
