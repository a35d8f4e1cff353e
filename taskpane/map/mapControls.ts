import { el } from "../dom";
import type { MapModel } from "./mapModel";

// The map panel's own controls (layer, classes, hotspot outline, publication, coverage, basemap)
// and the nodes it lays out around the map, built from DOM nodes with text only.

/** Options of the map panel. */
export interface MapPanelOptions {
  /** Puts the map image into the workbook (Excel); without it the panel offers a PNG download. */
  readonly insertImage?: ((pngBase64: string) => Promise<void>) | null;
  /** Opens the enlarged view elsewhere (an Office dialog); without it the panel fills the window. */
  readonly enlarge?:
    ((state: { layer: string; method: string; hotspot: string; suppress: boolean; coverage: boolean }) => void) | null;
  /** Hides the Enlarge button (the panel is already the enlarged view). */
  readonly enlarged?: boolean;
}

const select = (
  id: string,
  label: string,
  options: [string, string][],
): { wrap: HTMLElement; input: HTMLSelectElement } => {
  const input = el("select", { attrs: { id } });
  for (const [value, text] of options) input.appendChild(el("option", { text, attrs: { value } }));
  return {
    wrap: el("label", {
      className: "csp-map-field",
      attrs: { for: id },
      children: [el("span", { text: label }), input],
    }),
    input,
  };
};

const checkbox = (id: string, label: string, checked = false): { wrap: HTMLElement; input: HTMLInputElement } => {
  const input = el("input", { attrs: { id, type: "checkbox" } });
  input.checked = checked;
  return {
    wrap: el("label", {
      className: "csp-map-check",
      attrs: { for: id },
      children: [input, el("span", { text: label })],
    }),
    input,
  };
};

const NOTHING_TO_MAP = (): HTMLElement =>
  el("p", {
    className: "csp-notice csp-notice-info",
    text: "This workbook has no ward table or located records, so there is nothing to map yet: add a sheet of ward counts or of records with coordinates or places.",
  });

/** The opt-in basemap: its switch, and the tile address and attribution an analyst gives. */
function basemapFields() {
  const basemap = checkbox("csp-map-basemap", "Basemap tiles (sends map requests to the tile server)");
  const tileUrl = el("input", {
    attrs: {
      id: "csp-map-tiles",
      type: "url",
      "aria-label": "Tile address",
      placeholder: "https://tile.example/{z}/{x}/{y}.png",
    },
  });
  const tileAttribution = el("input", {
    attrs: {
      id: "csp-map-tiles-attribution",
      type: "text",
      "aria-label": "Tile attribution",
      placeholder: "© the tile provider",
    },
  });
  return { basemap, tileUrl, tileAttribution };
}

/** The panel's fields and nodes, added to `root` in their order; the map goes in `mapNode`. */
export function mapControls(root: HTMLElement, model: MapModel, options: MapPanelOptions) {
  const layer = select(
    "csp-map-layer",
    "Layer",
    model.layers.map((l) => [
      l.id,
      `${l.title}${l.measure === "rate" ? ` (rate per 1,000${l.rateBase === "aged 10 to 17" ? " aged 10 to 17" : ""})` : ""}`,
    ]),
  );
  const method = select("csp-map-method", "Classes", [
    ["jenks", "Natural breaks (Jenks)"],
    ["quantile", "Quantile"],
    ["equal", "Equal interval"],
  ]);
  const hotspot = select("csp-map-hotspot", "Hotspot outline", [
    ["95", "Significant at 95%"],
    ["99", "Significant at 99%"],
    ["90", "Significant at 90%"],
    ["0", "None"],
  ]);
  const publication = checkbox("csp-map-publication", "Publication: show counts under 5 as <5");
  const coverage = checkbox("csp-map-coverage", "One Stop Shop coverage (2, 5, 10 km)");
  const { basemap, tileUrl, tileAttribution } = basemapFields();
  const enlarge = el("button", {
    className: "csp-secondary",
    text: "Enlarge map",
    attrs: { type: "button", id: "csp-map-enlarge", "aria-pressed": "false" },
  });
  const exportButton = el("button", {
    className: "csp-secondary",
    text: options.insertImage ? "Insert map into workbook" : "Download PNG",
    attrs: { type: "button", id: "csp-map-export" },
  });
  const controls = {
    layer: layer.input,
    method: method.input,
    hotspot: hotspot.input,
    publication: publication.input,
    coverage: coverage.input,
    basemap: basemap.input,
    tileUrl,
    tileAttribution,
  };

  const titleNode = el("p", { className: "csp-map-title", attrs: { id: "csp-map-title" } });
  const mapNode = el("div", {
    className: "csp-map",
    attrs: { id: "csp-map", role: "region", "aria-label": "Ward map" },
  });
  const coverageNode = el("div", { className: "csp-coverage", attrs: { id: "csp-coverage" } });
  root.append(
    el("div", {
      className: "csp-map-controls",
      children: [layer.wrap, method.wrap, hotspot.wrap, publication.wrap, coverage.wrap],
    }),
    titleNode,
    mapNode,
    el("div", { className: "csp-map-actions", children: [enlarge, exportButton] }),
    coverageNode,
    el("details", {
      className: "csp-map-basemap",
      children: [el("summary", { text: "Basemap (off)" }), basemap.wrap, tileUrl, tileAttribution],
    }),
  );
  if (model.layers.length === 0) root.insertBefore(NOTHING_TO_MAP(), mapNode);
  return {
    layer,
    method,
    hotspot,
    publication,
    coverage,
    basemap,
    enlarge,
    exportButton,
    mapNode,
    titleNode,
    coverageNode,
    controls,
  };
}
