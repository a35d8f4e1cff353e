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

const decoder = new TextDecoder();

/**
 * An .xlsx package opened for reading: its central directory, and each entry's bytes on demand.
 * `open` returns null for a file it cannot read (not a zip, damaged, ZIP64, encrypted), so the
 * caller can hand it to ExcelJS, which either reads it or names what is wrong.
 */
export class ZipPackage {
  private readonly entries = new Map<string, ZipEntry>();

  private constructor(entries: readonly ZipEntry[]) {
    for (const entry of entries) this.entries.set(entry.name, entry);
  }

  static open(bytes: Uint8Array): ZipPackage | null {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let end = -1;
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
      if (view.getUint32(at, true) === END_OF_CENTRAL) {
        end = at;
        break;
      }
    }
    if (end < 0) return null;
    const count = view.getUint16(end + 10, true);
    const directorySize = view.getUint32(end + 12, true);
    let at = view.getUint32(end + 16, true);
    if (count === 0xffff || at === 0xffffffff || at + directorySize > end) return null;
    const entries: ZipEntry[] = [];
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_HEADER) return null;
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const compressedSize = view.getUint32(at + 20, true);
      const nameLength = view.getUint16(at + 28, true);
      const offset = view.getUint32(at + 42, true);
      if (flags & FLAG_ENCRYPTED || (method !== STORED && method !== DEFLATED)) return null;
      if (compressedSize === 0xffffffff || offset === 0xffffffff || offset + 30 > bytes.length) return null;
      if (view.getUint32(offset, true) !== LOCAL_HEADER) return null;
      const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
      if (start + compressedSize > bytes.length) return null;
      entries.push({
        name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
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

  /** An entry's content, inflated. */
  async read(name: string, codec: DeflateCodec): Promise<Uint8Array | null> {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const data = entry.method === STORED ? entry.raw : await codec.inflateRaw(entry.raw, entry.size);
    if (data.length !== entry.size)
      throw new Error(`${name} is damaged (${data.length} bytes where ${entry.size} were recorded)`);
    return data;
  }

  async text(name: string, codec: DeflateCodec): Promise<string | null> {
    const data = await this.read(name, codec);
    return data === null ? null : decoder.decode(data);
  }
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

/** Writes the parts as a zip file, in the order given. */
export function writeZip(parts: readonly PackagePart[]): Uint8Array {
  const stamp = dosDateTime();
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
