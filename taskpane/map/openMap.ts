import type { WardBoundaries } from "../../geo/boundaries";
import type { WardAnalysis } from "../../geo/wardLayers";
import { MapPanel, type MapPanelOptions } from "./MapPanel";
import { mapModel } from "./mapModel";

let stylesheet: Promise<void> | null = null;

/** Adds Leaflet's stylesheet (copied beside the page) once, when the map first opens. */
function leafletCss(): Promise<void> {
  stylesheet ??= new Promise((resolve) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = "leaflet.css";
    link.onload = () => resolve();
    link.onerror = () => resolve();
    document.head.appendChild(link);
  });
  return stylesheet;
}

/** Opens the ward map in `root` for a run's ward layers. Loaded as its own chunk, with Leaflet. */
export async function openMap(root: HTMLElement, boundaries: WardBoundaries, analysis: WardAnalysis | null, options: MapPanelOptions = {}): Promise<MapPanel> {
  await leafletCss();
  return new MapPanel(root, mapModel(boundaries, analysis), options);
}
