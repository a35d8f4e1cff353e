/**
 * Bytes gathered as a stream delivers them, read from the front: a reader cuts whole records
 * off the front and keeps the rest for the next chunk. Cutting only moves the front; the bytes
 * left are moved down when a chunk would not otherwise fit, and the room doubles when it still
 * will not, so each byte is copied a bounded number of times and memory stays at the largest
 * run of bytes not yet cut.
 */
export class ByteQueue {
  private buffer: Uint8Array;
  private start = 0;
  private size = 0;

  constructor(capacity: number) {
    this.buffer = new Uint8Array(capacity);
  }

  /** The bytes waiting, as a view (valid until the next push). */
  get bytes(): Uint8Array {
    return this.buffer.subarray(this.start, this.start + this.size);
  }

  get length(): number {
    return this.size;
  }

  push(chunk: Uint8Array): void {
    if (this.start + this.size + chunk.length > this.buffer.length) {
      if (this.size + chunk.length > this.buffer.length) {
        const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.size + chunk.length));
        grown.set(this.bytes);
        this.buffer = grown;
      } else {
        this.buffer.copyWithin(0, this.start, this.start + this.size);
      }
      this.start = 0;
    }
    this.buffer.set(chunk, this.start + this.size);
    this.size += chunk.length;
  }

  /** Takes the first `count` bytes away. */
  drop(count: number): void {
    this.start += count;
    this.size -= count;
    if (this.size === 0) this.start = 0;
  }
}
