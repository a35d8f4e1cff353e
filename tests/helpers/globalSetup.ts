import { setup } from "./sharedChromium";
import { reportRealData } from "./realDataFiles";

/** jest's global setup: say once which real-data suites are skipped (an error in CI), then start the run's Chromium. */
export default async function globalSetup(): Promise<void> {
  reportRealData();
  await setup();
}
