// The emerging-hotspot layer in the pane's map: a made-up ward table of five years on the sample's
// wards, where the wards round one of them grow year on year, picked and computed in the page.
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { emergingHotspots, emergingLabel } from "../../geo";
import { builtBoundaries } from "../helpers/boundaries";
import { isolatedPage, openMapOf, screenshot } from "../helpers/browser";
import { useBrowser } from "../helpers/useBrowser";

const chromium = useBrowser();
const YEARS = ["2016/17", "2017/18", "2018/19", "2019/20", "2020/21"];

describe("emerging hotspots on the map", () => {
  it("offers a layer of each ward's pattern, coloured by pattern, with its legend and hover text", async () => {
    const boundaries = builtBoundaries();
    const centre = boundaries.wards.findIndex((w) => w.name === "High Street");
    const cluster = new Set([centre, ...boundaries.neighbours[centre]]);
    // 40 a year everywhere; the cluster grows from 40 to 200 over the five years.
    const periods = YEARS.map((_, y) => boundaries.wards.map((_, i) => (cluster.has(i) ? 40 + 40 * y : 40)));
    const expected = emergingHotspots(periods, boundaries.neighbours).map(emergingLabel);
    expect(expected[centre]).toMatch(/hot spot$/);

    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-emerging-"));
    const file = path.join(dir, "wards-by-year.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Crime by ward");
    ws.addRow(["All crime by ward"]);
    ws.addRow([]);
    ws.addRow(["Ward", ...YEARS]);
    boundaries.wards.forEach((w, i) => ws.addRow([w.name, ...periods.map((p) => p[i])]));
    await wb.xlsx.writeFile(file);

    const { page, external, errors } = await isolatedPage(chromium.browser());
    await openMapOf(page, chromium.url(), file);
    const options = await page.locator("#csp-map-layer option").allInnerTexts();
    expect(options).toContain("All crime by ward: emerging hotspots");
    await page.locator("#csp-map-layer").selectOption({ label: "All crime by ward: emerging hotspots" });
    const legend = await page.locator(".csp-map-legend").innerText();
    for (const pattern of new Set(expected.filter((p) => p !== "No pattern"))) expect(legend).toContain(pattern);
    expect(await page.locator(`path.csp-ward[aria-label="High Street: ${expected[centre]}"]`).count()).toBe(1);
    await page.locator('path.csp-ward[aria-label^="High Street:"]').hover();
    await expect(page.locator(".csp-map-info").innerText()).resolves.toContain(`Emerging: ${expected[centre]}`);
    await screenshot(page, "map-emerging-hotspots");
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
    await fs.rm(dir, { recursive: true, force: true });
  });
});
