import PapaParse from "papaparse";
import { InputError, type SheetGrid } from "../../model";

/** Takes a file's bytes as they arrive (`push`), then `end`. */
export interface ByteSink {
  push(chunk: Uint8Array): void;
  end(): void;
}

/**
 * papaparse's ParserHandle, which its streamers keep one of per file: exported, but not in its
 * typings. A new `Papa.parse` for every batch measured 1.7 times as slow as one handle for the
 * file (a year of police.uk files, 64 kB batches), as each call builds its parser afresh.
 */
interface ParserHandle {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): unknown;
}
const Papa = PapaParse as typeof PapaParse & {
  ParserHandle: new (config: PapaParse.ParseConfig<string[]>) => ParserHandle;
};

const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/**
 * Where the records in `bytes[from..]` end: the index just past the last line break outside
 * a quoted field (0 when there is none), and whether the bytes end inside quotes. `quoted` is
 * the state at `from`; a line break after an odd number of quotes is inside a field ("" escapes
 * toggle twice). UTF-8 never puts these two bytes inside a multi-byte character, so bytes can be
 * cut here before decoding. Written here because papaparse has no push API that runs in both
 * Node and the browser; it parses every complete run of records.
 */
export function completeRecordsEnd(bytes: Uint8Array, from = 0, quoted = false): { end: number; quoted: boolean } {
  // Most extracts quote nothing: then native searches do it all.
  if (!quoted && bytes.indexOf(QUOTE, from) < 0) {
    const last = bytes.lastIndexOf(LINE_FEED);
    return { end: last >= from ? last + 1 : 0, quoted: false };
  }
  let end = 0;
  for (let i = from; i < bytes.length; i += 1) {
    const c = bytes[i];
    if (c === QUOTE) quoted = !quoted;
    else if (c === LINE_FEED && !quoted) end = i + 1;
  }
  return { end, quoted };
}

/**
 * The delimiter of a CSV from its first line: the commonest of comma, semicolon, tab and bar,
 * comma when none appears. Decided once per file, since papaparse's own guess, made afresh
 * for every chunk, could change mid-file.
 */
export function csvDelimiter(firstLine: string): string {
  let best = ",";
  let most = 0;
  for (const d of [",", ";", "\t", "|"]) {
    const n = firstLine.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/** How a CSV writes its records: its delimiter and its line break. */
export interface CsvFormat {
  readonly delimiter: string;
  readonly newline: "\r\n" | "\n" | "\r";
}

/**
 * A CSV's delimiter and line break, from its first record: the line break is the one ending it
 * (CR LF or LF; a line feed inside a quoted field does not count), or CR in text with no line
 * feed at all. Decided once per file, as papaparse's streamers do for the line break, so every
 * batch of a file is read alike.
 *
 * @example
 * csvFormat('Ward;"Note\non two lines";Count\r\n') //= { delimiter: ";", newline: "\r\n" }
 */
export function csvFormat(text: string): CsvFormat {
  const lf = firstRecordEnd(text);
  const newline = lf < 0 ? (text.includes("\r") ? "\r" : "\n") : lf > 0 && text[lf - 1] === "\r" ? "\r\n" : "\n";
  return { delimiter: csvDelimiter(text.slice(0, lf + 1 || text.length)), newline };
}

/** The line feed that ends the first record (outside quotes), or -1. */
function firstRecordEnd(text: string): number {
  const lf = text.indexOf("\n");
  if (lf < 0 || text.lastIndexOf('"', lf) < 0) return lf;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x0a && !quoted) return i;
  }
  return -1;
}

/**
 * Parses a file's complete records, batch after batch, into rows numbered from 1 (empty lines
 * passed over). A batch with no quote character is its lines split at the delimiter: that is
 * all papaparse itself does with such text (its "fast mode"), but its row-by-row interface
 * builds two objects for every row, and over a year of police.uk files (no quotes) going
 * without it took the whole read from 420 to 350 ms. Any batch with a quote is papaparse's,
 * through one parser for the file, row by row so each row is garbage as soon as it is counted.
 * @throws Error naming the row when a quoted field never closes
 */
