import type { FeatureCollection } from "geojson";
import { zipSync } from "fflate";
import { boundariesFromFiles } from "../../../src/job/boundaryFile";
import { ASHVALE_WARDS, wardGeoJson } from "../../helpers/madeUpBorough";

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const noShapefiles = (): Promise<FeatureCollection> => Promise.reject(new Error("no Shapefile expected"));
const perWard = ASHVALE_WARDS.map((w, i) => ({ name: `${w.code}.geojson`, bytes: encode(wardGeoJson(i)) }));

describe("boundaries from the files an analyst gives", () => {
  it("reads a file per ward in British National Grid as one set of wards, in WGS84", async () => {
    const boundaries = await boundariesFromFiles(perWard, "wards", noShapefiles);
    expect(boundaries.wards.map((w) => w.name)).toEqual(ASHVALE_WARDS.map((w) => w.name));
    const [west, south] = boundaries.wards[0].bbox;
    expect(west).toBeCloseTo(-0.13, 1);
    expect(south).toBeCloseTo(51.5, 1);
    // Squares in a grid of five: the first ward borders the second and the sixth.
    expect(boundaries.neighbours[0]).toEqual(expect.arrayContaining([1, 5]));
  });

  it("reads the same from a zip of them, and refuses a ward given by two files, naming both", async () => {
    const zip = zipSync(Object.fromEntries(perWard.map((f) => [`wards/${f.name}`, f.bytes])));
    const zipped = await boundariesFromFiles([{ name: "wards.zip", bytes: zip }], "wards.zip", noShapefiles);
    expect(zipped.wards).toHaveLength(ASHVALE_WARDS.length);
    const twice = [perWard[0], { name: "copy.geojson", bytes: perWard[0].bytes }];
    await expect(boundariesFromFiles(twice, "2 files", noShapefiles)).rejects.toThrow(
      `${perWard[0].name} and copy.geojson both give ward ${ASHVALE_WARDS[0].code}; give each ward once`,
    );
  });

  it("takes a zipped Shapefile's layers of wards, passing over its other layers", async () => {
    const wards = JSON.parse(wardGeoJson(0)) as FeatureCollection;
    const roads: FeatureCollection = {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { ROAD: "A229" }, geometry: wards.features[0].geometry }],
    };
    const zip = zipSync({ "wards.shp": new Uint8Array(1), "roads.shp": new Uint8Array(1) });
    const boundaries = await boundariesFromFiles([{ name: "layers.zip", bytes: zip }], "layers.zip", async () => [
      roads,
      wards,
    ]);
    expect(boundaries.wards.map((w) => w.name)).toEqual([ASHVALE_WARDS[0].name]);
  });

  it("refuses a coordinate system it does not convert, by name", async () => {
    const other = JSON.parse(wardGeoJson(0)) as { crs: { properties: { name: string } } };
    other.crs.properties.name = "urn:ogc:def:crs:EPSG::2157";
    await expect(
      boundariesFromFiles(
        [{ name: "irish.geojson", bytes: encode(JSON.stringify(other)) }],
        "irish.geojson",
        noShapefiles,
      ),
    ).rejects.toThrow(
      /irish\.geojson is in the coordinate system urn:ogc:def:crs:EPSG::2157, which CSP Assess does not convert/,
    );
  });
});
