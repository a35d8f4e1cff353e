/// <reference types="office-js" />
import { excelRunner, rememberedChoices } from "./officeHost";

/** Says what the ribbon did not do, in a small dialog (a ribbon command has no pane of its own). */
function showNotice(message: string, kind: "error" | "info"): void {
  const url = new URL(`notice.html?kind=${kind}&message=${encodeURIComponent(message)}`, window.location.href).href;
  Office.context.ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true });
}

/**
 * The ribbon's Compute assessment button: the same job as the pane, without opening it, on the
 * choices the pane saved in this workbook and the boundaries and population kept with it.
 */
async function computeAssessment(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const [{ runAssessment }, { OfficeWorkbook, KeptXmlPart }, kept, choices, { unmappedWardTables }, home] =
      await Promise.all([
        import("../src/job/runAssessment"),
        import("../src/adapters/office"),
        import("./keptInputs"),
        import("./runChoices"),
        import("../src/core/assessment"),
        import("../src/core/homeArea"),
      ]);
    const part = await new KeptXmlPart(excelRunner, kept.KEPT_INPUTS_NAMESPACE).read();
    const inputs = part ? kept.parseKeptInputs(part) : { boundaries: null, population: null, problems: [] };
    const run = await runAssessment(new OfficeWorkbook(excelRunner), {
      ...choices.optionsOf(choices.completeChoices(choices.parseChoices(rememberedChoices()))),
      boundaries: inputs.boundaries?.value ?? null,
      population: inputs.population,
      source: "This workbook",
    });
    const left: string[] = [...inputs.problems];
    const unmatched = home.unmatchedHomeArea(run.assessment);
    if (unmatched) left.push(`the home area's standing, as the home area ${home.unmatchedHomeAreaWords(unmatched)}`);
    const unmapped = run.wards ? [] : unmappedWardTables(run.assessment);
    if (unmapped.length > 0)
      left.push(
        `ward layers for ${unmapped.join(", ")}, as no ward boundaries are kept with this workbook (pick them in the CSP Assess pane and compute there once)`,
      );
    if (left.length > 0) showNotice(`The CSP sheets are computed, but without ${left.join("; and ")}.`, "info");
  } catch (error) {
    showNotice((error as Error).message, "error");
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("computeAssessment", computeAssessment);
});
