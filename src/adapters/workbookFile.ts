import type ExcelJS from "exceljs";
import type { Pause, ResultSheet, WorkbookGrids, WorkbookPort } from "../model";
import { InputError } from "../model";
import {
  type DeflateCodec,
  PackageRefused,
  UnreadablePart,
  ZipPackage,
  packageWrite,
  packageWriteCheck,
  readPackageGrids,
  webDeflateCodec,
} from "./xlsx";
import { whyNotWorkbookPackage, whyNotZip } from "./xlsx/fileKind";
import { readWorkbook } from "./exceljs/readWorkbook";
import { addPlainSheet, writeResultSheets } from "./exceljs/writeResultSheets";

/** What ExcelJS loses when it writes a workbook, said wherever the add-in falls back to it. */
const EXCELJS_LOSES =
  "the analyst's sheets are saved again by ExcelJS, which keeps their cells, formats and formulas but may drop charts, pivot tables, pictures, slicers and printer settings";

/**
 * The workbook port for the CLI, the tests and the standalone page: load an .xlsx from bytes,
 * read it into the model, add result sheets, and save. Reading and writing go straight to the
 * package's XML (`../xlsx`), each part checked against its CRC-32; ExcelJS is loaded only for
 * a package that reader or writer declines, or for a new workbook, and every such fallback is
 * said, with its reason, in the notes the run turns into findings.
 */
export class WorkbookFile implements WorkbookPort {
  writtenSheets: string[] = [];
  /** How the result sheets were written: into the package as it is, or through ExcelJS. */
  writtenThrough: "package" | "exceljs" | null = null;
  /** Clauses about the workbook for the analyst (no closing stop): each fallback to ExcelJS with its reason, each part left out. */
  readonly notes: string[] = [];
  /** ExcelJS's model of the file, built only when needed. */
  private excelJs: Promise<ExcelJS.Workbook> | null = null;
  /** The file as loaded, its package, and the file with our sheets once written into it. */
  private readonly original: { bytes: Uint8Array; zip: ZipPackage | null; fileName: string } | null;
  private readonly codec: DeflateCodec;
  private written: Uint8Array | null = null;
  /** Why the package writer declines this workbook, once known ("" when it does not). */
  private writeDecline: string | null = null;
  /** Sheets the package reader passed over as damaged: only the package writer can keep them. */
  private damagedSheets: readonly string[] = [];

  private constructor(original: WorkbookFile["original"], codec: DeflateCodec = webDeflateCodec) {
    this.original = original;
    this.codec = codec;
  }

  private get zip(): ZipPackage | null {
    return this.original?.zip ?? null;
  }

  private get fileName(): string {
    return this.original?.fileName ?? "The workbook";
  }

  /**
   * Opens .xlsx bytes, naming what is wrong when they are not a readable workbook.
   * @param codec native deflate: `nodeDeflateCodec` in Node; the browser's by default
   * @throws InputError for an empty, non-xlsx, encrypted, hostile or corrupt file
   */
  static async fromBytes(
    bytes: Uint8Array,
    fileName: string,
    codec: DeflateCodec = webDeflateCodec,
  ): Promise<WorkbookFile> {
    const notZip = whyNotZip(bytes);
    if (notZip) throw new InputError(null, `${fileName} ${notZip}`);
    let opened: ZipPackage | { declined: string };
    try {
      opened = ZipPackage.inspect(bytes);
    } catch (error) {
      if (error instanceof PackageRefused) throw new InputError(null, `${fileName} ${error.message}`);
      throw error;
    }
    const zip = opened instanceof ZipPackage ? opened : null;
    if (zip) {
      const mimetype = zip.entry("mimetype") ? await zip.text("mimetype", codec).catch(() => null) : null;
      const notWorkbook = whyNotWorkbookPackage(zip.names(), mimetype);
      if (notWorkbook) throw new InputError(null, `${fileName} ${notWorkbook}`);
    }
    const port = new WorkbookFile({ bytes, zip, fileName }, codec);
    if (!zip) {
      // A zip this reader cannot open goes to ExcelJS now, which reads it or says what is wrong.
      const reason = (opened as { declined: string }).declined;
      port.notes.push(`it was read and will be written through ExcelJS because ${reason}: ${EXCELJS_LOSES}`);
      await port.excel().catch(() => {
        // ExcelJS cannot read it either: our reason says more than JSZip's.
        throw new InputError(null, `${fileName} is damaged and cannot be read as an .xlsx workbook: ${reason}`);
      });
    }
    return port;
  }

  /** A new, empty workbook (for templates and samples). */
  static empty(): WorkbookFile {
    return new WorkbookFile(null);
  }

  /** ExcelJS's workbook; `declined` is why the package reader did not read it, said if ExcelJS cannot either. */
  private excel(declined?: string): Promise<ExcelJS.Workbook> {
    this.excelJs ??= this.original ? loadWithExcelJs(this.original.bytes, this.fileName, declined) : newWorkbookFile();
    return this.excelJs;
  }

