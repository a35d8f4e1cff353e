// The enlarged map's layers cross to the Office dialog in pieces under messageChild's 64 kB:
// every piece fits, the pieces rebuild the message exactly, a character outside the Basic
// Multilingual Plane is never cut in two, and a piece out of order is refused.
import type { MapModel } from "../../../taskpane/map/mapModel";
import { MapDialogPieces, PIECE_LENGTH, mapDialogPieces, pieceAskedFor } from "../../../taskpane/map/mapDialogMessage";

const VIEW = { layer: "a|count", method: "jenks", hotspot: "95", suppress: true, coverage: false };

/** A model of one layer with `points` labelled points: Welsh names and an emoji make UTF-8 longer than the text. */
function model(points: number): MapModel {
  const label = (i: number): string => `Ŵyddgrug ${i} 🏠`;
  return {
    wards: [],
    attribution: "",
    sites: [],
    layers: [
      {
        id: "a|count",
        title: "Crime by ward",
        period: null,
        measure: "count",
        values: [1, 2],
        counts: [1, 2],
        rates: [null, null],
        ranks: [2, 1],
        hotspots: ["none", "none"],
        rateBase: null,
        points: Array.from({ length: points }, (_, i) => ({
          latitude: 51 + i / 1e5,
          longitude: 0.5,
          weight: 1,
          label: label(i),
        })),
        coverage: null,
      },
    ],
  };
}

/** The dialog's side, fed as the pane feeds it: returns the message and the asks it made. */
function deliver(pieces: readonly string[]): { message: unknown; asks: string[] } {
  const dialog = new MapDialogPieces();
  const asks = ["ready"];
  for (;;) {
    const taken = dialog.receive(pieces[(pieceAskedFor(asks[asks.length - 1]) as number) - 1]);
    if ("message" in taken) return { message: taken.message, asks };
    asks.push(taken.ask);
  }
}

describe("the map dialog's pieces", () => {
  it("sends a small map whole, in one piece", () => {
    const pieces = mapDialogPieces(model(3), VIEW);
    expect(pieces).toHaveLength(1);
    expect(deliver(pieces)).toEqual({ message: { ...model(3), view: VIEW }, asks: ["ready"] });
  });

  it("cuts a large one into pieces under 64 kB of UTF-8, never inside a surrogate pair, and rebuilds it exactly", () => {
    const big = model(4000);
    const pieces = mapDialogPieces(big, VIEW);
    expect(pieces.length).toBeGreaterThan(5);
    for (const piece of pieces) {
      expect(Buffer.byteLength(piece, "utf8")).toBeLessThan(64 * 1024);
      const body = piece.slice(piece.indexOf("\n") + 1);
      expect(body.length).toBeLessThanOrEqual(PIECE_LENGTH);
      // A lone surrogate at either end would be a cut character (and break JSON.parse on rejoining).
      expect(body).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
    const { message, asks } = deliver(pieces);
    expect(message).toEqual({ ...big, view: VIEW });
    expect(asks).toEqual(["ready", ...pieces.slice(1).map((_, i) => `csp-map next ${i + 2}`)]);
  });

  it("moves a cut that would fall inside a surrogate pair one place earlier", () => {
    // A title of emoji, with and without one character before it: one of the two puts the cut mid-pair.
    for (const prefix of ["", "x"]) {
      const base = model(0);
      const layers = [{ ...base.layers[0], title: `${prefix}${"🏠".repeat(PIECE_LENGTH)}` }];
      const pieces = mapDialogPieces({ ...base, layers }, VIEW);
      for (const piece of pieces)
        expect(piece.slice(piece.indexOf("\n") + 1)).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
      expect(deliver(pieces).message).toEqual({ ...base, layers, view: VIEW });
    }
  });

  it("carries the run's own ward shapes, to six places of a degree, and the whole attribution", () => {
    const square = (x: number) => [
      [x + 0.1234567891, 51.1],
      [x + 0.2, 51.1],
      [x + 0.2, 51.2],
      [x + 0.1234567891, 51.1],
    ];
    const ward = (code: string, x: number) => ({
      type: "Feature" as const,
      properties: { code, name: code },
      geometry: { type: "Polygon" as const, coordinates: [square(x)] },
    });
    const borough = {
      ...model(3),
      wards: [ward("E05999001", 0), ward("E05999002", 1)],
      attribution: "Ours. police.uk",
    };
    const { message } = deliver(mapDialogPieces(borough, VIEW)) as { message: MapModel };
    expect(message.wards.map((w) => w.properties.code)).toEqual(["E05999001", "E05999002"]);
    expect(message.wards[1].geometry.coordinates[0][0]).toEqual([1.123457, 51.1]);
    expect(message.attribution).toBe("Ours. police.uk");
  });

  it("refuses a piece out of order or not of its own making", () => {
    const pieces = mapDialogPieces(model(4000), VIEW);
    expect(() => new MapDialogPieces().receive(pieces[1])).toThrow("the map's data arrived out of order");
    expect(() => new MapDialogPieces().receive('{"layers":[]}')).toThrow("the map's data arrived out of order");
    expect(pieceAskedFor("csp-map next 3")).toBe(3);
    expect(pieceAskedFor("something else")).toBeNull();
  });
});
