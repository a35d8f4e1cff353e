/// <reference types="office-js" />
// The enlarged map in an Office dialog. The dialog cannot call the Excel API, so the pane sends
// the run's map (its ward shapes, attribution, layers and view) by messageChild (DialogApi 1.2),
// piece by piece as the dialog asks for them.
import { byId } from "./dom";
import { MapPanel } from "./map/MapPanel";
import { type MapDialogMessage, MapDialogPieces } from "./map/mapDialogMessage";

function show(message: MapDialogMessage): void {
  const { view, ...model } = message;
  const panel = new MapPanel(byId("csp-map-root"), model, { enlarged: true });
  panel.apply(view);
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
      else show(taken.message);
    } catch (error) {
      failed(error as Error);
    }
  });
  Office.context.ui.messageParent("ready");
});
