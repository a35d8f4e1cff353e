import { type DeflateCodec, type DeflatedPart, concatBytes } from "./deflateCodec";

// The zip container of an .xlsx (APPNOTE 6.3, without ZIP64, encryption or multiple disks).
// Written here rather than taken from JSZip because JSZip can neither hand back an entry's
// compressed bytes nor take pre-compressed ones, and deflates in JavaScript: copying the
// analyst's parts untouched and deflating ours natively is most of the write's speed.

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
const FLAG_ENCRYPTED = 1;
const FLAG_UTF8 = 0x800;

/** One entry as the central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly time: number;
  readonly date: number;
  /** The entry's data as stored in the file (compressed when `method` is deflate). */
  readonly raw: Uint8Array;
}

/**
 * A package refused outright, whatever reads it: its message says why in a sentence that
 * follows the file's name ("… holds two entries named xl/workbook.xml").
 */
export class PackageRefused extends Error {}

/** A part whose bytes do not match the CRC-32 or size its entry records. */
export class DamagedPart extends PackageRefused {
  constructor(
    readonly part: string,
    why: string,
  ) {
    super(`is damaged: its part ${part} ${why}; open it in Excel, save it again and try again`);
  }
}

/** The most a single part may inflate to. */
export const PART_LIMIT = 1 << 30;
/** How many times its compressed size a part larger than RATIO_FLOOR may inflate to. */
export const RATIO_LIMIT = 200;
/** Parts below this are never refused for their ratio: a small part cannot exhaust memory. */
const RATIO_FLOOR = 16 << 20;

const decoder = new TextDecoder();

/** Why an entry name cannot be a part name (a path out of the package), or null when it can be. */
function unsafeName(name: string): string | null {
  if (name.length === 0) return "an entry with no name";
  if (name.includes("\\") || name.includes("\0")) return `an entry named ${JSON.stringify(name)}`;
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name) || name.split("/").some((s) => s === ".." || s === "."))
    return `an entry named ${JSON.stringify(name)}, a path outside the workbook`;
  return null;
}

/**
 * An .xlsx package opened for reading: its central directory, and each entry's bytes on demand,
 * each checked against its CRC-32 and size when first inflated. `inspect` declines (with the
 * reason) a zip it cannot read but another reader might (ZIP64, compression other than
 * deflate), so the caller can hand it to ExcelJS; it refuses what nothing should read (entries
 * that point outside the package, two entries of one name, encrypted entries).
 */
export class ZipPackage {
  private readonly entries = new Map<string, ZipEntry>();
  /** Entries whose bytes have been checked against their CRC-32: true when they matched. */
  private readonly checked = new Map<string, boolean>();
  /** The text of the workbook-level parts, once read (see `text`). */
  private readonly kept = new Map<string, Promise<string | null>>();

  private constructor(entries: readonly ZipEntry[]) {
    for (const entry of entries) this.entries.set(entry.name, entry);
  }

  /** The package, or null when this reader declines or refuses it (`inspect` says why). */
  static open(bytes: Uint8Array): ZipPackage | null {
    try {
      const opened = ZipPackage.inspect(bytes);
      return opened instanceof ZipPackage ? opened : null;
    } catch (error) {
      if (error instanceof PackageRefused) return null;
      throw error;
    }
  }