  /** Turns a refusal of the package layer (a damaged part, a zip bomb) into the analyst's message. */
  private refused(error: unknown): never {
    if (error instanceof PackageRefused) throw new InputError(null, `${this.fileName} ${error.message}`);
    throw error;
  }

  async readWorkbook(pause?: Pause): Promise<WorkbookGrids> {
    const grids = await this.readGrids(pause);
    // Whether the result sheets can go straight into the package is known now, so the Findings
    // sheet can say it when they cannot.
    if (this.zip && this.writeDecline === null) {
      const check = await packageWriteCheck(this.zip, this.codec).catch((error: unknown) => this.refused(error));
      this.writeDecline = "declined" in check ? check.declined : "";
      if (this.writeDecline)
        this.notes.push(
          `the result sheets will be written through ExcelJS because ${this.writeDecline}: ${EXCELJS_LOSES}`,
        );
      if (!("declined" in check)) this.notes.push(...check.notes);
    }
    return this.notes.length ? { ...grids, fileNotes: [...this.notes] } : grids;
  }

  private async readGrids(pause?: Pause): Promise<WorkbookGrids> {
    if (this.zip) {
      try {
        const { damagedSheets, ...grids } = await readPackageGrids(this.zip, this.codec, pause);
        this.damagedSheets = damagedSheets ?? [];
        this.notes.push(...(grids.fileNotes ?? []));
        return grids;
      } catch (error) {
        if (!(error instanceof UnreadablePart)) this.refused(error);
        // Laid out in a way the package reader does not handle: ExcelJS reads it or names the
        // damage. The write is decided apart: the package writer may still take it.
        this.notes.push(`it was read through ExcelJS (which changes nothing in it) because ${error.message}`);
        return readWorkbook(await this.excel(error.message));
      }
    }
    return readWorkbook(await this.excel());
  }

  /**
   * Adds the result sheets: straight into the loaded file's package when it is laid out as
   * expected (fast, and the analyst's parts stay byte for byte), else through ExcelJS.
   */
  async writeResultSheets(sheets: readonly ResultSheet[], pause?: Pause): Promise<void> {
    if (this.zip && !this.writeDecline) {
      const packaged = await packageWrite(this.zip, sheets, this.codec, false, pause).catch((error: unknown) =>
        this.refused(error),
      );
      if (!("declined" in packaged)) {
        this.written = packaged.bytes;
        this.writtenSheets = packaged.names;
        this.writtenThrough = "package";
        return;
      }
      this.writeDecline = packaged.declined;
      this.notes.push(`the result sheets were written through ExcelJS because ${packaged.declined}: ${EXCELJS_LOSES}`);
    }
    if (this.damagedSheets.length > 0) {
      const names = this.damagedSheets.map((name) => `"${name}"`).join(", ");
      const which = this.damagedSheets.length === 1 ? `its sheet ${names} is` : `its sheets ${names} are`;
      throw new InputError(
        null,
        `${this.fileName} cannot be written back: ${which} damaged, and only copying a damaged sheet as it is would keep it, which this workbook does not allow (${this.writeDecline}); open the file in Excel, let Excel repair it, save it and run again`,
      );
    }
    const workbook = await this.excel(this.writeDecline || undefined);
    this.writtenSheets = this.throughExcelJs(() => writeResultSheets(workbook, sheets));
    this.writtenThrough = "exceljs";
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
    const workbook = await this.excel();
    return new Uint8Array(await this.throughExcelJs(() => workbook.xlsx.writeBuffer()));
  }

  /**
   * Runs an ExcelJS step, naming the file when ExcelJS fails on what it read (a workbook with no
   * workbook part, say): with the package writer's reason when it declined first, never
   * JavaScript's own text.
   */
  private throughExcelJs<T>(step: () => T): T {
    const fail = (error: unknown): never => {
      throw new InputError(
        null,
        this.writeDecline
          ? `${this.fileName} cannot be written back: ${this.writeDecline}, and ExcelJS cannot write it either; open it in Excel or LibreOffice and save it again as an Excel Workbook (.xlsx)`
          : `${this.fileName} is damaged and cannot be written back as an .xlsx workbook (${(error as Error).message})`,
      );
    };
    try {
      const result = step();
      return (result instanceof Promise ? result.catch(fail) : result) as T;
    } catch (error) {
      return fail(error);
    }
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

/**
 * The workbook read by ExcelJS. When the package reader declined it first, a failure here says
 * the package reader's reason, never ExcelJS's own text: ExcelJS fails on what it does not
 * expect with JavaScript's messages ("Cannot read properties of undefined"), which say nothing
 * to an analyst.
 */
async function loadWithExcelJs(bytes: Uint8Array, fileName: string, declined?: string): Promise<ExcelJS.Workbook> {
  const workbook = await newWorkbookFile();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new InputError(
      null,
      declined
        ? `${fileName} cannot be read: ${declined}, and ExcelJS cannot read it either; open it in Excel or LibreOffice and save it again as an Excel Workbook (.xlsx)`
        : `${fileName} is damaged and cannot be read as an .xlsx workbook (${(error as Error).message})`,
    );
  }
  return workbook;
}
