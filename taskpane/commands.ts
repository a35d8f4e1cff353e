/// <reference types="office-js" />
import { excelRunner } from "./officeHost";

/** The ribbon's Compute assessment button: the same job as the pane, without opening it. */
async function computeAssessment(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const [{ runAssessment }, { OfficeWorkbook }] = await Promise.all([
      import("../src/job"),
      import("../src/adapters/office"),
    ]);
    // Ward layers need the analyst's own boundaries, picked in the pane: no borough's wards are a default.
    await runAssessment(new OfficeWorkbook(excelRunner), {});
  } catch (error) {
    // A ribbon command has no pane of its own: say what happened in a small dialog.
    const url = new URL(`notice.html?message=${encodeURIComponent((error as Error).message)}`, window.location.href)
      .href;
    Office.context.ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true });
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("computeAssessment", computeAssessment);
});
