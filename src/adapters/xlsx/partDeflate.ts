import type { DeflateCodec, DeflatedPart } from "./deflateCodec";

// A part's text compressed as it is written, in a few reused megabyte buffers.

const encoder = new TextEncoder();
/** Bytes handed to the compressor at a time. */
const CHUNK = 1 << 20;
/** A part's first buffer: most parts (the workbook's own, a short sheet) never need more. */
const FIRST_CHUNK = 1 << 16;

/**
 * Compresses a part from its text pieces, encoded into megabyte chunks as they come. A chunk's
 * buffer is filled again once the compressor has released it, so a part takes a few megabytes
 * however large it is. (A new buffer for each chunk left a hundred megabytes outside V8's heap
 * for its collector to free, and V8 answered that pressure with a full collection mid-write.)
 */
export async function deflatePieces(pieces: Iterable<string>, codec: DeflateCodec): Promise<DeflatedPart> {
  return (await feedPieces(pieces, codec)).finished;
}

/**
 * Hands every piece to the compressor (as `deflatePieces`), giving the page its turn when
 * `turn` asks; resolves once all are handed over, with the compression still finishing. A part
 * starts in a small buffer and moves to a megabyte one only when it outgrows it: zeroing a
 * megabyte for each of a small workbook's parts cost more than writing them.
 */
export async function feedPieces(
  pieces: Iterable<string>,
  codec: DeflateCodec,
  turn: () => Promise<void> | null = () => null,
): Promise<{ finished: Promise<DeflatedPart> }> {
  const deflater = codec.deflater();
  const released: Uint8Array[] = [];
  let buffer: Uint8Array = new Uint8Array(FIRST_CHUNK);
  let used = 0;
  for (const piece of pieces) {
    const paused = turn();
    if (paused) await paused;
    // UTF-8 takes at most three bytes for each UTF-16 unit.
    const most = piece.length * 3;
    if (used + most > buffer.length && buffer.length < CHUNK && used + most <= CHUNK) {
      const larger = new Uint8Array(CHUNK);
      larger.set(buffer.subarray(0, used));
      buffer = larger;
    } else if (used + most > buffer.length && used > 0) {
      const full = buffer;
      await deflater.push(full.subarray(0, used), () => released.push(full));
      buffer = released.pop() ?? new Uint8Array(CHUNK);
      used = 0;
    }
    if (most > buffer.length) await deflater.push(encoder.encode(piece));
    else used += encoder.encodeInto(piece, buffer.subarray(used)).written;
  }
  if (used > 0) await deflater.push(buffer.subarray(0, used));
  const finished = deflater.finish();
  finished.catch(() => undefined); // a failure is reported where the part is awaited
  return { finished };
}
