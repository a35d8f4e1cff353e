// The message a ribbon command could not show itself (it has no pane): taken from the address
// and shown as text, never as HTML.
import { byId } from "./dom";

byId("csp-notice-text").textContent =
  new URLSearchParams(window.location.search).get("message") ?? "Something went wrong.";
