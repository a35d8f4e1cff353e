import type { Browser } from "playwright-core";
import type { StaticServer } from "../../src/cli/staticServer";
import { launchChromium, serveWeb } from "./browser";

/**
 * Starts Chromium and the page server before a spec's tests and stops them after; the returned
 * getters give the running pair.
 */
export function useBrowser(): { browser: () => Browser; url: () => string } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveWeb()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { browser: () => browser as Browser, url: () => (server as StaticServer).url };
}