  /**
   * The package, or why this reader declines it.
   * @throws PackageRefused for a package nothing should read
   */
  static inspect(bytes: Uint8Array): ZipPackage | { declined: string } {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let end = -1;
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
      if (view.getUint32(at, true) === END_OF_CENTRAL) {
        end = at;
        break;
      }
    }
    if (end < 0) return { declined: "its zip directory is missing (the file is cut short or damaged)" };
    const count = view.getUint16(end + 10, true);
    const directorySize = view.getUint32(end + 12, true);
    let at = view.getUint32(end + 16, true);
    if (count === 0xffff || at === 0xffffffff) return { declined: "it is a ZIP64 archive" };
    if (at + directorySize > end) return { declined: "its zip directory is damaged" };
    const entries: ZipEntry[] = [];
    const names = new Set<string>();
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_HEADER)
        return { declined: "its zip directory is damaged" };
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const compressedSize = view.getUint32(at + 20, true);
      const nameLength = view.getUint16(at + 28, true);
      const offset = view.getUint32(at + 42, true);
      if (at + 46 + nameLength > end) return { declined: "its zip directory is damaged" };
      const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      const unsafe = unsafeName(name);
      if (unsafe) throw new PackageRefused(`holds ${unsafe}, which no workbook has`);
      // Two entries of one name: readers disagree on which one counts, so neither is taken.
      if (names.has(name.toLowerCase())) throw new PackageRefused(`holds two entries named ${name}`);
      names.add(name.toLowerCase());
      if (flags & FLAG_ENCRYPTED)
        throw new PackageRefused("is encrypted; save it without a password as an .xlsx workbook and try again");
      if (method !== STORED && method !== DEFLATED)
        return { declined: `its part ${name} is compressed by method ${method}, not deflate` };
      if (compressedSize === 0xffffffff || offset === 0xffffffff) return { declined: "it is a ZIP64 archive" };
      if (offset + 30 > bytes.length || view.getUint32(offset, true) !== LOCAL_HEADER)
        return { declined: `its part ${name} is not where the zip directory says` };
      const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
      if (start + compressedSize > bytes.length) return { declined: `its part ${name} is cut short` };
      entries.push({
        name,
        method,
        crc32: view.getUint32(at + 16, true),
        compressedSize,
        size: view.getUint32(at + 24, true),
        time: view.getUint16(at + 12, true),
        date: view.getUint16(at + 14, true),
        raw: bytes.subarray(start, start + compressedSize),
      });
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return new ZipPackage(entries);
  }

  /** Entry names in the order the file holds them. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name);
  }

  /**
   * An entry's content, inflated and checked.
   * @throws PackageRefused for a part past the size limits, DamagedPart for a damaged one
   */
  async read(name: string, codec: DeflateCodec): Promise<Uint8Array | null> {
    const entry = this.entries.get(name);
    if (!entry) return null;
    checkLimits(entry);
    let data: Uint8Array;
    try {
      data = entry.method === STORED ? entry.raw : await codec.inflateRaw(entry.raw, entry.size);
    } catch {
      this.checked.set(name, false);
      throw new DamagedPart(name, "cannot be inflated");
    }
    if (data.length !== entry.size) {
      this.checked.set(name, false);
      throw new DamagedPart(name, `holds ${data.length} bytes where ${entry.size} were recorded`);
    }
    if (!this.checked.has(name)) this.checked.set(name, codec.crc32(data) === entry.crc32);
    if (!this.checked.get(name)) throw new DamagedPart(name, "does not match its CRC-32");
    return data;
  }

  /**
   * An entry's content as text. With `keep`, the text is kept for the next call: the
   * workbook-level parts are read for reading, for checking the write and for writing.
   */
  text(name: string, codec: DeflateCodec, keep = false): Promise<string | null> {
    const kept = this.kept.get(name);
    if (kept) return kept;
    const text = this.read(name, codec).then((data) => (data === null ? null : decoder.decode(data)));
    if (keep) {
      this.kept.set(name, text);
      text.catch(() => this.kept.delete(name));
    }
    return text;
  }

  /** Records that a part streamed elsewhere matched its CRC-32 and size (or did not), so it is not inflated again to check it. */
  noteChecked(name: string, intact: boolean): void {
    this.checked.set(name, intact);
  }

  /**
   * Whether an entry's bytes match its CRC-32 and size, inflating it once if it has not been
   * read (a part copied into the output is checked like a part read).
   * @throws PackageRefused for a part past the size limits
   */
  async intact(name: string, codec: DeflateCodec): Promise<boolean> {
    const known = this.checked.get(name);
    if (known !== undefined) return known;
    try {
      await this.read(name, codec);
      return true;
    } catch (error) {
      if (error instanceof DamagedPart) return false;
      throw error;
    }
  }
}

/** @throws PackageRefused when an entry would inflate past the limits (a zip bomb). */
export function checkLimits(entry: ZipEntry): void {
  if (entry.size > PART_LIMIT)
    throw new PackageRefused(`has a part ${entry.name} that would take ${entry.size} bytes, past the 1 GiB limit`);
  if (entry.size > RATIO_FLOOR && entry.size > RATIO_LIMIT * entry.compressedSize)
    throw new PackageRefused(
      `has a part ${entry.name} that would inflate to over ${RATIO_LIMIT} times its size in the file, as a zip bomb does`,
    );
}

/** A part for the new package: an entry copied as it is, or one just compressed. */
export type PackagePart =
  { readonly name: string; readonly entry: ZipEntry } | { readonly name: string; readonly deflated: DeflatedPart };

const encoder = new TextEncoder();

/** Today's date and time in MS-DOS form, as zip entries record them. */
function dosDateTime(now = new Date()): { time: number; date: number } {
  return {
    time: (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1),
    date: ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate(),
  };
}

/**
 * Writes the parts as a zip file, in the order given. New parts carry `stamp` (MS-DOS time and
 * date) when given, else the time now.
 */
export function writeZip(
  parts: readonly PackagePart[],
  stamp: { time: number; date: number } = dosDateTime(),
): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = encoder.encode(part.name);
    const ascii = name.length === part.name.length;
    const entry =
      "entry" in part
        ? { ...part.entry, data: [part.entry.raw] }
        : {
            method: DEFLATED,
            crc32: part.deflated.crc32,
            compressedSize: part.deflated.compressedSize,
            size: part.deflated.size,
            ...stamp,
            data: part.deflated.chunks,
          };
    if (offset > 0xffffffff - 30 - name.length - entry.compressedSize)
      throw new Error("The workbook would be larger than 4 GB, which this writer cannot hold");
    const header = new Uint8Array(30 + name.length);
    const h = new DataView(header.buffer);
    h.setUint32(0, LOCAL_HEADER, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, ascii ? 0 : FLAG_UTF8, true);
    h.setUint16(8, entry.method, true);
    h.setUint16(10, entry.time, true);
    h.setUint16(12, entry.date, true);
    h.setUint32(14, entry.crc32, true);
    h.setUint32(18, entry.compressedSize, true);
    h.setUint32(22, entry.size, true);
    h.setUint16(26, name.length, true);
    header.set(name, 30);
    const record = new Uint8Array(46 + name.length);
    const c = new DataView(record.buffer);
    c.setUint32(0, CENTRAL_HEADER, true);
    c.setUint16(4, 20, true);
    record.set(header.subarray(4, 30), 6);
    c.setUint32(42, offset, true);
    record.set(name, 46);
    central.push(record);
    chunks.push(header, ...entry.data);
    offset += header.length + entry.compressedSize;
  }
  const directorySize = central.reduce((n, r) => n + r.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, END_OF_CENTRAL, true);
  e.setUint16(8, parts.length, true);
  e.setUint16(10, parts.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  return concatBytes([...chunks, ...central, end], offset + directorySize + 22);
}
