import { isolatedPage, screenshot } from "../helpers/browser";
import { useBrowser } from "../helpers/useBrowser";

const chromium = useBrowser();

describe("the home area field", () => {
  it("tells the named area against its peers, and is remembered for the next visit", async () => {
    const { page, errors, external } = await isolatedPage(chromium.browser());
    await page.goto(`${chromium.url()}taskpane.html`);
    await page.getByLabel("Home area").fill("Swale");
    await page.getByRole("button", { name: "Compute assessment" }).click();
    await page.getByText("Done. Results are on the CSP sheets.").waitFor({ timeout: 30000 });
    const headlines = await page.locator("#csp-headlines").innerText();
    expect(headlines).toMatch(/Swale had the \d+(st|nd|rd|th) highest number of alcohol related hospital admissions of the 12 Kent districts \(\d+\), (up|down) [\d.]+% \([+-]\d+\), against 14\.4% for All Kent\./);
    expect(headlines).not.toContain("Maidstone had the highest number of alcohol related hospital admissions");
    await screenshot(page, "standalone-home-area");
    await page.reload();
    expect(await page.getByLabel("Home area").inputValue()).toBe("Swale");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});
