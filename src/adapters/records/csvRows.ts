import Papa from "papaparse";
import { InputError, type SheetGrid } from "../../model";
import { ByteQueue } from "../byteQueue";

/** Takes a file's bytes as they arrive (`push`), then `end`. */
export interface ByteSink {
  push(chunk: Uint8Array): void;
  end(): void;
}

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
 * batch: complete records are cut from the bytes, decoded as UTF-8 (a byte-order mark dropped)
 * and parsed by papaparse with the file's delimiter and line ending, and the rest waits for the
 * next chunk. Empty lines are passed over; `onRow` gets each row with its number (the header
 * is row 1). `batch` is the bytes of complete records gathered before a parse.
 */
export function csvRows(onRow: (row: string[], line: number) => void, batch = BATCH): ByteSink {
  const decoder = new TextDecoder("utf-8");
  const queue = new ByteQueue(batch * 2);
  // Bytes before `scanned` are known to end their records at `end`, with the quote state after them.
  let scanned = 0;
  let end = 0;
  let quoted = false;
  let line = 0;
  let delimiter: string | null = null;
  let newline: string | undefined;
  const parse = (text: string): void => {
    if (text === "") return;
    delimiter ??= csvDelimiter(text.slice(0, text.indexOf("\n") + 1 || text.length));
    // papaparse guesses the line ending from the first batch; later batches take the same.
    // Row by row (papaparse's step), so each row is garbage as soon as it is counted.
    let broken: Papa.ParseError | undefined;
    Papa.parse<string[]>(text, {
      skipEmptyLines: true,
      delimiter,
      newline: newline as Papa.ParseConfig["newline"],
      step: (result) => {
        newline ??= result.meta.linebreak;
        broken ??= result.errors.find((e) => e.type === "Quotes");
        line += 1;
        if (!broken) onRow(result.data, line);
      },
    });
    if (broken) throw new Error(`row ${line}: ${broken.message}`);
  };
  const flush = (upTo: number): void => {
    parse(decoder.decode(queue.bytes.subarray(0, upTo)));
    queue.drop(upTo);
    scanned -= upTo;
    end = 0;
  };
  const take = (chunk: Uint8Array): void => {
    queue.push(chunk);
    const found = completeRecordsEnd(queue.bytes, scanned, quoted);
    if (found.end > 0) end = found.end;
    quoted = found.quoted;
    scanned = queue.length;
    // The front of the queue starts a record, so where the next batch and a half holds no
    // quote any line break in it ends a record: cut there, and scan only that much.
    while (end >= batch) {
      const window = queue.bytes.subarray(0, Math.min(end, batch + (batch >> 1)));
      const cut = window.indexOf(QUOTE) < 0 ? window.lastIndexOf(LINE_FEED) + 1 : 0;
      const upTo = cut > 0 ? cut : end;
      const rest = end - upTo;
      flush(upTo);
      end = rest;
    }
  };
  return {
    // A large chunk (a file read a megabyte at a time) goes in a batch at a time, so the queue
    // stays a few batches long and in cache: copying whole megabytes into it measured a tenth
    // of a year of police.uk files' reading time.
    push(chunk) {
      for (let at = 0; at < chunk.length; at += batch) take(chunk.subarray(at, at + batch));
    },
    end() {
      flush(queue.length);
      parse(decoder.decode());
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
