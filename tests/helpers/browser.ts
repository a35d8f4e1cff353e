import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserServer, type Page, chromium } from "playwright-core";
import { packageRoot } from "../../src/adapters/node/packageRoot";
import { type StaticServer, serveFolder } from "../../src/cli/staticServer";

/** Debian's Chromium, which .ci/run installs with apt-get (Playwright cannot download browsers here). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const WEB_ROOT = path.join(packageRoot(), "dist", "web");
export const SCREENSHOTS = path.join(packageRoot(), "out", "screenshots");

/** The flags this closed network needs: no background requests, no sandbox as root, no GPU. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Where the run's shared Chromium listens (set by tests/helpers/sharedChromium). */
export const SHARED_CHROMIUM = "CSP_TEST_CHROMIUM_ENDPOINT";

/** Whether Debian's Chromium is there to start. */
export const hasChromium = (): boolean => existsSync(CHROMIUM);

/** Starts Chromium headless as a server that every test process of the run connects to. */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * The run's Chromium: the shared one when the run started it, else one started here headless
 * with the flags this closed network needs.
 */
export async function launchChromium(): Promise<Browser> {
  if (!hasChromium())
    throw new Error(`browser tests need Chromium at ${CHROMIUM} (apt-get install chromium), or CHROMIUM_PATH`);
  if (!existsSync(path.join(WEB_ROOT, "taskpane.html")))
    throw new Error("the task pane is not built: run npm run build:web");
  const shared = process.env[SHARED_CHROMIUM];
  return shared ? chromium.connect(shared) : chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Serves the built pages on loopback. */
export function serveWeb(): Promise<StaticServer> {
  return serveFolder(WEB_ROOT);
}

/** A page whose requests to any host but this machine are refused and recorded (stubbed URLs excepted). */
export async function isolatedPage(
  browser: Browser,
  stubs: Record<string, string> = {},
): Promise<{ page: Page; external: string[]; errors: string[]; dialogs: string[] }> {
  const page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "en-GB", acceptDownloads: true });
  const external: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    const stub = stubs[url];
    if (stub !== undefined) return route.fulfill({ status: 200, contentType: "text/javascript", body: stub });
    const { hostname, protocol } = new URL(url);
    if (protocol === "data:" || protocol === "blob:" || hostname === "localhost" || hostname === "127.0.0.1")
      return route.continue();
    external.push(url);
    return route.abort();
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { page, external, errors, dialogs };
}

/** Saves a full-page screenshot as a test artefact. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The sample's own wards (Maidstone's), which a picked file of Maidstone's data is mapped on. */
export const SAMPLE_WARDS_FILE = path.join(packageRoot(), "build", "geo", "wards.topo.json");

/** Picks ward boundary files in the pane, as an analyst gives their own wards. */
export async function pickBoundaries(page: Page, files: string | string[] = SAMPLE_WARDS_FILE): Promise<void> {
  await page.locator("details.csp-boundaries > summary", { hasText: "Ward boundaries" }).click();
  await page.getByLabel(/Your wards' boundaries/).setInputFiles(files);
}

/**
 * The pane computed and its map opened: the sample by default, or a picked workbook mapped on the
 * sample's wards (the analyst's own boundaries are always picked with a workbook).
 */
export async function openMapOf(page: Page, url: string, file?: string): Promise<void> {
  await page.goto(`${url}taskpane.html`);
  if (file) {
    await page.getByLabel("Workbook").setInputFiles(file);
    await pickBoundaries(page);
  }
  await page.getByRole("button", { name: "Compute assessment" }).click();
  await page.getByText("Done. The results workbook is ready to download.").waitFor({ timeout: 30000 });
  await page.getByRole("button", { name: "Open map" }).click();
  await page.locator("path.csp-ward").first().waitFor({ timeout: 20000 });
}
