/**
 * Bytes gathered as a stream delivers them, read from the front: a reader cuts whole records
 * off the front and keeps the rest for the next chunk. The room doubles when a chunk will not
 * fit, so memory stays at the largest run of bytes not yet cut.
 */
export class ByteQueue {
  private buffer: Uint8Array;
  private size = 0;

  constructor(capacity: number) {
    this.buffer = new Uint8Array(capacity);
  }

  /** The bytes waiting, as a view (valid until the next push or drop). */
  get bytes(): Uint8Array {
    return this.buffer.subarray(0, this.size);
  }

  get length(): number {
    return this.size;
  }

  push(chunk: Uint8Array): void {
    if (this.size + chunk.length > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.size + chunk.length));
      grown.set(this.buffer.subarray(0, this.size));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.size);
    this.size += chunk.length;
  }

  /** Takes the first `count` bytes away. */
  drop(count: number): void {
    this.buffer.copyWithin(0, count, this.size);
    this.size -= count;
  }
}
