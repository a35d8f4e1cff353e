/// <reference types="office-js" />
// The enlarged map in an Office dialog. The dialog cannot call the Excel API, so the pane sends
// the layers by messageChild (DialogApi 1.2), piece by piece as the dialog asks for them; the
// ward shapes come from the page's own origin.
import { fetchBoundaries } from "./boundariesAsset";
import { byId } from "./dom";
import { MapPanel } from "./map/MapPanel";
import { type MapDialogMessage, MapDialogPieces } from "./map/mapDialogMessage";
import { mapModel } from "./map/mapModel";

async function show(message: MapDialogMessage): Promise<void> {
  const boundaries = await fetchBoundaries();
  if (!boundaries) throw new Error("the ward boundaries could not be loaded");
  const base = mapModel(boundaries, null);
  const panel = new MapPanel(
    byId("csp-map-root"),
    { ...base, layers: message.layers, sites: message.sites },
    { enlarged: true },
  );
  panel.apply(message.view);
  byId("csp-map-root").classList.add("csp-map-dialog");
  // The dialog closing is the map's end: take it down as Leaflet asks.
  window.addEventListener("pagehide", () => panel.remove(), { once: true });
}

const failed = (error: Error): void => {
  byId("csp-map-root").textContent = `The map could not be drawn: ${error.message}`;
};

Office.onReady(() => {
  const pieces = new MapDialogPieces();
  Office.context.ui.addHandlerAsync(Office.EventType.DialogParentMessageReceived, (arg) => {
    try {
      const taken = pieces.receive((arg as { message: string }).message);
      if ("ask" in taken) Office.context.ui.messageParent(taken.ask);
      else show(taken.message).catch(failed);
    } catch (error) {
      failed(error as Error);
    }
  });
  Office.context.ui.messageParent("ready");
});
