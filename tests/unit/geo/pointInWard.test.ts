import fc from "fast-check";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { WardLocator, boundariesExtent, fromBritishNationalGrid, toBritishNationalGrid } from "../../../geo";
import { builtBoundaries, gridBoundaries, sharedPlaces } from "../../helpers/boundaries";
import { itReal } from "../../helpers/realData";

const boundaries = builtBoundaries();
const locator = new WardLocator(boundaries);
const wardAt = (lon: number, lat: number): string | null => {
  const i = locator.locate(lon, lat);
  return i < 0 ? null : boundaries.wards[i].name;
};

describe("WardLocator", () => {
  itReal("puts the seed's known places in the right wards, Maidstone town centre in High Street", () => {
    const places = sharedPlaces();
    expect(places.length).toBeGreaterThanOrEqual(12);
    for (const p of places) expect([p.place, wardAt(p.lon, p.lat)]).toEqual([p.place, p.ward]);
    expect(wardAt(0.5224, 51.2727)).toBe("High Street");
  });

  it("counts points outside every ward instead of dropping them", () => {
    const { counts, outside } = locator.count([
      [0.5224, 51.2727],
      [-1.5, 52.0],
      [0.5222, 51.2758],
    ]);
    expect(outside).toBe(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it("gives a point on a shared border to exactly one ward, the same one every time: the one to its east or north", () => {
    const grid = gridBoundaries(2, 2);
    const squares = new WardLocator(grid);
    // Cells: 0 south-west, 1 south-east, 2 north-west, 3 north-east. The borders as stored
    // (quantised), so the points lie exactly on them.
    const x = grid.wards[1].bbox[0];
    const y = grid.wards[2].bbox[1];
    expect(grid.wards[0].bbox[2]).toBe(x);
    expect(squares.locate(x, 51.255)).toBe(1);
    expect(squares.locate(x, 51.255)).toBe(1);
    expect(squares.locate(0.505, y)).toBe(2);
    expect(squares.locate(x, y)).toBe(3);
    expect(squares.locate(0.505, 51.255)).toBe(0);
  });

  it("agrees with turf's test of every ward for random points over the borough", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.37, max: 0.8, noNaN: true }),
        fc.double({ min: 51.13, max: 51.34, noNaN: true }),
        (lon, lat) => {
          const naive = boundaries.wards.findIndex((w) => booleanPointInPolygon([lon, lat], w.geometry));
          expect(locator.locate(lon, lat)).toBe(naive);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("British National Grid", () => {
  // Published control points (Ordnance Survey): ETRS89 latitude/longitude and OSGB36 grid.
  const CONTROL: [string, number, number, number, number][] = [
    ["Caister Water Tower", 52.658007833, 1.716073973, 651409.792, 313177.448],
    ["TR143599 (Kent)", 51.29788, 1.072628, 614300, 159900],
  ];

  it.each(CONTROL)("converts %s to within 5 m both ways", (_name, lat, lon, e, n) => {
    const [x, y] = toBritishNationalGrid(lon, lat);
    expect(Math.hypot(x - e, y - n)).toBeLessThan(5);
    const [lon2, lat2] = fromBritishNationalGrid(e, n);
    const [x2, y2] = toBritishNationalGrid(lon2, lat2);
    expect(Math.hypot(x2 - e, y2 - n)).toBeLessThan(0.01);
    expect(Math.abs(lat2 - lat) * 111_000).toBeLessThan(5);
  });
});

describe("WardLocator's answer grid", () => {
  it("answers as the exact test does: 20,000 random points, and points just either side of every border", () => {
    // Simplified boundaries overlap by slivers here and there: a point in two wards may be given either.
    const naive = (lon: number, lat: number): number => {
      const holding = boundaries.wards.flatMap((w, i) => (booleanPointInPolygon([lon, lat], w.geometry) ? [i] : []));
      const found = locator.locate(lon, lat);
      return holding.length === 0 ? -1 : holding.includes(found) ? found : holding[0];
    };
    let seed = 99;
    const random = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const [x0, y0, x1, y1] = boundariesExtent(boundaries);
    for (let i = 0; i < 20000; i += 1) {
      const lon = x0 - 0.01 + random() * (x1 - x0 + 0.02);
      const lat = y0 - 0.01 + random() * (y1 - y0 + 0.02);
      expect([lon, lat, locator.locate(lon, lat)]).toEqual([lon, lat, naive(lon, lat)]);
    }
    // Either side of each vertex, a metre or so off the border: where grid cells are mixed.
    for (const ward of boundaries.wards.slice(0, 6)) {
      const ring = ward.geometry.type === "Polygon" ? ward.geometry.coordinates[0] : ward.geometry.coordinates[0][0];
      for (let i = 0; i < ring.length; i += 7) {
        for (const [dx, dy] of [
          [1e-5, 0],
          [-1e-5, 0],
          [0, 1e-5],
          [0, -1e-5],
        ]) {
          const [lon, lat] = [ring[i][0] + dx, ring[i][1] + dy];
          expect([lon, lat, locator.locate(lon, lat)]).toEqual([lon, lat, naive(lon, lat)]);
        }
      }
    }
  });
});