function recordParser(onRow: (row: string[], line: number) => void): (text: string) => void {
  let format: CsvFormat | null = null;
  let handle: ParserHandle | null = null;
  let line = 0;
  let broken: PapaParse.ParseError | undefined;
  return (text) => {
    if (text === "") return;
    format ??= csvFormat(text);
    if (text.indexOf('"') < 0) {
      for (const record of text.split(format.newline)) if (record !== "") onRow(record.split(format.delimiter), ++line);
      return;
    }
    handle ??= new Papa.ParserHandle({
      skipEmptyLines: true,
      delimiter: format.delimiter,
      newline: format.newline,
      step: (result) => {
        broken ??= result.errors.find((e) => e.type === "Quotes");
        line += 1;
        if (!broken) onRow(result.data, line);
      },
    });
    handle.parse(text, 0, false);
    if (broken) throw new Error(`row ${line}: ${broken.message}`);
  };
}

// Records are decoded and parsed about 64 kB at a time: V8 keeps strings under 128 kB out of
// its large-object space, where decoding measured thirty times slower per megabyte. Against
// quarter-megabyte batches, a million police.uk rows ran 3% faster (alternating runs).
const BATCH = 1 << 16;

/**
 * Reads CSV bytes as they come (a file stream, a zip entry) into rows, in memory bounded by a
 * batch: each piece of bytes is cut after its last complete record (found in the bytes, quotes
 * respected) and decoded as UTF-8 (a byte-order mark dropped), and complete records are parsed
 * (`recordParser`) once about half a batch has gathered; the rest waits for the next chunk.
 * Nothing of a chunk is kept once `push` returns (the unfinished record is copied), so the
 * caller may read the next chunk into the same memory. Empty lines are passed over; `onRow`
 * gets each row with its number (the header is row 1). `batch` is the size of the pieces a
 * chunk is taken in.
 */
export function csvRows(onRow: (row: string[], line: number) => void, batch = BATCH): ByteSink {
  // Bytes are decoded only up to a record's end, a line feed, which is never inside a UTF-8
  // character: each decode is then whole, so the decoder is never asked to stream, and Node's
  // TextDecoder keeps its fast path (streaming made decoding six times slower). Only the bytes
  // of the unfinished record are held over to the next piece.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let held: Uint8Array = new Uint8Array(0);
  let waiting = "";
  let quoted = false;
  let first = true;
  const records = recordParser(onRow);
  const parse = (text: string): void => {
    if (first) {
      // A byte-order mark is dropped at the file's start only.
      first = false;
      if (text.startsWith("\uFEFF")) text = text.slice(1);
    }
    records(text);
  };
  const take = (piece: Uint8Array): void => {
    const found = completeRecordsEnd(piece, 0, quoted);
    quoted = found.quoted;
    if (found.end === 0) {
      held = joined(held, piece);
      return;
    }
    // Only the held bytes and the piece's first line are joined; the rest is decoded in place.
    const from = held.length > 0 ? piece.indexOf(LINE_FEED) + 1 : 0;
    if (from > 0) waiting += decoder.decode(joined(held, piece.subarray(0, from)));
    waiting += decoder.decode(piece.subarray(from, found.end));
    // Copied (a Node Buffer's `slice` would be a view of the chunk).
    held = new Uint8Array(piece.subarray(found.end));
    if (waiting.length >= batch >> 1) {
      const text = waiting;
      waiting = "";
      parse(text);
    }
  };
  return {
    // A large chunk (a zip entry inflated, a file read whole) is taken a batch at a time, so
    // what is decoded and parsed at once stays under V8's large-object size.
    push(chunk) {
      for (let at = 0; at < chunk.length; at += batch) take(chunk.subarray(at, at + batch));
    },
    end() {
      parse(waiting + decoder.decode(held));
      waiting = "";
      held = new Uint8Array(0);
    },
  };
}

/** Two runs of bytes as one, in new memory: a chunk pushed may be overwritten once `push` returns. */
function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  const both = new Uint8Array(a.length + b.length);
  both.set(a);
  both.set(b, a.length);
  return both;
}

/**
 * A whole CSV text as one sheet (named after its file): for small tables such as a crime-group
 * mapping or a population file. Empty cells are empty; rows may differ in length.
 * @throws InputError naming the file and row when a quoted field never closes
 */
export function csvSheet(fileName: string, text: string): SheetGrid {
  const parsed = Papa.parse<string[]>(text.startsWith("\uFEFF") ? text.slice(1) : text, { skipEmptyLines: true });
  const broken = parsed.errors.find((e) => e.type === "Quotes");
  if (broken)
    throw new InputError(null, `${fileName} is not readable CSV (row ${(broken.row ?? 0) + 1}: ${broken.message})`);
  const name = (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[^.]*$/, "");
  return { name, top: 0, left: 0, values: parsed.data.map((r) => r.map((v) => (v.trim() === "" ? null : v))) };
}
