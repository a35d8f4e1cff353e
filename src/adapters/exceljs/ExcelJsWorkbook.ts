import ExcelJS from "exceljs";
import type { ResultSheet, WorkbookGrids, WorkbookPort } from "../../model";
import { InputError } from "../../model";
import { writeIntoPackage } from "../xlsx";
import { readWorkbook } from "./readWorkbook";
import { writeResultSheets } from "./writeResultSheets";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/**
 * The workbook port over ExcelJS, for the CLI, the tests and the standalone page: load an
 * .xlsx from bytes, read it into the model, add result sheets, and save.
 */
export class ExcelJsWorkbook implements WorkbookPort {
  readonly workbook: ExcelJS.Workbook;
  writtenSheets: string[] = [];
  /** The file as loaded, and the file with our sheets once written into it. */
  private readonly original: Uint8Array | null;
  private written: Uint8Array | null = null;

  private constructor(workbook: ExcelJS.Workbook, original: Uint8Array | null = null) {
    this.workbook = workbook;
    this.original = original;
  }

  /**
   * Loads .xlsx bytes, naming what is wrong when they are not a readable workbook.
   * @throws InputError for an empty, non-xlsx, encrypted or corrupt file
   */
  static async fromBytes(bytes: Uint8Array, fileName: string): Promise<ExcelJsWorkbook> {
    if (bytes.length === 0) throw new InputError(null, `${fileName} is empty`);
    if (startsWith(bytes, OLE_MAGIC)) {
      throw new InputError(null, `${fileName} is password-protected or an old .xls file; save it as an unprotected .xlsx workbook and try again`);
    }
    if (!startsWith(bytes, ZIP_MAGIC)) throw new InputError(null, `${fileName} is not an .xlsx workbook`);
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (error) {
      throw new InputError(null, `${fileName} is damaged and cannot be read as an .xlsx workbook (${(error as Error).message})`);
    }
    return new ExcelJsWorkbook(workbook, bytes);
  }

  /** A new, empty workbook (for templates and samples). */
  static empty(): ExcelJsWorkbook {
    return new ExcelJsWorkbook(new ExcelJS.Workbook());
  }

  async readWorkbook(): Promise<WorkbookGrids> {
    return readWorkbook(this.workbook);
  }

  /**
   * Adds the result sheets: straight into the loaded file's package when it is laid out as
   * expected (fast, and the analyst's parts stay byte for byte), else through ExcelJS.
   */
  async writeResultSheets(sheets: readonly ResultSheet[]): Promise<void> {
    const packaged = this.original ? await writeIntoPackage(this.original, sheets) : null;
    if (packaged) {
      this.written = packaged.bytes;
      this.writtenSheets = packaged.names;
      return;
    }
    this.writtenSheets = writeResultSheets(this.workbook, sheets);
  }

  /** The workbook as .xlsx bytes. */
  async toBytes(): Promise<Uint8Array> {
    return this.written ?? new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }
}
