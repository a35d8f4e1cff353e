import type { CellValue } from "../../model/cellValue";

// An extract repeats itself row after row: a police.uk file is one month of one force, sorted by
// LSOA, and a category often runs for several records. Comparing with the last key (`===` on two
// short strings) costs less than hashing a fresh string into a Map, so both classes below look
// at the last key first: counting a year of Kent's rows (196,124, already parsed) took 137 ms
// rather than 170 (`LsoaTally` looks at its last force, month and LSOA the same way).

/** A reading of each distinct cell text, remembered (up to `limit` texts), the last one first. */
export class TextMemo<T> {
  private readonly seen = new Map<string, T>();
  private lastText: string | null = null;
  private lastValue: T | undefined;

  constructor(
    private readonly read: (value: CellValue) => T,
    private readonly limit = 50000,
  ) {}

  /** The reading of a cell: remembered for text, read afresh for anything else. */
  get(value: CellValue): T {
    if (typeof value !== "string") return this.read(value);
    if (value === this.lastText) return this.lastValue as T;
    let result = this.seen.get(value);
    if (result === undefined && !this.seen.has(value)) {
      result = this.read(value);
      if (this.seen.size < this.limit) this.seen.set(value, result);
    }
    this.lastText = value;
    this.lastValue = result;
    return result as T;
  }
}

/**
 * Counts by key, a run of one key counted without a lookup. A new key is taken only while
 * fewer than `limit` are held (past that a column is not what it says); `add` says whether
 * the key was new. Read the counts through `entries`, which adds in the run under way.
 */
export class RunTally<K extends string | number> {
  private readonly counts = new Map<K, number>();
  private run: K | undefined;
  private runLength = 0;

  constructor(private readonly limit = Infinity) {}

  /** One more of `key`; true when the key was not held before. */
  add(key: K): boolean {
    if (key === this.run) {
      this.runLength += 1;
      return false;
    }
    this.flush();
    const known = this.counts.has(key);
    if (!known) {
      if (this.counts.size >= this.limit) return false;
      this.counts.set(key, 0);
    }
    this.run = key;
    this.runLength = 1;
    return !known;
  }

  /** The count of a key. */
  get(key: K): number {
    return (this.counts.get(key) ?? 0) + (key === this.run ? this.runLength : 0);
  }

  /** Every key with its count, in the order the keys were first added. */
  entries(): [K, number][] {
    this.flush();
    return [...this.counts];
  }

  /** The keys, in the order they were first added. */
  keys(): K[] {
    return [...this.counts.keys()];
  }

  private flush(): void {
    if (this.run === undefined) return;
    this.counts.set(this.run, (this.counts.get(this.run) ?? 0) + this.runLength);
    this.run = undefined;
    this.runLength = 0;
  }
}
