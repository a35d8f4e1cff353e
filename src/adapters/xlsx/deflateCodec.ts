import { buf as crc32Buf } from "crc-32";

/** A part compressed for the package: its deflated bytes, and the size and CRC-32 of the original. */
export interface DeflatedPart {
  readonly chunks: readonly Uint8Array[];
  readonly compressedSize: number;
  readonly size: number;
  readonly crc32: number;
}

/** Compresses one part from chunks pushed in order. */
export interface Deflater {
  /**
   * Adds the next chunk; resolves once the compressor has room for more. The compressor reads
   * the chunk until it calls `release` (once, if given), after which the caller may fill it again.
   */
  push(chunk: Uint8Array, release?: () => void): Promise<void>;
  finish(): Promise<DeflatedPart>;
}

/**
 * Raw deflate (the only compression .xlsx packages use) as the platform does it natively:
 * zlib in Node (`nodeDeflateCodec`), the Compression Streams API in a browser (`webDeflateCodec`).
 * The package code takes one of these rather than a JavaScript deflate, which is several times
 * slower on the hundred megabytes of XML a large assessment writes.
 */
export interface DeflateCodec {
  /**
   * Inflates raw deflate data whose original size is known; fails, without inflating further,
   * when the data would come out larger than that (a zip bomb lies about its size).
   */
  inflateRaw(data: Uint8Array, size: number): Promise<Uint8Array>;
  deflater(): Deflater;
  /** The CRC-32 of the data (continuing from `previous`), as zip entries record it. */
  crc32(data: Uint8Array, previous?: number): number;
  /**
   * Inflates raw deflate data as a stream of chunks, where the platform streams natively (Node's
   * zlib): a large sheet is then read a batch of rows at a time rather than held whole.
   */
  inflateChunks?(data: Uint8Array): AsyncIterable<Uint8Array>;
}

/** A codec that streams its inflation (Node's). */
export type StreamingCodec = DeflateCodec & Required<Pick<DeflateCodec, "inflateChunks">>;

/** Joins chunks into one array. */
export function concatBytes(
  chunks: readonly Uint8Array[],
  total = chunks.reduce((n, c) => n + c.length, 0),
): Uint8Array {
  if (chunks.length === 1 && chunks[0].length === total) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Reads a stream to its end; with `limit`, fails as soon as more than that many bytes come out. */
async function readAll(readable: ReadableStream<Uint8Array>, into: Uint8Array[], limit = Infinity): Promise<void> {
  const reader = readable.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new Error(`inflates past the ${limit} bytes recorded for it`);
    }
    into.push(value);
  }
}

const GZIP_FLAGS = { extra: 4, name: 8, comment: 16, headerCrc: 2 } as const;

/** Where the deflate data starts in a gzip member (RFC 1952 §2.3), past any optional fields. */
function gzipHeaderLength(gzip: Uint8Array): number {
  const flags = gzip[3];
  let at = 10;
  if (flags & GZIP_FLAGS.extra) at += 2 + (gzip[at] | (gzip[at + 1] << 8));
  if (flags & GZIP_FLAGS.name) while (gzip[at++] !== 0);
  if (flags & GZIP_FLAGS.comment) while (gzip[at++] !== 0);
  if (flags & GZIP_FLAGS.headerCrc) at += 2;
  return at;
}

/**
 * The browser's codec (also works in Node 20+). Compression goes through a gzip stream rather
 * than deflate-raw because a gzip member ends with the CRC-32 and size a zip entry needs, so
 * the checksum is computed natively, not in JavaScript.
 */
export const webDeflateCodec: DeflateCodec = {
  async inflateRaw(data, size) {
    const chunks: Uint8Array[] = [];
    const stream = new DecompressionStream("deflate-raw");
    const reading = readAll(stream.readable, chunks, size);
    const writer = stream.writable.getWriter();
    writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined); // never a SharedArrayBuffer here
    writer.close().catch(() => undefined); // a failure surfaces in the reading
    await reading;
    return concatBytes(chunks);
  },
  // The browser has no native CRC-32 outside its compression streams; crc-32 (SheetJS's, pure
  // JavaScript) checks about a gigabyte a second, a tenth of a large workbook's read.
  crc32: (data, previous = 0) => crc32Buf(data, previous) >>> 0,
  deflater() {
    const stream = new CompressionStream("gzip");
    const chunks: Uint8Array[] = [];
    const reading = readAll(stream.readable, chunks);
    const writer = stream.writable.getWriter();
    return {
      async push(chunk, release) {
        await writer.ready;
        // The write settles once the stream has taken the chunk in; a failure surfaces at close().
        writer.write(chunk as Uint8Array<ArrayBuffer>).then(release, () => undefined);
      },
      async finish() {
        await writer.close();
        await reading;
        const gzip = concatBytes(chunks);
        const start = gzipHeaderLength(gzip);
        const view = new DataView(gzip.buffer, gzip.byteOffset, gzip.byteLength);
        const trailer = gzip.length - 8;
        return {
          chunks: [gzip.subarray(start, trailer)],
          compressedSize: trailer - start,
          crc32: view.getUint32(trailer, true),
          size: view.getUint32(trailer + 4, true),
        };
      },
    };
  },
};
