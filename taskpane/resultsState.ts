// What the pane shows of a run, and when it stops being true: results name the file they came
// from and when; a choice or a file changed afterwards marks them out of date; a failed run
// takes them down, so nothing on show (or offered for download) is of another file.
import { byId } from "./dom";

const DAY = new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "2-digit", year: "numeric" });
const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

/** "Results of sample.xlsx, computed on 08/12/2026 at 14:05." */
export function sourceLine(source: string, at: Date): string {
  return `Results of ${source}, computed on ${DAY.format(at)} at ${TIME.format(at)}.`;
}

/** Shows the results as current, names their source, and moves keyboard focus to their heading. */
export function showCurrent(source: string, at: Date): void {
  byId("csp-results-source").textContent = sourceLine(source, at);
  byId("csp-stale").hidden = true;
  byId("csp-results").hidden = false;
  byId("csp-results").removeAttribute("data-stale");
  byId("csp-results-heading").focus();
}

/** Takes the results down: a failed run leaves nothing of an earlier one on show or to download. */
export function clearResults(): void {
  byId("csp-results").hidden = true;
  byId("csp-download-row").hidden = true;
  byId<HTMLAnchorElement>("csp-download").removeAttribute("href");
  byId("csp-results-source").textContent = "";
  byId("csp-stale").hidden = true;
}

/** Marks results on show as out of date, until the next run. */
export function markStale(): void {
  const results = byId("csp-results");
  if (results.hidden) return;
  results.dataset.stale = "true";
  byId("csp-stale").hidden = false;
}

/** Every field and picker whose change makes shown results out of date. */
export function watchForChanges(ids: readonly string[]): void {
  for (const id of ids) {
    const field = byId(id);
    field.addEventListener("change", markStale);
    if (field instanceof HTMLInputElement && field.type === "text") field.addEventListener("input", markStale);
  }
}
