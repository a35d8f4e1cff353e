// jest's global setup and teardown: one Chromium for the whole run, which every browser spec,
// in every worker, connects to (tests/helpers/browser `launchChromium`), rather than one each.
import type { BrowserServer } from "playwright-core";
import { SHARED_CHROMIUM, hasChromium, launchChromiumServer } from "./browser";

// Kept on the global object: jest documents it, not a module's state, as what global setup
// hands to global teardown.
const holder = globalThis as { cspTestChromium?: BrowserServer };

/** Starts the shared Chromium when there is one to start; without it the specs say what is missing. */
export async function setup(): Promise<void> {
  if (!hasChromium()) return;
  holder.cspTestChromium = await launchChromiumServer();
  // Workers start after global setup, so they inherit the endpoint.
  process.env[SHARED_CHROMIUM] = holder.cspTestChromium.wsEndpoint();
}

export async function teardown(): Promise<void> {
  await holder.cspTestChromium?.close();
}
