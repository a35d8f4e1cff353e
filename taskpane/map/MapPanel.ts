import * as L from "leaflet";
import type { ClassMethod } from "../../geo/classify";
import { COVERAGE_RADII_KM } from "../../geo/serviceLocation";
import { clear, el } from "../dom";
import { escapeHtml } from "./escapeHtml";
import type { MapLayerChoice, MapModel } from "./mapModel";
import { mapPng } from "./mapPng";
import type { MapState } from "./mapState";
import {
  HOTSPOT_LEVELS,
  METHOD_NAMES,
  classesFor,
  emergingColour,
  emergingLegend,
  legendRows,
  shownValue,
  wardColour,
} from "../../geo/wardStyle";

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

/**
 * The ward hotspot map: a Leaflet choropleth of the workbook's ward layers drawn as SVG paths
 * (one per ward, labelled for screen readers), with a legend and hover box built from DOM nodes
 * (text only), Gi* hotspot outlines, One Stop Shop coverage rings, an optional basemap (off by
 * default) and a PNG export.
 */
export class MapPanel {
  private readonly map: L.Map;
  private readonly wardsLayer: L.GeoJSON;
  private readonly overlay = L.layerGroup();
  private readonly info: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly titleNode: HTMLElement;
  private readonly coverageNode: HTMLElement;
  private readonly controls;
  private tiles: L.TileLayer | null = null;
  private wardElements: SVGPathElement[] = [];
  state!: MapState;
  readonly renderMs: number;

