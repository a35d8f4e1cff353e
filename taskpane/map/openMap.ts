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
export async function openMap(
  root: HTMLElement,
  boundaries: WardBoundaries,
  analysis: WardAnalysis | null,
  options: MapPanelOptions & { dialog?: boolean; onError?: (m: string) => void } = {},
): Promise<MapPanel> {
  await leafletCss();
  const model = mapModel(boundaries, analysis);
  let enlarge = options.enlarge ?? null;
  if (options.dialog) {
    const { dialogsSupported, openMapDialog } = await import("../openMapDialog");
    if (dialogsSupported()) enlarge = (view) => openMapDialog(model, view, options.onError ?? (() => undefined));
  }
  return new MapPanel(root, model, { ...options, enlarge });
}
