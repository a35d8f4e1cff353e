import type { MapLayerChoice, MapModel } from "./mapModel";

/** What the pane sends the map dialog: the layers and the view, not the ward shapes (the dialog fetches those). */
export interface MapDialogMessage {
  readonly layers: readonly MapLayerChoice[];
  readonly sites: MapModel["sites"];
  readonly view: { layer: string; method: string; hotspot: string; suppress: boolean; coverage: boolean };
}

/** The message for a model and view, as the JSON string messageChild carries. */
export function mapDialogMessage(model: MapModel, view: MapDialogMessage["view"]): string {
  const message: MapDialogMessage = { layers: model.layers, sites: model.sites, view };
  return JSON.stringify(message);
}
