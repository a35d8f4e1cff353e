import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { SAMPLE_WARDS } from "../helpers/sample";
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { toBritishNationalGrid } from "../../geo";
import { runCli } from "../helpers/cli";
import { SAMPLE_WARDS_2015, SHARED_GEO, sharedBoundaries } from "../helpers/boundaries";
import { itReal } from "../helpers/realData";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-wards-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const run = runCli;

// Random points clearly inside a ward of the unsimplified source: 50 m either way stays in it.
const source = sharedBoundaries(2015);
const wardOf = (lon: number, lat: number): number =>
  source.wards.findIndex((w) => booleanPointInPolygon([lon, lat], w.geometry));
let seed = 7;
const random = (): number => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};
const points: { ref: string; lon: number; lat: number; ward: number }[] = [];
while (points.length < 400) {
  const lon = 0.38 + random() * 0.41;
  const lat = 51.14 + random() * 0.19;
  const ward = wardOf(lon, lat);
  const d = 0.0007;
  if (
    ward >= 0 &&
    [
      [d, 0],
      [-d, 0],
      [0, d / 1.6],
      [0, -d / 1.6],
    ].every(([dx, dy]) => wardOf(lon + dx, lat + dy) === ward)
  ) {
    points.push({ ref: `P${points.length + 1}`, lon, lat, ward });
  }
}
const expected = new Map<string, number>(source.wards.map((w) => [w.code, 0]));
for (const p of points) expected.set(source.wards[p.ward].code, (expected.get(source.wards[p.ward].code) ?? 0) + 1);

async function wardsJson(file: string, ...extra: string[]) {
  const json = path.join(dir, `${path.basename(file)}.json`);
  const result = await run(
    "wards",
    file,
    ...(extra.includes("--boundaries") ? [] : SAMPLE_WARDS),
    "--json",
    json,
    ...extra,
  );
  expect(result.err).toEqual([]);
  expect(result.code).toBe(0);
  return JSON.parse(await fs.readFile(json, "utf8"));
}

describe("csp-assess wards", () => {
  it("counts points by latitude/longitude exactly, listing every ward with its Gi*", async () => {
    const csv = path.join(dir, "latlon.csv");
    await fs.writeFile(
      csv,
      ["Crime Ref,Latitude,Longitude", ...points.map((p) => `${p.ref},${p.lat},${p.lon}`), "OUT1,51.5,-0.1"].join("\n"),
    );
    const result = await wardsJson(csv);
    expect(result.wards).toHaveLength(26);
    expect(new Map(result.wards.map((w: { code: string; count: number }) => [w.code, w.count]))).toEqual(expected);
    expect(result.outside).toBe(1);
    for (const w of result.wards) {
      expect(Number.isFinite(w.giZ)).toBe(true);
      expect(w.giP).toBeGreaterThanOrEqual(0);
      expect(w.giP).toBeLessThanOrEqual(1);
    }
  });

  it("counts the same points given as British National Grid easting/northing in an .xlsx", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Incidents");
    ws.addRow(["Incident number", "Easting", "Northing"]);
    for (const p of points) ws.addRow([p.ref, ...toBritishNationalGrid(p.lon, p.lat)]);
    const file = path.join(dir, "bng.xlsx");
    await wb.xlsx.writeFile(file);
    const result = await wardsJson(file);
    expect(new Map(result.wards.map((w: { code: string; count: number }) => [w.code, w.count]))).toEqual(expected);
    expect(result.outside).toBe(0);
  });

  it("reports swapped coordinates and unreadable rows, never counting them silently", async () => {
    const csv = path.join(dir, "bad.csv");
    const [first] = points;
    await fs.writeFile(
      csv,
      ["ref,lat,lng", `A,${first.lon},${first.lat}`, "B,n/a,0.5", `C,${first.lat},${first.lon}`].join("\n"),
    );
    const result = await wardsJson(csv);
    expect(result.wards.reduce((a: number, w: { count: number }) => a + w.count, 0)).toBe(1);
    expect(result.findings.map((f: { kind: string; cell: string }) => [f.kind, f.cell])).toEqual([
      ["swapped-coordinates", "bad!A2"],
      ["unlocated-records", "bad!A3"],
    ]);
  });

  it("places named places through a Places sheet, weighted by a Count column", async () => {
    const wb = new ExcelJS.Workbook();
    const places = wb.addWorksheet("Places");
    places.addRow(["Place", "Latitude", "Longitude"]);
    places.addRow(["River Steps", 51.273, 0.5185]);
    places.addRow(["Lower Boxley Road", 51.28, 0.521]);
    const finds = wb.addWorksheet("Needle finds");
    finds.addRow(["Location", "Count"]);
    finds.addRow(["River Steps", 406]);
    finds.addRow(["Lower Boxley Road", 100]);
    finds.addRow(["Nowhere Lane", 3]);
    const file = path.join(dir, "places.xlsx");
    await wb.xlsx.writeFile(file);
    const result = await wardsJson(file);
    const count = (name: string) => result.wards.find((w: { name: string }) => w.name === name).count;
    expect([count("High Street"), count("North")]).toEqual([406, 100]);
    expect(result.findings[0].message).toMatch(/"Nowhere Lane" is not in the Places sheet/);
  });

  itReal("uses other boundaries when told, the 2024 set", async () => {
    const csv = path.join(dir, "latlon24.csv");
    await fs.writeFile(csv, ["ref,latitude,longitude", "T,51.2727,0.5224"].join("\n"));
    const result = await wardsJson(csv, "--boundaries", path.join(SHARED_GEO, "maidstone-wards-2024.geojson"));
    expect(result.wards).toHaveLength(22);
    expect(result.wards.find((w: { count: number }) => w.count === 1).name).toBe("High Street");
  });

  it("refuses a file with no location columns", async () => {
    const csv = path.join(dir, "none.csv");
    await fs.writeFile(csv, "a,b\n1,2\n");
    const result = await run("wards", csv, ...SAMPLE_WARDS, "--json", path.join(dir, "none.json"));
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/no sheet has Latitude\/Longitude, Easting\/Northing or Place columns/);
  });
});

describe("boundaries a user loads", () => {
  it("reads a zipped Shapefile with WD19CD/WD19NM fields", async () => {
    const { readFileSync } = await import("node:fs");
    const { zippedShapefile } = await import("../helpers/shapefile");
    const geojson = JSON.parse(readFileSync(SAMPLE_WARDS_2015, "utf8"));
    // Shapefile rings run clockwise; the source's run counter-clockwise (RFC 7946).
    const features = geojson.features.map(
      (f: { properties: { code: string; name: string }; geometry: { coordinates: number[][][] } }) => ({
        code: f.properties.code,
        name: f.properties.name,
        geometry: { type: "Polygon", coordinates: f.geometry.coordinates.map((r) => [...r].reverse()) },
      }),
    );
    const zip = path.join(dir, "wards.zip");
    await fs.writeFile(zip, await zippedShapefile(features));
    const csv = path.join(dir, "shp.csv");
    await fs.writeFile(csv, ["ref,latitude,longitude", "T,51.2727,0.5224", "M,51.1756,0.4936"].join("\n"));
    const result = await wardsJson(csv, "--boundaries", zip);
    expect(result.wards).toHaveLength(26);
    expect(result.wards.filter((w: { count: number }) => w.count === 1).map((w: { name: string }) => w.name)).toEqual([
      "High Street",
      "Marden and Yalding",
    ]);
  });
});
