import { mapDialogMessage } from "../../taskpane/map/mapDialogMessage";
import { mapModel } from "../../taskpane/map/mapModel";
import { WorkbookFile } from "../../src/adapters/workbookFile";
import { runAssessment } from "../../src/job";
import { builtBoundaries } from "../helpers/boundaries";
import { isolatedPage, screenshot } from "../helpers/browser";
import { useBrowser } from "../helpers/useBrowser";
import { SAMPLE } from "../helpers/sample";
import { promises as fs } from "node:fs";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_DIALOG_STUB = `
  window.__toParent = [];
  let handler = null;
  window.Office = {
    EventType: { DialogParentMessageReceived: "DialogParentMessageReceived" },
    onReady: (callback) => { setTimeout(() => callback({ host: "Excel" }), 0); },
    context: { ui: {
      addHandlerAsync: (type, h) => { handler = h; },
      messageParent: (message) => window.__toParent.push(message),
    } },
  };
  window.__fromParent = (message) => handler({ message });
`;

const chromium = useBrowser();

describe("the enlarged map in an Office dialog", () => {
  it("says it is ready, then draws the layers the pane sends by messageChild", async () => {
    const boundaries = builtBoundaries();
    const port = await WorkbookFile.fromBytes(new Uint8Array(await fs.readFile(SAMPLE)), "sample");
    const run = await runAssessment(port, { boundaries });
    const model = mapModel(boundaries, run.wards);
    const daLayer = model.layers.find((l) => l.title.startsWith("Domestic abuse") && l.measure === "rate")!;
    const message = mapDialogMessage(model, {
      layer: daLayer.id,
      method: "quantile",
      hotspot: "99",
      suppress: false,
      coverage: true,
    });
    expect(message.length).toBeLessThan(64 * 1024);

    const { page, external, errors } = await isolatedPage(chromium.browser(), { [OFFICE_JS]: OFFICE_DIALOG_STUB });
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.goto(`${chromium.url()}mapdialog.html?office=1`);
    await page.waitForFunction(() => (window as unknown as { __toParent: string[] }).__toParent.length > 0);
    expect(await page.evaluate(() => (window as unknown as { __toParent: string[] }).__toParent)).toEqual(["ready"]);
    await page.evaluate((m) => (window as unknown as { __fromParent: (m: string) => void }).__fromParent(m), message);
    await page.locator("path.csp-ward").first().waitFor();
    expect(await page.locator("path.csp-ward").count()).toBe(26);
    expect(await page.locator("#csp-map-title").innerText()).toBe(
      "Domestic abuse crimes by ward (illustrative), Nov 18 – Oct 19 (Rate per 1,000 residents; quantile)",
    );
    expect(await page.locator("path.csp-ring").count()).toBe(3);
    expect(await page.getByRole("button", { name: "Enlarge map" }).isHidden()).toBe(true);
    await screenshot(page, "map-dialog");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});
