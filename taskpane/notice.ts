// The message a ribbon command could not show itself (it has no pane): taken from the address
// and shown as text, never as HTML. An error left the workbook as it was; a note says what a
// finished run left out.
import { byId } from "./dom";

const params = new URLSearchParams(window.location.search);
byId("csp-notice-text").textContent = params.get("message") ?? "Something went wrong.";
if (params.get("kind") === "info") {
  byId("csp-notice-box").className = "csp-notice csp-notice-info";
  byId("csp-notice-hint").textContent =
    "Your own sheets were not changed. Open the CSP Assess pane to see the results, and to give what was left out.";
}
