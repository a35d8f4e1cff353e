import { mapDialogPieces, pieceAskedFor } from "../../taskpane/map/mapDialogMessage";
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
  it("says it is ready, asks for the layers piece by piece under messageChild's 64 kB, then draws them", async () => {
    const boundaries = builtBoundaries();
    const port = await WorkbookFile.fromBytes(new Uint8Array(await fs.readFile(SAMPLE)), "sample");
    const run = await runAssessment(port, { boundaries });
    const model = mapModel(boundaries, run.wards);
    const daLayer = model.layers.find((l) => l.title.startsWith("Domestic abuse") && l.measure === "rate")!;
    const pieces = mapDialogPieces(model, {
      layer: daLayer.id,
      method: "quantile",
      hotspot: "99",
      suppress: false,
      coverage: true,
    });
    // The sample's layers, the synthetic extract's emerging hotspots among them, take several pieces.
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) expect(Buffer.byteLength(piece, "utf8")).toBeLessThan(64 * 1024);

    const { page, external, errors } = await isolatedPage(chromium.browser(), { [OFFICE_JS]: OFFICE_DIALOG_STUB });
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.goto(`${chromium.url()}mapdialog.html?office=1`);
    // The pane's side: each piece sent when the dialog asks for it, as openMapDialog does.
    const toParent = () => page.evaluate(() => (window as unknown as { __toParent: string[] }).__toParent);
    for (let asked = 0; asked < pieces.length; asked += 1) {
      await page.waitForFunction((n) => (window as unknown as { __toParent: string[] }).__toParent.length > n, asked);
      const piece = pieceAskedFor((await toParent())[asked]);
      expect(piece).toBe(asked + 1);
      await page.evaluate(
        (m) => (window as unknown as { __fromParent: (m: string) => void }).__fromParent(m),
        pieces[(piece as number) - 1],
      );
    }
    expect(await toParent()).toEqual(["ready", ...pieces.slice(1).map((_, i) => `csp-map next ${i + 2}`)]);
    await page.locator("path.csp-ward").first().waitFor();
    expect(await page.locator("path.csp-ward").count()).toBe(26);
    expect(await page.locator("#csp-map-title").innerText()).toBe(
      "Domestic abuse crimes by ward (illustrative), Nov 18 – Oct 19 (Rate per 1,000 residents; quantile)",
    );
    expect(await page.locator("path.csp-ring").count()).toBe(3);
    expect(await page.getByRole("button", { name: "Enlarge map" }).isHidden()).toBe(true);
    expect(await page.locator("#csp-map-layer option").allInnerTexts()).toContain(
      "Police extract (synthetic): crime by ward: emerging hotspots",
    );
    await screenshot(page, "map-dialog");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});
