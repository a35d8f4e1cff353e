/// <reference types="office-js" />
import { excelRunner } from "./officeHost";

/** The ribbon's Compute assessment button: the same job as the pane, without opening it. */
async function computeAssessment(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const [{ runAssessment }, { OfficeWorkbook }, boundaries] = await Promise.all([
      import("../src/job"),
      import("../src/adapters/office"),
      import(/* webpackChunkName: "job" */ "./boundariesAsset").then((m) => m.fetchBoundaries()).catch(() => null),
    ]);
    await runAssessment(new OfficeWorkbook(excelRunner), { boundaries });
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("computeAssessment", computeAssessment);
});
