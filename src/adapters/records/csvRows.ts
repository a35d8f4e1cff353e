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

// Records are decoded and parsed about 64 kB at a time: V8 keeps strings under 128 kB out of
// its large-object space, where decoding measured thirty times slower per megabyte. Against
// quarter-megabyte batches, a million police.uk rows ran 3% faster (alternating runs).
const BATCH = 1 << 16;

/**
 * Reads CSV bytes as they come (a file stream, a zip entry) into rows, in memory bounded by a
 * batch: each piece of bytes is decoded as UTF-8 in order (a byte-order mark dropped), cut after
 * its last complete record (found in the bytes, quotes respected), and complete records are
 * parsed by papaparse with the file's delimiter once about half a batch has gathered; the rest
 * waits for the next chunk. Empty lines are passed over; `onRow` gets each row with its number
 * (the header is row 1). `batch` is the size of the pieces a chunk is taken in.
 */
export function csvRows(onRow: (row: string[], line: number) => void, batch = BATCH): ByteSink {
  // Decoding in order with `stream` carries a character split between pieces over to the next;
  // a record ends at a line feed, which is never inside a UTF-8 character, so text cut at a
  // record's end is whole. No bytes are copied: only the text waiting is kept.
  const decoder = new TextDecoder("utf-8");
  let waiting = "";
  let complete = 0; // the length of `waiting` that is whole records
  let quoted = false;
  let line = 0;
  let handle: ParserHandle | null = null;
  let broken: PapaParse.ParseError | undefined;
  const parse = (text: string): void => {
    if (text === "") return;
    // One parser for the whole file, as papaparse's own streamers keep: its line ending is
    // guessed from the first batch and kept. Row by row (papaparse's step), so each row is
    // garbage as soon as it is counted.
    handle ??= new Papa.ParserHandle({
      skipEmptyLines: true,
      delimiter: csvDelimiter(text.slice(0, text.indexOf("\n") + 1 || text.length)),
      step: (result) => {
        broken ??= result.errors.find((e) => e.type === "Quotes");
        line += 1;
        if (!broken) onRow(result.data, line);
      },
    });
    handle.parse(text, 0, false);
    if (broken) throw new Error(`row ${line}: ${broken.message}`);
  };
  const take = (piece: Uint8Array): void => {
    const found = completeRecordsEnd(piece, 0, quoted);
    quoted = found.quoted;
    if (found.end > 0) {
      waiting += decoder.decode(piece.subarray(0, found.end), { stream: true });
      complete = waiting.length;
      piece = piece.subarray(found.end);
    }
    waiting += decoder.decode(piece, { stream: true });
    if (complete >= batch >> 1) {
      const records = waiting.slice(0, complete);
      waiting = waiting.slice(complete);
      complete = 0;
      parse(records);
    }
  };
  return {
    // A large chunk (a file read a megabyte at a time) is taken a batch at a time, so what is
    // decoded and parsed at once stays under V8's large-object size.
    push(chunk) {
      for (let at = 0; at < chunk.length; at += batch) take(chunk.subarray(at, at + batch));
    },
    end() {
      parse(waiting + decoder.decode());
      waiting = "";
    },
  };
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
