import { roundedGeometry } from "../../geo/boundaries";
import type { MapModel } from "./mapModel";

// The pane sends the enlarged map the run's whole map by messageChild, which carries at most
// 64 kB a message. The ward shapes and a month-by-month extract's layers are larger, so the JSON
// goes in numbered pieces, each sent when the dialog asks for it: the dialog says "ready" for
// the first, then "csp-map next N" for piece N. Asking piece by piece keeps them in order
// whatever the host.

/**
 * What the pane sends the map dialog: the run's own ward shapes (whichever borough's they are),
 * their attribution and the data's, the layers and the view. The dialog fetches nothing.
 */
export interface MapDialogMessage extends MapModel {
  readonly view: { layer: string; method: string; hotspot: string; suppress: boolean; coverage: boolean };
}

/**
 * The UTF-16 code units of JSON a piece carries. At most three bytes of UTF-8 each (a surrogate
 * pair is four bytes for two), so a piece stays under 64 kB however the host encodes it.
 */
export const PIECE_LENGTH = 20_000;
const HEADER = /^csp-map (\d+)\/(\d+)\n/;
const NEXT = /^csp-map next (\d+)$/;

/** The message for a model and view, as numbered pieces of its JSON (`csp-map 1/3\n…`). */
export function mapDialogPieces(model: MapModel, view: MapDialogMessage["view"]): string[] {
  // Shapes to six places of a degree (about 0.1 m): a third less to send, nothing to see.
  const wards = model.wards.map((w) => ({ ...w, geometry: roundedGeometry(w.geometry) }));
  const message: MapDialogMessage = { ...model, wards, view };
  const text = JSON.stringify(message);
  const parts: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + PIECE_LENGTH);
    // Never split a surrogate pair between two pieces.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts.map((part, i) => `csp-map ${i + 1}/${parts.length}\n${part}`);
}

/** The piece the dialog asks for: 1 for "ready", N for "csp-map next N"; null for anything else. */
export function pieceAskedFor(message: string): number | null {
  if (message === "ready") return 1;
  const next = NEXT.exec(message);
  return next ? Number(next[1]) : null;
}

/** The dialog's side: collects the pieces in order and gives the message once the last is in. */
export class MapDialogPieces {
  private readonly parts: string[] = [];

  /**
   * Takes a piece: returns what to ask the pane for next, or the whole message after the last.
   * Throws on a piece out of order or not of this protocol (the map cannot be drawn then).
   */
  receive(piece: string): { readonly ask: string } | { readonly message: MapDialogMessage } {
    const header = HEADER.exec(piece);
    if (!header || Number(header[1]) !== this.parts.length + 1) throw new Error("the map's data arrived out of order");
    this.parts.push(piece.slice(header[0].length));
    const count = Number(header[2]);
    if (this.parts.length < count) return { ask: `csp-map next ${this.parts.length + 1}` };
    return { message: JSON.parse(this.parts.join("")) as MapDialogMessage };
  }
}
