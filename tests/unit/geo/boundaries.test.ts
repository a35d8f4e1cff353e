import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ONS_ATTRIBUTION, detectWardFields, loadBoundaries, toBritishNationalGrid } from "../../../geo";
import { builtBoundaries, gridBoundaries, sharedBoundaries, SAMPLE_WARDS_2015 } from "../../helpers/boundaries";
import { itReal } from "../../helpers/realData";

describe("boundaries", () => {
  it("builds the 2015 set into a compact topology of 26 wards with shared borders", () => {
    const built = builtBoundaries();
    expect(built.wards).toHaveLength(26);
    expect(built.wards.map((w) => w.name)).toContain("High Street");
    expect(built.attribution).toBe(ONS_ATTRIBUTION);
    const size = statSync(path.join(__dirname, "..", "..", "..", "build", "geo", "wards.topo.json")).size;
    expect(size).toBeLessThanOrEqual(150 * 1024);
    const highStreet = built.wards.findIndex((w) => w.name === "High Street");
    const neighbours = built.neighbours[highStreet].map((i) => built.wards[i].name).sort();
    expect(neighbours).toEqual(expect.arrayContaining(["Bridge", "East", "Fant", "North", "South"]));
  });

  itReal("reads the 2024 set of 22 wards", () => {
    expect(sharedBoundaries(2024).wards).toHaveLength(22);
  });

  it("detects code and name fields as ONS releases write them", () => {
    expect(detectWardFields({ code: "E05004996", name: "High Street" })).toEqual({ code: "code", name: "name" });
    expect(detectWardFields({ WD19CD: "E05004996", WD19NM: "High Street", WD19NMW: " " })).toEqual({
      code: "WD19CD",
      name: "WD19NM",
    });
    expect(detectWardFields({ FID: 3, WD24CD: "E05015603", WD24NM: "High Street", LAD24CD: "E07000110" })).toEqual({
      code: "WD24CD",
      name: "WD24NM",
    });
    expect(detectWardFields({ foo: "bar" })).toBeNull();
  });

  it("reprojects boundaries given in British National Grid metres", () => {
    const source = JSON.parse(readFileSync(SAMPLE_WARDS_2015, "utf8"));
    for (const f of source.features) {
      f.properties = { WD13CD: f.properties.code, WD13NM: f.properties.name };
      f.geometry.coordinates = f.geometry.coordinates.map((ring: number[][]) =>
        ring.map(([lon, lat]) => toBritishNationalGrid(lon, lat)),
      );
    }
    const wards = loadBoundaries(source).wards;
    expect(wards).toHaveLength(26);
    const high = wards.find((w) => w.name === "High Street")!;
    expect(high.bbox[0]).toBeGreaterThan(0.4);
    expect(high.bbox[1]).toBeGreaterThan(51.2);
  });

  it("refuses files that hold no wards, naming what is wrong", () => {
    expect(() => loadBoundaries({ type: "Nope" }, "x.json")).toThrow(
      "x.json is neither TopoJSON nor a GeoJSON FeatureCollection",
    );
    expect(() =>
      loadBoundaries(
        {
          type: "FeatureCollection",
          features: [
            {
              type: "Feature",
              properties: { a: 1 },
              geometry: {
                type: "Polygon",
                coordinates: [
                  [
                    [0, 0],
                    [1, 0],
                    [1, 1],
                    [0, 0],
                  ],
                ],
              },
            },
          ],
        },
        "y.json",
      ),
    ).toThrow("y.json: feature 1 has no ward code and name fields");
  });

  it("finds neighbours that share a border line, not just a corner", () => {
    const grid = gridBoundaries(3, 3);
    expect([...grid.neighbours[4]].sort()).toEqual([1, 3, 5, 7]);
  });
});
