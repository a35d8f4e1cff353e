import { isolatedPage, screenshot } from "../helpers/browser";
import { useBrowser } from "../helpers/useBrowser";

const chromium = useBrowser();

describe("the home area field", () => {
  it("tells the named area against its peers, and is remembered for the next visit", async () => {
    const { page, errors, external } = await isolatedPage(chromium.browser());
    await page.goto(`${chromium.url()}taskpane.html`);
    await page.getByLabel("Home area").fill("Swale");
    await page.getByRole("button", { name: "Compute assessment" }).click();
    await page.getByText("Done. The results workbook is ready to download.").waitFor({ timeout: 30000 });
    const headlines = await page.locator("#csp-headlines").innerText();
    expect(headlines).toMatch(
      /Swale had the \d+(st|nd|rd|th) highest number of alcohol related hospital admissions of the 12 Kent districts \(\d+\), (up|down) [\d.]+% \([+-]\d+\), against 14\.4% for All Kent\./,
    );
    expect(headlines).not.toContain("Maidstone had the highest number of alcohol related hospital admissions");
    await screenshot(page, "standalone-home-area");
    await page.reload();
    expect(await page.getByLabel("Home area").inputValue()).toBe("Swale");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it("says when the home area is none of the data's areas, as the command line does, with the nearest as choices", async () => {
    const { page, errors, external } = await isolatedPage(chromium.browser());
    await page.goto(`${chromium.url()}taskpane.html`);
    await page.getByLabel("Home area").fill("Tunbridge");
    await page.getByRole("button", { name: "Compute assessment" }).click();
    const box = page.locator("#csp-notice");
    await box.waitFor({ timeout: 30000 });
    expect(await box.innerText()).toMatch(
      /^Home area "Tunbridge" is none of the 12 areas the data name; the nearest: Tunbridge Wells, Tonbridge & Malling, Ashford\. Choose one and compute again:/,
    );
    await box.getByRole("button", { name: "Tonbridge & Malling" }).click();
    expect(await page.getByLabel("Home area").inputValue()).toBe("Tonbridge & Malling");
    await screenshot(page, "standalone-home-area-unmatched");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it("offers the window and the MoRiLE preset from the run's own lists, used in the run and remembered", async () => {
    const { page, errors, external } = await isolatedPage(chromium.browser());
    await page.goto(`${chromium.url()}taskpane.html`);
    await page.locator("#csp-options summary").click();
    expect(
      await page.locator("#csp-window option").evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)),
    ).toEqual(["nov-oct", "apr-mar", "calendar"]);
    expect(
      await page.locator("#csp-morile-preset option").evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)),
    ).toEqual(["linear", "escalating"]);
    await page.getByLabel("Year compared for record-level data").selectOption("apr-mar");
    await page.getByLabel("MoRiLE preset").selectOption("escalating");
    await page.getByRole("button", { name: "Compute assessment" }).click();
    await page.getByText("Done. The results workbook is ready to download.").waitFor({ timeout: 30000 });
    expect(await page.locator("#csp-results").innerText()).toMatch(/Escalating preset/);
    // The record sheet's comparison is by financial year: April to March.
    expect(await page.locator("#csp-results").textContent()).toMatch(/records, 01\/04\/\d{4} – 31\/03\/\d{4}/);
    await page.reload();
    expect(await page.getByLabel("Year compared for record-level data").inputValue()).toBe("apr-mar");
    expect(await page.getByLabel("MoRiLE preset").inputValue()).toBe("escalating");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});
