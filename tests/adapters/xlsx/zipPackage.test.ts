import JSZip from "jszip";
import zlib from "node:zlib";
import { type DeflateCodec, ZipPackage, concatBytes, webDeflateCodec } from "../../../src/adapters/xlsx";
import { nodeDeflateCodec } from "../../../src/adapters/node/nodeDeflateCodec";
import { writeZip } from "../../../src/adapters/xlsx/zipPackage";

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const CODECS: [string, DeflateCodec][] = [
  ["Node's zlib", nodeDeflateCodec],
  ["the Compression Streams API", webDeflateCodec],
];

async function deflate(codec: DeflateCodec, ...pieces: string[]) {
  const deflater = codec.deflater();
  for (const piece of pieces) await deflater.push(new TextEncoder().encode(piece));
  return deflater.finish();
}

describe("the zip container of a package", () => {
  it.each(CODECS)("deflates with %s: sizes and CRC-32 that other zip readers accept", async (_name, codec) => {
    const pieces = [
      "<sheetData>",
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Fant – Bridge ✓</t></is></c></row>'.repeat(5000),
      "</sheetData>",
    ];
    const part = await deflate(codec, ...pieces);
    const original = new TextEncoder().encode(pieces.join(""));
    expect([part.size, part.crc32]).toEqual([original.length, zlib.crc32(original)]);
    expect(part.compressedSize).toBeLessThan(original.length / 10);
    expect(text(zlib.inflateRawSync(concatBytes(part.chunks)))).toBe(pieces.join(""));
    expect(text(await codec.inflateRaw(concatBytes(part.chunks), part.size))).toBe(pieces.join(""));
  });

  it.each(CODECS)("deflates with %s from buffers filled again once released", async (_name, codec) => {
    const deflater = codec.deflater();
    const encoded = new TextEncoder().encode("<row><c><v>1</v></c></row>".repeat(40000));
    const size = 64 * 1024;
    const free: Uint8Array[] = [];
    let fresh = 0;
    let releases = 0;
    for (let at = 0; at < encoded.length; at += size) {
      const buffer = free.pop() ?? (fresh++, new Uint8Array(size));
      const chunk = buffer.subarray(0, Math.min(size, encoded.length - at));
      chunk.set(encoded.subarray(at, at + chunk.length));
      await deflater.push(chunk, () => {
        releases += 1;
        buffer.fill(0x7a); // whatever the caller writes next must not reach the output
        free.push(buffer);
      });
    }
    const part = await deflater.finish();
    expect(releases).toBe(Math.ceil(encoded.length / size));
    // Node's zlib finishes chunks while later ones are pushed, so its buffers come round again;
    // a compression stream may settle its writes only after the next one is asked for.
    if (codec === nodeDeflateCodec) expect(fresh).toBeLessThanOrEqual(6);
    expect([part.size, part.crc32]).toEqual([encoded.length, zlib.crc32(encoded)]);
    expect(zlib.inflateRawSync(concatBytes(part.chunks)).equals(Buffer.from(encoded))).toBe(true);
  });

  it("copies entries byte for byte and adds new ones, readable by JSZip", async () => {
    const source = new JSZip();
    source.file("[Content_Types].xml", "<Types/>");
    source.file("xl/worksheets/sheet1.xml", "<worksheet>analyst's own</worksheet>", { compression: "DEFLATE" });
    source.file("docProps/stored.txt", "kept as stored", { compression: "STORE" });
    const bytes = await source.generateAsync({ type: "uint8array", streamFiles: true }); // data descriptors, as some writers use
    const zip = ZipPackage.open(bytes)!;
    expect(zip.names().filter((n) => !n.endsWith("/"))).toEqual([
      "[Content_Types].xml",
      "xl/worksheets/sheet1.xml",
      "docProps/stored.txt",
    ]);
    expect(text((await zip.read("docProps/stored.txt", nodeDeflateCodec))!)).toBe("kept as stored");
    const added = await deflate(nodeDeflateCodec, "<worksheet>ours, naïve</worksheet>");
    const out = writeZip([
      ...zip.names().map((name) => ({ name, entry: zip.entry(name)! })),
      { name: "xl/worksheets/sheet2 – ours.xml", deflated: added },
    ]);
    const back = await JSZip.loadAsync(out, { checkCRC32: true });
    expect(await back.file("xl/worksheets/sheet1.xml")!.async("string")).toBe("<worksheet>analyst's own</worksheet>");
    expect(await back.file("docProps/stored.txt")!.async("string")).toBe("kept as stored");
    expect(await back.file("xl/worksheets/sheet2 – ours.xml")!.async("string")).toBe(
      "<worksheet>ours, naïve</worksheet>",
    );
    // Copied entries keep their compressed bytes.
    const reopened = ZipPackage.open(out)!;
    expect(reopened.entry("xl/worksheets/sheet1.xml")!.raw).toEqual(zip.entry("xl/worksheets/sheet1.xml")!.raw);
  });

  it("declines what it cannot read, so ExcelJS gets the file", async () => {
    expect(ZipPackage.open(new TextEncoder().encode("not a zip at all"))).toBeNull();
    const bytes = await new JSZip()
      .file("a.xml", "<a>some text to deflate</a>")
      .generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(ZipPackage.open(bytes.slice(0, bytes.length - 30))).toBeNull(); // truncated
    const encrypted = bytes.slice();
    const central = encrypted.findIndex(
      (_, i) => encrypted[i] === 0x50 && encrypted[i + 1] === 0x4b && encrypted[i + 2] === 1 && encrypted[i + 3] === 2,
    );
    encrypted[central + 8] |= 1;
    expect(ZipPackage.open(encrypted)).toBeNull();
    const damaged = bytes.slice();
    const entry = ZipPackage.open(bytes)!.entry("a.xml")!;
    damaged.fill(0xff, entry.raw.byteOffset, entry.raw.byteOffset + entry.raw.length);
    await expect(ZipPackage.open(damaged)!.read("a.xml", nodeDeflateCodec)).rejects.toThrow();
  });
});
