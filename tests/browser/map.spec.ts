import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { classify } from "../../geo";
import { builtBoundaries } from "../helpers/boundaries";
import { isolatedPage, openMapOf, pickBoundaries, screenshot } from "../helpers/browser";
import { useBrowser } from "../helpers/useBrowser";
import { itReal } from "../helpers/realData";

const chromium = useBrowser();

const computeAndOpenMap = (page: Page, file?: string): Promise<void> => openMapOf(page, chromium.url(), file);

const fills = (page: Page) =>
  page.locator("path.csp-ward").evaluateAll((paths) => paths.map((p) => p.getAttribute("fill")));

describe("the ward map", () => {
  it("draws one shape per ward, switches layers, matches the legend to the class breaks, shows values on hover and credits the boundaries", async () => {
    const { page, external, errors } = await isolatedPage(chromium.browser());
    await computeAndOpenMap(page);
    expect(await page.locator("path.csp-ward").count()).toBe(26);
    expect(await page.locator('path.csp-ward[aria-label^="High Street:"]').count()).toBe(1);

    const layers = await page.locator("#csp-map-layer option").allInnerTexts();
    expect(layers).toEqual([
      "Young offenders by ward",
      "Young offenders by ward (rate per 1,000 aged 10 to 17)",
      "Domestic abuse crimes by ward (illustrative)",
      "Domestic abuse crimes by ward (illustrative) (rate per 1,000)",
      "Police extract (synthetic): crime by ward",
      "Police extract (synthetic): crime by ward (rate per 1,000)",
      "Police extract (synthetic): crime by ward: emerging hotspots",
      "Police extract (synthetic): domestic abuse by ward",
      "Police extract (synthetic): domestic abuse by ward (rate per 1,000)",
      "Town Centre team: all crime by ward",
      "Town Centre team: all crime by ward (rate per 1,000)",
      "Needle find locations",
      "Needle find locations (rate per 1,000)",
    ]);
    const youth = await fills(page);
    await page.selectOption("#csp-map-layer", { label: "Domestic abuse crimes by ward (illustrative)" });
    const da = await fills(page);
    expect(da).not.toEqual(youth);
    expect(await page.locator("#csp-map-title").innerText()).toBe(
      "Domestic abuse crimes by ward (illustrative), Nov 18 – Oct 19 (Count; natural breaks (Jenks))",
    );

    const daCounts = [
      420, 260, 200, 170, 150, 140, 135, 120, 103, 98, 90, 84, 76, 72, 70, 64, 62, 58, 52, 50, 48, 46, 44, 36, 34, 30,
    ];
    const breaks = classify(daCounts, 5, "jenks").breaks;
    expect(breaks).toEqual([30, 64, 103, 170, 260, 420]);
    const legend = await page.locator("#csp-map-legend .csp-legend-row").allInnerTexts();
    // Counts are whole: each class above a break starts at the next whole number.
    expect(legend.slice(0, 5)).toEqual(["30 – 64", "65 – 103", "104 – 170", "171 – 260", "261 – 420"]);
    expect(legend).toContain("no data");
    expect(legend).toContain("Gi* hotspot (95%)");
    expect(await page.locator("path.csp-hotspot").count()).toBeGreaterThan(0);

    await page.selectOption("#csp-map-method", "quantile");
    expect(await page.locator("#csp-map-legend strong").innerText()).toBe("Count, quantile");

    await page.locator('path.csp-ward[data-code="E05005002"]').hover();
    const info = await page.locator("#csp-map-info").innerText();
    expect(info).toContain("Park Wood");
    expect(info).toContain("Count: 260");
    expect(info).toContain("Rank: 2 of 26");

    expect(await page.locator(".leaflet-control-attribution").innerText()).toContain(
      "Source: Office for National Statistics licensed under the Open Government Licence v.3.0",
    );
    await page.check("#csp-map-coverage");
    expect(await page.locator("path.csp-ring").count()).toBe(3);
    expect(await page.locator("#csp-coverage").innerText()).toMatch(/within 2 km of Salvation Army, Union Street/);
    await screenshot(page, "map-domestic-abuse");

    await page.selectOption("#csp-map-layer", { label: "Young offenders by ward" });
    await page.check("#csp-map-publication");
    expect(await page.locator("#csp-map-legend").innerText()).toContain("<5");
    await page.locator('path.csp-ward[data-code="E05004996"]').hover();
    expect(await page.locator("#csp-map-info").innerText()).toContain("Count: <5");
    // The Town Centre team's wards from the extract: High Street's count after the start, others no data.
    await page.selectOption("#csp-map-layer", { label: "Town Centre team: all crime by ward" });
    await page.mouse.move(0, 0);
    await page.locator('path.csp-ward[data-code="E05004996"]').hover();
    expect(await page.locator("#csp-map-info").innerText()).toMatch(/High Street[\s\S]*Count: 1,0\d\d/);
    await screenshot(page, "map-town-centre-team");
    await page.selectOption("#csp-map-layer", { label: "Needle find locations" });
    expect(await page.locator("path.csp-point").count()).toBe(4);
    await screenshot(page, "map-needle-finds");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download PNG" }).click();
    // The run's one Chromium is shared over a connection, so the download is saved here rather than read in place.
    const saved = path.join(os.tmpdir(), `csp-map-${process.pid}.png`);
    await (await download).saveAs(saved);
    const png = await fs.readFile(saved);
    await fs.rm(saved, { force: true });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(20000);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it("shows hostile ward and place labels as text and runs nothing", async () => {
    const wb = new ExcelJS.Workbook();
    const wards = wb.addWorksheet("Ward counts");
    wards.addRow(["Ward", "2019"]);
    for (const [ward, n] of [
      ["High Street", 40],
      ["Park Wood", 20],
      ["North", 15],
      ["<img src=x onerror=alert('ward')>", 9],
    ] as const)
      wards.addRow([ward, n]);
    const places = wb.addWorksheet("Places");
    places.addRow(["Place", "Latitude", "Longitude"]);
    places.addRow(["<svg onload=alert('place')>", 51.273, 0.5185]);
    const points = wb.addWorksheet("Finds");
    points.addRow(["Location", "Count"]);
    points.addRow(["<svg onload=alert('place')>", 12]);
    const file = path.join(os.tmpdir(), `csp-map-xss-${process.pid}.xlsx`);
    await wb.xlsx.writeFile(file);
    const { page, external, errors, dialogs } = await isolatedPage(chromium.browser());
    await computeAndOpenMap(page, file);
    expect(await page.locator("#csp-findings").innerText()).toContain(
      `"<img src=x onerror=alert('ward')>" is not a ward of these boundaries`,
    );
    await page.selectOption("#csp-map-layer", { label: "Finds" });
    await page.locator("path.csp-point").first().hover();
    expect(await page.locator("#csp-map-info").innerText()).toContain("<svg onload=alert('place')>");
    expect(await page.locator("#csp-map-root svg svg, #csp-map-root img:not(.leaflet-tile)").count()).toBe(0);
    await screenshot(page, "map-hostile-labels");
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await fs.rm(file);
    await page.close();
  });

  it("leaves the basemap off and fetches no tiles unless asked", async () => {
    const { page, external } = await isolatedPage(chromium.browser());
    await computeAndOpenMap(page);
    expect(await page.locator(".leaflet-tile").count()).toBe(0);
    expect(external).toEqual([]);
    await page.close();
  });
});

describe("the map's lifecycle", () => {
  it("takes each map down before the next: 20 computes and maps leave the page's nodes and listeners bounded", async () => {
    // A workbook of the sample's wards with a ward table and a sheet of located points: both
    // kinds of layer a map draws, computed in a fraction of the sample's time.
    const wards = builtBoundaries().wards;
    const wb = new ExcelJS.Workbook();
    const table = wb.addWorksheet("Crime by ward");
    table.addRow(["Ward", "2018/19", "2019/20"]);
    wards.forEach((w, i) => table.addRow([w.name, 20 + ((i * 7) % 30), 25 + ((i * 11) % 30)]));
    const finds = wb.addWorksheet("Needle finds");
    finds.addRow(["Reference", "Latitude", "Longitude"]);
    wards.forEach((w, i) => finds.addRow([`F${i}`, (w.bbox[1] + w.bbox[3]) / 2, (w.bbox[0] + w.bbox[2]) / 2]));
    const file = path.join(os.tmpdir(), `csp-map-lifecycle-${process.pid}.xlsx`);
    await wb.xlsx.writeFile(file);
    const { page, errors } = await isolatedPage(chromium.browser());
    await computeAndOpenMap(page, file);
    expect(await page.locator("#csp-map-layer option").allInnerTexts()).toEqual(["Crime by ward", "Needle finds"]);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const measure = async (): Promise<{ nodes: number; listeners: number }> => {
      await cdp.send("HeapProfiler.collectGarbage");
      const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
      const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? NaN;
      return { nodes: metric("Nodes"), listeners: metric("JSEventListeners") };
    };
    const seen: { nodes: number; listeners: number }[] = [];
    for (let i = 0; i < 20; i += 1) {
      await page.getByRole("button", { name: "Compute assessment" }).click();
      await page.getByRole("button", { name: "Open map" }).waitFor({ state: "visible", timeout: 30000 });
      await page.getByText("Done. The results workbook is ready to download.").waitFor({ timeout: 30000 });
      await page.getByRole("button", { name: "Open map" }).click();
      await page.locator("path.csp-ward").first().waitFor({ timeout: 20000 });
      // One map at a time: the earlier one is gone, not hidden.
      expect(await page.locator(".leaflet-container").count()).toBe(1);
      seen.push(await measure());
    }
    const [early, late] = [seen[4], seen[19]];
    expect(Number.isFinite(early.nodes) && Number.isFinite(early.listeners)).toBe(true);
    // Bounded: no growth from map to map (a map left behind adds about 285 nodes and 52 listeners).
    expect(late.nodes).toBeLessThanOrEqual(early.nodes + 50);
    expect(late.listeners).toBeLessThanOrEqual(early.listeners + 10);
    expect(errors).toEqual([]);
    await page.close();
    await fs.rm(file, { force: true });
  }, 240000);
});

describe("boundaries the analyst loads", () => {
  itReal("draws the wards of a zipped Shapefile picked in the pane (the 22 wards from 2024)", async () => {
    const { readFileSync } = await import("node:fs");
    const { SHARED_GEO } = await import("../helpers/boundaries");
    const { zippedShapefile } = await import("../helpers/shapefile");
    const geojson = JSON.parse(readFileSync(path.join(SHARED_GEO, "maidstone-wards-2024.geojson"), "utf8"));
    const features = geojson.features.map(
      (f: { properties: { code: string; name: string }; geometry: { coordinates: number[][][] } }) => ({
        code: f.properties.code,
        name: f.properties.name,
        geometry: { type: "Polygon", coordinates: f.geometry.coordinates.map((r) => [...r].reverse()) },
      }),
    );
    const zip = path.join(os.tmpdir(), `csp-wards-2024-${process.pid}.zip`);
    await fs.writeFile(zip, await zippedShapefile(features, { code: "WD24CD", name: "WD24NM" }));
    const { page, external, errors } = await isolatedPage(chromium.browser());
    await page.goto(`${chromium.url()}taskpane.html`);
    await pickBoundaries(page, zip);
    await page.getByRole("button", { name: "Compute assessment" }).click();
    await page.getByText("Done. The results workbook is ready to download.").waitFor({ timeout: 30000 });
    await page.getByRole("button", { name: "Open map" }).click();
    await page.locator("path.csp-ward").first().waitFor();
    expect(await page.locator("path.csp-ward").count()).toBe(22);
    expect(await page.locator('path.csp-ward[aria-label^="Marden & Yalding:"]').count()).toBe(1);
    await screenshot(page, "map-own-boundaries-2024");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await fs.rm(zip);
    await page.close();
  });
});
