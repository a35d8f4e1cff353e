/// <reference types="office-js" />
import type { MapModel } from "./map/mapModel";
import { type MapDialogMessage, mapDialogPieces, pieceAskedFor } from "./map/mapDialogMessage";

/** True when this Office can send data to a dialog (DialogApi 1.2). */
export function dialogsSupported(): boolean {
  return Office.context.requirements.isSetSupported("DialogApi", "1.2");
}

const REASONS: Record<number, string> = {
  12007: "a CSP Assess dialog is already open: close it first",
  12009: "the dialog was blocked: choose Allow when Office asks about the pop-up",
  12011: "the dialog is blocked by the browser's pop-up settings",
};

/** Opens the enlarged map in an Office dialog and sends it the layers when it is ready. */
export function openMapDialog(
  model: MapModel,
  view: MapDialogMessage["view"],
  onError: (message: string) => void,
): void {
  const url = new URL("mapdialog.html?office=1", window.location.href).href;
  Office.context.ui.displayDialogAsync(url, { height: 85, width: 80, displayInIframe: true }, (result) => {
    if (result.status !== Office.AsyncResultStatus.Succeeded) {
      onError(`The enlarged map could not open: ${REASONS[result.error.code] ?? result.error.message}`);
      return;
    }
    const dialog = result.value;
    const pieces = mapDialogPieces(model, view);
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
      const asked = pieceAskedFor((arg as { message?: string }).message ?? "");
      if (asked !== null && asked <= pieces.length) dialog.messageChild(pieces[asked - 1]);
    });
  });
}
