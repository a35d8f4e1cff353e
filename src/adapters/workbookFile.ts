import type ExcelJS from "exceljs";
import type { ResultSheet, WorkbookGrids, WorkbookPort } from "../model";
import { InputError } from "../model";
import { type DeflateCodec, ZipPackage, readPackageGrids, webDeflateCodec, writeIntoPackage } from "./xlsx";
import { readWorkbook } from "./exceljs/readWorkbook";
import { addPlainSheet, writeResultSheets } from "./exceljs/writeResultSheets";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/**
 * The workbook port for the CLI, the tests and the standalone page: load an .xlsx from bytes,
 * read it into the model, add result sheets, and save. Reading and writing go straight to the
 * package's XML when it is laid out as Excel writes it (`../xlsx`); ExcelJS is loaded only when
 * it is not, or for a new workbook.
 */
export class WorkbookFile implements WorkbookPort {
  writtenSheets: string[] = [];
  /** ExcelJS's model of the file, built only when needed. */
  private excelJs: Promise<ExcelJS.Workbook> | null = null;
  /** The file as loaded, its package, and the file with our sheets once written into it. */
  private readonly original: { bytes: Uint8Array; zip: ZipPackage | null; fileName: string } | null;
  private readonly codec: DeflateCodec;
  private written: Uint8Array | null = null;

  private constructor(original: WorkbookFile["original"], codec: DeflateCodec = webDeflateCodec) {
    this.original = original;
    this.codec = codec;
  }

  private get zip(): ZipPackage | null {
    return this.original?.zip ?? null;
  }

  /**
   * Opens .xlsx bytes, naming what is wrong when they are not a readable workbook.
   * @param codec native deflate: `nodeDeflateCodec` in Node; the browser's by default
   * @throws InputError for an empty, non-xlsx, encrypted or corrupt file
   */
  static async fromBytes(
    bytes: Uint8Array,
    fileName: string,
    codec: DeflateCodec = webDeflateCodec,
  ): Promise<WorkbookFile> {
    if (bytes.length === 0) throw new InputError(null, `${fileName} is empty`);
    if (startsWith(bytes, OLE_MAGIC)) {
      throw new InputError(
        null,
        `${fileName} is password-protected or an old .xls file; save it as an unprotected .xlsx workbook and try again`,
      );
    }
    if (!startsWith(bytes, ZIP_MAGIC)) throw new InputError(null, `${fileName} is not an .xlsx workbook`);
    const port = new WorkbookFile({ bytes, zip: ZipPackage.open(bytes), fileName }, codec);
    // A zip this reader cannot open goes to ExcelJS now, which reads it or says what is wrong.
    if (!port.zip) await port.excel();
    return port;
  }

  /** A new, empty workbook (for templates and samples). */
  static empty(): WorkbookFile {
    return new WorkbookFile(null);
  }

  private excel(): Promise<ExcelJS.Workbook> {
    this.excelJs ??= this.original ? loadWithExcelJs(this.original.bytes, this.original.fileName) : newWorkbookFile();
    return this.excelJs;
  }

  async readWorkbook(): Promise<WorkbookGrids> {
    if (this.zip) {
      try {
        return await readPackageGrids(this.zip, this.codec);
      } catch {
        // Laid out in a way the package reader does not handle, or damaged: ExcelJS reads it
        // or names the damage.
      }
    }
    return readWorkbook(await this.excel());
  }

  /**
   * Adds the result sheets: straight into the loaded file's package when it is laid out as
   * expected (fast, and the analyst's parts stay byte for byte), else through ExcelJS.
   */
  async writeResultSheets(sheets: readonly ResultSheet[]): Promise<void> {
    const packaged = this.zip ? await writeIntoPackage(this.zip, sheets, this.codec) : null;
    if (packaged) {
      this.written = packaged.bytes;
      this.writtenSheets = packaged.names;
      return;
    }
    this.writtenSheets = writeResultSheets(await this.excel(), sheets);
    this.written = null;
  }

  /** Adds sheets of the analyst's own (a template), styled like ours but not marked as results. */
  async addPlainSheets(sheets: readonly ResultSheet[]): Promise<void> {
    const workbook = await this.excel();
    for (const sheet of sheets) addPlainSheet(workbook, sheet);
    this.written = null;
  }

  /** The workbook as .xlsx bytes: as written, as loaded when nothing was written, else from ExcelJS. */
  async toBytes(): Promise<Uint8Array> {
    if (this.written) return this.written;
    if (this.original && !this.excelJs) return this.original.bytes;
    return new Uint8Array(await (await this.excel()).xlsx.writeBuffer());
  }
}

/**
 * A new ExcelJS workbook, ExcelJS itself loaded on first use: a run whose workbook the package
 * code reads and writes never loads it (a third of a second of a command line's start).
 */
async function newWorkbookFile(): Promise<ExcelJS.Workbook> {
  const { Workbook } = await import("exceljs");
  return new Workbook();
}

async function loadWithExcelJs(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  const workbook = await newWorkbookFile();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new InputError(
      null,
      `${fileName} is damaged and cannot be read as an .xlsx workbook (${(error as Error).message})`,
    );
  }
  return workbook;
}
