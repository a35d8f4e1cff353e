import * as L from "leaflet";
import type { ClassMethod } from "../../geo/classify";
import { clear, el } from "../dom";
import { type MapPanelOptions, mapControls } from "./mapControls";

export type { MapPanelOptions };
import { escapeHtml } from "./escapeHtml";
import type { MapLayerChoice, MapModel } from "./mapModel";
import { mapPng } from "./mapPng";
import { drawLegend, layerWords } from "./mapWords";
import { drawOverlay } from "./mapOverlay";
import type { MapState } from "./mapState";
import {
  HOTSPOT_LEVELS,
  METHOD_NAMES,
  classesFor,
  emergingColour,
  emergingLegend,
  hotspotWords,
  legendRows,
  shownValue,
  wardColour,
} from "../../geo/wardStyle";

/** The hovered ward's outline: dashed blue, unlike a hotspot's solid black. */
const HOVER_OUTLINE = "#0078d4";

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
    const built = mapControls(root, model, options);
    const { layer, method, hotspot, publication, coverage, basemap, enlarge, exportButton, mapNode } = built;
    this.controls = built.controls;
    this.titleNode = built.titleNode;
    this.coverageNode = built.coverageNode;

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

    const showCoverage = this.controls.coverage.checked;
    const maxWeight = drawOverlay(this.overlay, {
      wards: this.model.wards,
      points: layer?.points ?? [],
      sites: showCoverage ? this.model.sites : null,
      hotspotWards,
      suppress,
      showInfo: (heading, lines) => this.showInfo(heading, lines),
    });
    const { title, subtitle, legendTitle } = layerWords(layer, patterns !== null, measure, method, suppress);
    const legend = patterns ? emergingLegend(patterns) : legendRows(classes, measure, suppress);
    this.titleNode.textContent = subtitle ? `${title} (${subtitle})` : title;
    drawLegend(
      this.legend,
      layer && !patterns ? `${legendTitle}, ${METHOD_NAMES[method]}` : legendTitle,
      legend,
      hotspotWards.length > 0 ? level : null,
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
    // Dashed blue, so a hovered ward is never mistaken for a hotspot's solid black outline.
    path.setStyle({ weight: 3, color: HOVER_OUTLINE, dashArray: "5 4" });
    path.bringToFront();
    const layer = this.current();
    const ward = this.model.wards[index]?.properties;
    if (!ward) return;
    const suppress = this.controls.publication.checked;
    // A ward the layer does not mention has no count, rank or Gi*: "no data" says all there is.
    if (!layer || layer.counts[index] === null) return this.showInfo(ward.name, ["No data"]);
    const lines = [
      ...(layer.patterns ? [`Emerging: ${layer.patterns[index] ?? "no data"}`] : []),
      `Count: ${shownValue(layer.counts[index], "count", suppress)}`,
      `Rate per 1,000: ${shownValue(layer.rates[index], "rate", suppress)}`,
      `Rank: ${layer.ranks[index]} of ${layer.counts.filter((c) => c !== null).length}`,
    ];
    const gi = hotspotWords(layer.hotspots[index]);
    if (gi) lines.push(`Gi*: ${gi}`);
    this.showInfo(ward.name, lines);
  }

  private unhover(path: L.Path): void {
    path.setStyle({ weight: 1, color: "#ffffff", dashArray: undefined });
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
