import type { ClassMethod } from "../../geo/classify";
import { METHOD_NAMES, rateWords } from "../../geo/wardStyle";
import { clear, el } from "../dom";
import type { MapLayerChoice } from "./mapModel";

// What the map says in words: its title, subtitle and legend.

/** The map's title, subtitle and legend heading for a layer, its measure and classes. */
export function layerWords(
  layer: MapLayerChoice | null,
  emerging: boolean,
  measure: "rate" | "count",
  method: ClassMethod,
  suppress: boolean,
): { title: string; subtitle: string; legendTitle: string } {
  const measureWords = measure === "rate" ? rateWords(layer?.rateBase) : "count";
  const title = layer ? `${layer.title}${layer.period ? `, ${layer.period}` : ""}` : "No ward data in this workbook";
  const subtitle = !layer
    ? ""
    : emerging
      ? "Gi* hot and cold spots in each period, classed as Esri's Emerging Hot Spot Analysis classes them"
      : `${measureWords[0].toUpperCase()}${measureWords.slice(1)}; ${METHOD_NAMES[method]}${suppress ? "; counts under 5 shown as <5" : ""}`;
  const legendTitle = !layer
    ? "No data"
    : emerging
      ? "Emerging pattern"
      : measure === "rate"
        ? `R${measureWords.slice(1)}`
        : "Count";
  return { title, subtitle, legendTitle };
}

/** The legend: its heading, a swatch for each class or pattern, and the hotspot outline when drawn. */
export function drawLegend(
  node: HTMLElement,
  heading: string,
  legend: readonly { colour: string; label: string }[],
  hotspotLevel: number | null,
): void {
  clear(node);
  node.appendChild(el("strong", { text: heading }));
  for (const row of legend) {
    const swatch = el("span", { className: "csp-swatch" });
    swatch.style.background = row.colour;
    node.appendChild(el("div", { className: "csp-legend-row", children: [swatch, el("span", { text: row.label })] }));
  }
  if (hotspotLevel !== null)
    node.appendChild(
      el("div", {
        className: "csp-legend-row",
        children: [
          el("span", { className: "csp-swatch csp-swatch-hotspot" }),
          el("span", { text: `Gi* hotspot (${hotspotLevel}%)` }),
        ],
      }),
    );
}
