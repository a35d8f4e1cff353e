import type { Polygon } from "geojson";
import JSZip from "jszip";

/**
 * Writes a minimal polygon Shapefile (.shp, .shx, .dbf; ESRI Shapefile Technical Description,
 * 1998) zipped, so the zipped-Shapefile loader can be tested without a GIS package to write one.
 */
export async function zippedShapefile(
  features: { code: string; name: string; geometry: Polygon }[],
  fields = { code: "WD19CD", name: "WD19NM" },
): Promise<Uint8Array> {
  const records = features.map((f) => {
    const rings = f.geometry.coordinates;
    const points = rings.flat();
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    const content = Buffer.alloc(44 + 4 * rings.length + 16 * points.length);
    content.writeInt32LE(5, 0);
    box.forEach((v, i) => content.writeDoubleLE(v, 4 + 8 * i));
    content.writeInt32LE(rings.length, 36);
    content.writeInt32LE(points.length, 40);
    let start = 0;
    rings.forEach((ring, i) => {
      content.writeInt32LE(start, 44 + 4 * i);
      start += ring.length;
    });
    points.forEach(([x, y], i) => {
      content.writeDoubleLE(x, 44 + 4 * rings.length + 16 * i);
      content.writeDoubleLE(y, 44 + 4 * rings.length + 16 * i + 8);
    });
    return { content, box };
  });
  const box = records.reduce(
    (b, r) => [Math.min(b[0], r.box[0]), Math.min(b[1], r.box[1]), Math.max(b[2], r.box[2]), Math.max(b[3], r.box[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
  const header = (words: number): Buffer => {
    const h = Buffer.alloc(100);
    h.writeInt32BE(9994, 0);
    h.writeInt32BE(words, 24);
    h.writeInt32LE(1000, 28);
    h.writeInt32LE(5, 32);
    box.forEach((v, i) => h.writeDoubleLE(v, 36 + 8 * i));
    return h;
  };
  const shpParts: Buffer[] = [];
  const shxParts: Buffer[] = [];
  let offset = 50;
  records.forEach((r, i) => {
    const rh = Buffer.alloc(8);
    rh.writeInt32BE(i + 1, 0);
    rh.writeInt32BE(r.content.length / 2, 4);
    shpParts.push(rh, r.content);
    const index = Buffer.alloc(8);
    index.writeInt32BE(offset, 0);
    index.writeInt32BE(r.content.length / 2, 4);
    shxParts.push(index);
    offset += 4 + r.content.length / 2;
  });
  const shp = Buffer.concat([header(offset), ...shpParts]);
  const shx = Buffer.concat([header(50 + 4 * records.length), ...shxParts]);

  const dbf = dbaseTable(features, fields);

  const zip = new JSZip();
  zip.file("wards.shp", shp);
  zip.file("wards.shx", shx);
  zip.file("wards.dbf", dbf);
  zip.file(
    "wards.prj",
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]]',
  );
  return zip.generateAsync({ type: "uint8array" });
}

/** The attribute table (.dbf, dBASE III): two text fields, the ward's code and name. */
function dbaseTable(
  features: readonly { code: string; name: string }[],
  fields: { readonly code: string; readonly name: string },
): Buffer {
  const width = 60;
  const dbfHeader = Buffer.alloc(32 + 64 + 1);
  dbfHeader.writeUInt8(0x03, 0);
  dbfHeader.writeUInt8(120, 1);
  dbfHeader.writeUInt8(1, 2);
  dbfHeader.writeUInt8(1, 3);
  dbfHeader.writeUInt32LE(features.length, 4);
  dbfHeader.writeUInt16LE(32 + 64 + 1, 8);
  dbfHeader.writeUInt16LE(1 + 2 * width, 10);
  [fields.code, fields.name].forEach((name, i) => {
    const at = 32 + 32 * i;
    dbfHeader.write(name, at, "ascii");
    dbfHeader.write("C", at + 11, "ascii");
    dbfHeader.writeUInt8(width, at + 16);
  });
  dbfHeader.writeUInt8(0x0d, 96);
  const rows = features.map((f) => Buffer.from(` ${f.code.padEnd(width)}${f.name.padEnd(width)}`, "latin1"));
  return Buffer.concat([dbfHeader, ...rows, Buffer.from([0x1a])]);
}
