import { Unzip, type UnzipDecoderConstructor, UnzipInflate } from "fflate";
import { InputError } from "../../model";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** True when these are the first bytes of a zip file (a police.uk download, or an .xlsx). */
export const isZip = (bytes: Uint8Array): boolean => ZIP_MAGIC.every((b, i) => bytes[i] === b);

/**
 * How a zip's deflated entries are inflated: fflate's own decoder (synchronous, in JavaScript)
 * by default, or a native one that works off the main thread (Node's zlib) and says when all
 * it was given has come out.
 */
export interface EntryInflater {
  readonly decoder: UnzipDecoderConstructor;
  /** Resolves once every byte pushed so far has been inflated and handed on. */
  settled(): Promise<void>;
}

const FFLATE: EntryInflater = { decoder: UnzipInflate, settled: () => Promise.resolve() };

/** Where one entry's bytes go. */
interface EntrySink {
  push(chunk: Uint8Array): void;
  end(): void;
}

/**
 * Streams a zip's entries through fflate, one after another as their bytes arrive, without
 * unpacking anything to disk: `onEntry` gets each file's name (folders are passed over) and
 * returns where its bytes go, or null to skip it. Entries reach their sinks whole and in
 * order even when a native inflater finishes them out of turn; memory stays at the chunks in
 * flight.
 * @throws InputError naming the zip when it is damaged or not a zip
 */
export async function readZipEntries(
  zipName: string,
  chunks: AsyncIterable<Uint8Array>,
  onEntry: (name: string) => EntrySink | null,
  inflater: EntryInflater = FFLATE,
): Promise<void> {
  let failure: Error | null = null;
  let first = true;
  // Entries started and not yet ended, oldest first: only the oldest is handed its bytes.
  const queue: { name: string; sink: EntrySink; chunks: Uint8Array[]; done: boolean }[] = [];
  const deliver = (): void => {
    try {
      while (queue.length > 0 && !failure) {
        const head = queue[0];
        while (head.chunks.length > 0) head.sink.push(head.chunks.shift() as Uint8Array);
        if (!head.done) return;
        head.sink.end();
        queue.shift();
      }
    } catch (e) {
      failure =
        e instanceof InputError
          ? e
          : new InputError(null, `${zipName}: ${queue[0]?.name} cannot be read (${(e as Error).message})`);
    }
  };
  const unzip = new Unzip((file) => {
    if (file.name.endsWith("/")) return;
    const sink = onEntry(file.name);
    if (!sink) return;
    const entry = { name: file.name, sink, chunks: [] as Uint8Array[], done: false };
    queue.push(entry);
    file.ondata = (error, data, final) => {
      if (failure) return;
      if (error) {
        failure = new InputError(null, `${zipName}: ${file.name} cannot be unpacked (${error.message})`);
        return;
      }
      if (data.length > 0) entry.chunks.push(data);
      entry.done = final;
      deliver();
    };
    try {
      file.start();
    } catch (e) {
      failure = new InputError(null, `${zipName}: ${file.name} cannot be unpacked (${(e as Error).message})`);
    }
  });
  unzip.register(inflater.decoder);
  const damaged = (e: unknown): InputError =>
    new InputError(null, `${zipName} is a damaged zip file (${(e as Error).message})`);
  for await (const chunk of chunks) {
    if (first && chunk.length > 0) {
      if (!isZip(chunk)) throw new InputError(null, `${zipName} is not a zip file`);
      first = false;
    }
    try {
      unzip.push(chunk, false);
    } catch (e) {
      throw damaged(e);
    }
    // Wait for the inflater before reading on, so bytes in flight stay at a chunk or two.
    await inflater.settled();
    if (failure) throw failure;
  }
  try {
    unzip.push(new Uint8Array(0), true);
  } catch (e) {
    throw damaged(e);
  }
  await inflater.settled();
  if (failure) throw failure;
  if (queue.length > 0) throw new InputError(null, `${zipName} ends inside ${queue[0].name}: the zip is cut short`);
}