  constructor(
    private readonly root: HTMLElement,
    private readonly model: MapModel,
    private readonly options: MapPanelOptions = {},
  ) {
    const started = performance.now();
    clear(root);
    root.classList.add("csp-map-panel");
    const layer = select(
      "csp-map-layer",
      "Layer",
      model.layers.map((l) => [l.id, `${l.title}${l.measure === "rate" ? " (rate per 1,000)" : ""}`]),
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
    this.controls = {
      layer: layer.input,
      method: method.input,
      hotspot: hotspot.input,
      publication: publication.input,
      coverage: coverage.input,
      basemap: basemap.input,
      tileUrl,
      tileAttribution,
    };

    this.titleNode = el("p", { className: "csp-map-title", attrs: { id: "csp-map-title" } });
    const mapNode = el("div", {
      className: "csp-map",
      attrs: { id: "csp-map", role: "region", "aria-label": "Ward map" },
    });
    this.coverageNode = el("div", { className: "csp-coverage", attrs: { id: "csp-coverage" } });
    root.append(
      el("div", {
        className: "csp-map-controls",
        children: [layer.wrap, method.wrap, hotspot.wrap, publication.wrap, coverage.wrap],
      }),
      this.titleNode,
      mapNode,
      el("div", { className: "csp-map-actions", children: [enlarge, exportButton] }),
      this.coverageNode,
      el("details", {
        className: "csp-map-basemap",
        children: [el("summary", { text: "Basemap (off)" }), basemap.wrap, tileUrl, tileAttribution],
      }),
    );
    if (model.layers.length === 0) {
      root.insertBefore(
        el("p", {
          className: "csp-notice csp-notice-info",
          text: "This workbook has no ward table or located records, so there is nothing to map yet: add a sheet of ward counts or of records with coordinates or places.",
        }),
        mapNode,
      );
    }

    // Padding keeps the 10 km coverage ring whole when it reaches past the view.
    this.map = L.map(mapNode, { zoomSnap: 0.25, attributionControl: true, renderer: L.svg({ padding: 1 }) });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution(escapeHtml(model.attribution));
    this.info = this.addControl("topright", "csp-map-info", { attrs: { id: "csp-map-info", "aria-live": "polite" } });
    this.legend = this.addControl("bottomright", "csp-map-legend", { attrs: { id: "csp-map-legend" } });
    this.wardsLayer = L.geoJSON(model.wards as never, {
      style: () => ({ color: "#ffffff", weight: 1, fillOpacity: 0.85, className: "csp-ward" }),
      onEachFeature: (_feature, wardLayer) => {
        wardLayer.on({
          mouseover: (e) =>
            this.hover(
              model.wards.findIndex((w) => w === (e.target as L.Polygon).feature),
              e.target as L.Path,
            ),
          mouseout: (e) => this.unhover(e.target as L.Path),
        });
      },
    });
    // Leaflet creates the SVG paths only once the map has a view, so set it first.
    this.map.fitBounds(this.wardsLayer.getBounds(), { padding: [8, 8] });
    this.wardsLayer.addTo(this.map);
    this.overlay.addTo(this.map);
    this.wardElements = (this.wardsLayer.getLayers() as L.Path[]).map((p, i) => {
      const path = p.getElement() as SVGPathElement;
      path.setAttribute("data-code", model.wards[i].properties.code);
      path.setAttribute("role", "img");
      return path;
    });

    for (const input of [layer.input, method.input, hotspot.input, publication.input, coverage.input])
      input.addEventListener("change", () => this.render());
    basemap.input.addEventListener("change", () => this.setBasemap());
    if (options.enlarged) enlarge.hidden = true;
    enlarge.addEventListener("click", () => {
      if (options.enlarge) {
        const c = this.controls;
        options.enlarge({
          layer: c.layer.value,
          method: c.method.value,
          hotspot: c.hotspot.value,
          suppress: c.publication.checked,
          coverage: c.coverage.checked,
        });
        return;
      }
      const on = !root.classList.contains("csp-map-enlarged");
      root.classList.toggle("csp-map-enlarged", on);
      enlarge.textContent = on ? "Back to the pane" : "Enlarge map";
      enlarge.setAttribute("aria-pressed", String(on));
      this.map.invalidateSize();
    });
    exportButton.addEventListener("click", () => void this.exportImage());
    this.render();
    this.renderMs = performance.now() - started;
    root.dataset.renderMs = this.renderMs.toFixed(1);
  }

  /**
   * A control of our own DOM nodes (text only), as Leaflet's control idiom has it: `onAdd` gives
   * its node, `onRemove` empties it. It adds no map listeners, so there are none to take off.
   */
  private addControl(position: L.ControlPosition, className: string, options: Parameters<typeof el>[1]): HTMLElement {
    const node = el("div", { className: `leaflet-control ${className}`, ...options });
    const Control = L.Control.extend({ onAdd: () => node, onRemove: () => clear(node) });
    new Control({ position }).addTo(this.map);
    return node;
  }

  /**
   * Takes the map down as Leaflet's lifecycle asks: tiles, layers and controls removed (each
   * control's `onRemove`), the map's own listeners off (`map.remove()`), and the panel's nodes,
   * with the listeners on them, gone from the page. Call before drawing another map in `root`.
   */
  remove(): void {
    this.tiles?.remove();
    this.tiles = null;
    this.overlay.clearLayers();
    this.map.remove();
    this.wardElements = [];
    clear(this.root);
    this.root.classList.remove("csp-map-panel", "csp-map-enlarged");
  }

  private current(): MapLayerChoice | null {
    return this.model.layers.find((l) => l.id === this.controls.layer.value) ?? this.model.layers[0] ?? null;
  }

  /** Redraws fills, hotspot outlines, points, coverage, title and legend from the controls. */
  render(): void {
    const layer = this.current();
    const method = this.controls.method.value as ClassMethod;
    const suppress = this.controls.publication.checked;
    const level = Number(this.controls.hotspot.value);
    const values = layer?.values ?? this.model.wards.map(() => null);
    // An emerging-hotspot layer is coloured by each ward's pattern, not classed.
    const patterns = layer?.measure === "emerging" ? (layer.patterns ?? []) : null;
    const measure = layer?.measure === "rate" ? "rate" : "count";
    const classes = patterns ? null : classesFor(values, method);
    const colours = patterns ? patterns.map(emergingColour) : values.map((v) => wardColour(v, classes));
    const hotspotWards =
      layer && !patterns
        ? layer.hotspots
            .map((band, i) => (HOTSPOT_LEVELS[level].includes(band) && layer.counts[i] !== null ? i : -1))
            .filter((i) => i >= 0)
        : [];
    (this.wardsLayer.getLayers() as L.Path[]).forEach((path, i) => {
      path.setStyle({ fillColor: colours[i], color: "#ffffff", weight: 1 });
      const ward = this.model.wards[i].properties;
      this.wardElements[i]?.setAttribute(
        "aria-label",
        `${ward.name}: ${patterns ? (patterns[i] ?? "no data") : shownValue(values[i], measure, suppress)}`,
      );
      this.wardElements[i]?.setAttribute("fill", colours[i]);
    });

    this.overlay.clearLayers();
    for (const i of hotspotWards) {
      L.geoJSON(this.model.wards[i] as never, {
        style: { fill: false, color: "#000000", weight: 3.5, className: "csp-hotspot" },
        interactive: false,
      }).addTo(this.overlay);
    }
    const maxWeight = Math.max(1, ...(layer?.points ?? []).map((p) => p.weight));
    for (const p of layer?.points ?? []) {
      const marker = L.circleMarker([p.latitude, p.longitude], {
        radius: 3 + 2 * Math.sqrt(p.weight / maxWeight) * 6,
        color: "#313695",
        weight: 1,
        fillOpacity: 0.55,
        className: "csp-point",
      });
      marker.on("mouseover", () =>
        this.showInfo(p.label, [`${shownValue(p.weight, "count", suppress)} at this place`]),
      );
      marker.on("mouseout", () => this.showInfo(null, []));
      marker.addTo(this.overlay);
    }
    const showCoverage = this.controls.coverage.checked;
    if (showCoverage) {
      for (const site of this.model.sites) {
        for (const km of COVERAGE_RADII_KM) {
          L.circle([site.latitude, site.longitude], {
            radius: km * 1000,
            fill: false,
            color: "#1f4e79",
            weight: 1.5,
            dashArray: "6 4",
            className: "csp-ring",
            interactive: false,
          }).addTo(this.overlay);
        }
        const marker = L.circleMarker([site.latitude, site.longitude], {
          radius: 7,
          color: "#ffffff",
          weight: 2,
          fillColor: "#1f4e79",
          fillOpacity: 1,
          className: "csp-site",
        });
        marker.on("mouseover", () => this.showInfo(site.name, ["One Stop Shop (service site)"]));
        marker.on("mouseout", () => this.showInfo(null, []));
        marker.addTo(this.overlay);
      }
    }

    const measureWords = measure === "rate" ? "rate per 1,000 residents" : "count";
    const title = layer ? `${layer.title}${layer.period ? `, ${layer.period}` : ""}` : "No ward data in this workbook";
    const subtitle = !layer
      ? ""
      : patterns
        ? "Gi* hot and cold spots in each period, classed as Esri's Emerging Hot Spot Analysis classes them"
        : `${measureWords[0].toUpperCase()}${measureWords.slice(1)}; ${METHOD_NAMES[method]}${suppress ? "; counts under 5 shown as <5" : ""}`;
    const legendTitle = !layer
      ? "No data"
      : patterns
        ? "Emerging pattern"
        : measure === "rate"
          ? "Rate per 1,000"
          : "Count";
    const legend = patterns ? emergingLegend(patterns) : legendRows(classes, measure, suppress);
    this.titleNode.textContent = subtitle ? `${title} (${subtitle})` : title;
    clear(this.legend);
    this.legend.appendChild(
      el("strong", { text: layer && !patterns ? `${legendTitle}, ${METHOD_NAMES[method]}` : legendTitle }),
    );
    for (const row of legend) {
      const swatch = el("span", { className: "csp-swatch" });
      swatch.style.background = row.colour;
      this.legend.appendChild(
        el("div", { className: "csp-legend-row", children: [swatch, el("span", { text: row.label })] }),
      );
    }
    if (hotspotWards.length > 0)
      this.legend.appendChild(
        el("div", {
          className: "csp-legend-row",
          children: [
            el("span", { className: "csp-swatch csp-swatch-hotspot" }),
            el("span", { text: `Gi* hotspot (${level}%)` }),
          ],
        }),
      );
    this.showInfo(null, []);
    this.renderCoverage(layer, showCoverage);
    this.state = {
      model: this.model,
      layer,
      classes,
      colours,
      hotspotWards,
      hotspotLevel: level,
      suppress,
      showCoverage,
      maxWeight,
      title,
      subtitle,
      legendTitle,
      legend,
    };
  }

  private renderCoverage(layer: MapLayerChoice | null, shown: boolean): void {
    clear(this.coverageNode);
    const coverage = layer?.coverage;
    if (shown && layer && this.model.sites.length === 0) {
      this.coverageNode.appendChild(
        el("p", {
          text: "No One Stop Shop sites are given: add a Sites sheet (Name, Latitude, Longitude) to see coverage.",
        }),
      );
      return;
    }
    if (!shown || !coverage) return;
    this.coverageNode.appendChild(el("h3", { text: `One Stop Shop coverage of ${layer?.title ?? "this layer"}` }));
    this.coverageNode.appendChild(
      el("ul", {
        children: coverage.shareWithin.map((s) =>
          el("li", {
            text: `${(s.share * 100).toFixed(1)}% within ${s.km} km of ${this.model.sites.map((x) => x.name).join(", ")}`,
          }),
        ),
      }),
    );
    if (coverage.suggestions.length > 0) {
      this.coverageNode.appendChild(el("p", { text: `Best additional sites (within ${coverage.radiusKm} km):` }));
      this.coverageNode.appendChild(
        el("ol", {
          children: coverage.suggestions.map((s) =>
            el("li", {
              text: `${s.site.name}: +${(s.adds * 100).toFixed(1)}% (${(s.cumulative * 100).toFixed(1)}% in all)`,
            }),
          ),
        }),
      );
    }
  }

  private hover(index: number, path: L.Path): void {
    path.setStyle({ weight: 3, color: "#201f1e" });
    path.bringToFront();
    const layer = this.current();
    const ward = this.model.wards[index]?.properties;
    if (!ward) return;
    const suppress = this.controls.publication.checked;
    if (!layer) return this.showInfo(ward.name, ["No data"]);
    const lines = [
      ...(layer.patterns ? [`Emerging: ${layer.patterns[index] ?? "no data"}`] : []),
      `Count: ${shownValue(layer.counts[index], "count", suppress)}`,
      `Rate per 1,000: ${shownValue(layer.rates[index], "rate", suppress)}`,
      `Rank: ${layer.ranks[index] ?? "no data"} of ${layer.counts.filter((c) => c !== null).length}`,
    ];
    if (layer.hotspots[index] !== "none")
      lines.push(`Gi*: ${layer.hotspots[index].replace("hot-", "hotspot at ").replace("cold-", "cold spot at ")}%`);
    this.showInfo(ward.name, lines);
  }

  private unhover(path: L.Path): void {
    path.setStyle({ weight: 1, color: "#ffffff" });
    this.showInfo(null, []);
  }

  /** The hover box; with no ward it shows the prompt (Leaflet's info-control idiom). */
  private showInfo(heading: string | null, lines: string[]): void {
    clear(this.info);
    if (!heading) {
      this.info.appendChild(el("span", { className: "csp-info-prompt", text: "Hover over a ward" }));
      return;
    }
    this.info.appendChild(el("strong", { text: heading }));
    for (const line of lines) this.info.appendChild(el("div", { text: line }));
  }

  private setBasemap(): void {
    if (this.tiles) {
      this.tiles.remove();
      this.tiles = null;
    }
    const url = this.controls.tileUrl.value.trim();
    if (!this.controls.basemap.checked) return;
    if (!/^https:\/\/[^\s]+\{z\}[^\s]*\{x\}[^\s]*\{y\}/.test(url)) {
      this.controls.basemap.checked = false;
      this.controls.tileUrl.setCustomValidity("Give an https tile address with {z}, {x} and {y}");
      this.controls.tileUrl.reportValidity();
      return;
    }
    this.controls.tileUrl.setCustomValidity("");
    this.tiles = L.tileLayer(url, {
      attribution: escapeHtml(this.controls.tileAttribution.value.trim() || "Basemap tiles"),
    }).addTo(this.map);
    this.tiles.bringToBack();
  }

  /** Sets the controls (as the pane had them when the enlarged view opened) and redraws. */
  apply(state: { layer?: string; method?: string; hotspot?: string; suppress?: boolean; coverage?: boolean }): void {
    const c = this.controls;
    if (state.layer && this.model.layers.some((l) => l.id === state.layer)) c.layer.value = state.layer;
    if (state.method) c.method.value = state.method;
    if (state.hotspot) c.hotspot.value = state.hotspot;
    c.publication.checked = !!state.suppress;
    c.coverage.checked = !!state.coverage;
    this.render();
  }

  /** The current map as a PNG data URL. */
  png(): string {
    return mapPng(this.state);
  }

  private async exportImage(): Promise<void> {
    const png = this.png();
    if (this.options.insertImage) {
      await this.options.insertImage(png.replace(/^data:image\/png;base64,/, ""));
      return;
    }
    const link = el("a", {
      attrs: { href: png, download: `${this.state.title.replace(/[^\w ,-]+/g, "").trim() || "ward map"}.png` },
    });
    document.body.appendChild(link);
    link.click();
    link.remove();
  }
}
