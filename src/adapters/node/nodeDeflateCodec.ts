import buffer from "node:buffer";
import zlib from "node:zlib";
import { type StreamingCodec, webDeflateCodec } from "../xlsx/deflateCodec";

// Node only (the task pane uses `webDeflateCodec`), so it lives with the CLI.

/** Level 1: on SpreadsheetML it is three times faster than the default and only about 15% larger. */
const LEVEL = 1;
/** Chunks of one part waiting or being compressed before `push` waits for the oldest. */
const IN_FLIGHT = 4;
/**
 * An empty final block (fixed Huffman codes, end of block only), which closes a deflate
 * stream whose earlier blocks were sync-flushed (RFC 1951 §3.2.3 and §3.2.6).
 */
const FINAL_BLOCK = Uint8Array.of(0x03, 0x00);

/**
 * One chunk compressed as one job on the thread pool. The output buffer holds the whole result
 * (deflate grows incompressible data by a few bytes per 16 KB block): with zlib's default of
 * 16 KB, the work is cut into many jobs, each waiting for the busy main thread to start it.
 *
 * The result is copied out of that buffer: zlib hands back a view of it, which would keep the
 * whole megabyte alive until the package is written. A hundred such megabytes of memory outside
 * V8's heap made V8 start a full collection in the middle of writing, to relieve the pressure.
 */
function deflateChunk(chunk: Uint8Array): Promise<Buffer> {
  const chunkSize = Math.max(64 * 1024, chunk.length + (chunk.length >> 10) + 1024);
  return new Promise((resolve, reject) =>
    zlib.deflateRaw(chunk, { level: LEVEL, finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize }, (error, out) =>
      error ? reject(error) : resolve(Buffer.from(out)),
    ),
  );
}

/**
 * At most two chunks are compressed at once, across every part. On a two-core machine one at
 * a time leaves the pool idle whenever a job ends before the busy main thread starts the next;
 * more than two take the core the main thread needs for writing the XML.
 */
const lanes: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
let nextLane = 0;

function queueChunk(chunk: Uint8Array): Promise<Buffer> {
  const lane = nextLane;
  nextLane = (nextLane + 1) % lanes.length;
  const job = lanes[lane].then(() => deflateChunk(chunk));
  lanes[lane] = job.catch(() => undefined);
  return job;
}

/**
 * zlib in Node. Each chunk of a part is compressed on its own, as pigz does: a sync flush ends
 * it on a byte boundary without closing the stream, so the chunks joined, then an empty final
 * block, are one deflate stream. Each chunk is then a separate job on libuv's thread pool,
 * which runs while the main thread goes on writing XML and never waits on it between chunks
 * (a zlib stream needs the main thread to hand it every next piece). Starting each chunk
 * afresh costs well under 1% in size at a megabyte a chunk.
 */
export const nodeDeflateCodec: StreamingCodec = {
  inflateRaw(data, size) {
    // Room for the whole part in one output buffer, for the reason given at deflateChunk (up to
    // a limit: the size comes from the file, which may be damaged).
    const chunkSize = Math.min(Math.max(64 * 1024, size), 64 * 1024 * 1024);
    // maxOutputLength stops a part that inflates past its recorded size at that size.
    const maxOutputLength = Math.max(1, Math.min(size + 1, buffer.constants.MAX_LENGTH));
    return new Promise((resolve, reject) =>
      zlib.inflateRaw(data, { chunkSize, maxOutputLength }, (error, out) => (error ? reject(error) : resolve(out))),
    );
  },
  async *inflateChunks(data) {
    const stream = zlib.createInflateRaw({ chunkSize: 1 << 16 });
    stream.end(data);
    for await (const chunk of stream) yield chunk as Uint8Array;
  },
  // zlib.crc32 came in Node 20.15; before it, the browser's JavaScript CRC-32 serves.
  crc32: typeof zlib.crc32 === "function" ? (data, previous = 0) => zlib.crc32(data, previous) : webDeflateCodec.crc32,
  deflater() {
    // zlib.crc32 came in Node 20.15; before it, the Compression Streams API (native too) serves.
    if (typeof zlib.crc32 !== "function") return webDeflateCodec.deflater();
    const jobs: Promise<Buffer>[] = [];
    let size = 0;
    let crc = 0;
    return {
      async push(chunk, release) {
        crc = zlib.crc32(chunk, crc);
        size += chunk.length;
        const job = queueChunk(chunk);
        job.then(release, () => undefined); // a failure is reported by finish()
        jobs.push(job);
        if (jobs.length > IN_FLIGHT) await jobs[jobs.length - 1 - IN_FLIGHT];
      },
      async finish() {
        const chunks: Uint8Array[] = [...(await Promise.all(jobs)), FINAL_BLOCK];
        const compressedSize = chunks.reduce((n, c) => n + c.length, 0);
        return { chunks, compressedSize, size, crc32: crc >>> 0 };
      },
    };
  },
};
