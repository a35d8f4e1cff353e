import {
  type CellValue,
  type ResultSheet,
  type SheetGrid,
  type WorkbookGrids,
  type WorkbookPort,
  RESULT_NAME_PREFIX,
  ResultColours,
  columnLetters,
  freeSheetName,
  markerName,
  quoteSheetName,
  sheetOfRange,
  unreadResultSheet,
} from "../../model";
import type { ExcelContext, ExcelRange, ExcelRunner, ExcelWorksheet } from "./excelApi";
import { fromOfficeValue } from "./officeValues";
import { DEFAULT_CHUNK_BYTES, planWriteChunks } from "./planWriteChunks";

/** Excel reads at most 5,000,000 cells per request on every platform; read fewer per sync. */
const READ_CELLS_PER_SYNC = 4_500_000;
/** Rows per request when Excel on the web refuses a whole sheet as too large a response. */
const FALLBACK_READ_CELLS = 200_000;

const HEADER_FILL = `#${ResultColours.headerFill}`;
const SECTION_FILL = `#${ResultColours.sectionFill}`;

/** Options of the office-js port. */
export interface OfficeWorkbookOptions {
  /** Largest request body in bytes (values and formats); default 3.5 MB, under the web's 5 MB. */
  readonly chunkBytes?: number;
}

const isPayloadLimit = (error: unknown): boolean =>
  /PayloadSizeLimitExceeded|payload size/i.test(
    `${(error as { code?: string }).code ?? ""} ${(error as Error).message ?? ""}`,
  );

/**
 * The workbook port over office-js. Reads cost two syncs for the whole workbook (sheet list and
 * names, then used ranges) plus one per batch of sheets up to 4 million cells, never one per
 * row; writes cost one sync for the current sheets, one per request-sized chunk of rows, and
 * one to swap the new result sheets in. Only sheets marked as ours are ever deleted.
 */
export class OfficeWorkbook implements WorkbookPort {
  private readonly chunkBytes: number;

  constructor(
    private readonly run: ExcelRunner,
    options: OfficeWorkbookOptions = {},
  ) {
    this.chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  }

  readWorkbook(): Promise<WorkbookGrids> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets.load("items/name");
      const names = context.workbook.names.load("items/name,items/formula");
      await context.sync();
      const ours = new Set(
        names.items.filter((n) => n.name.startsWith(RESULT_NAME_PREFIX)).map((n) => sheetOfRange(n.formula)),
      );
      // Our own result sheets are listed but not read: the core never uses their cells.
      const grids: SheetGrid[] = worksheets.items.map((ws) =>
        ours.has(ws.name)
          ? unreadResultSheet(ws.name)
          : { name: ws.name, top: 0, left: 0, values: [], numberFormats: [] },
      );
      const used = worksheets.items.map((ws, i) =>
        grids[i].isResultSheet
          ? null
          : ws.getUsedRangeOrNullObject(true).load("isNullObject,rowIndex,columnIndex,rowCount,columnCount"),
      );
      await context.sync();

      let batch: [number, ExcelRange][] = [];
      let cells = 0;
      const flush = async (): Promise<void> => {
        if (batch.length === 0) return;
        const members = batch;
        batch = [];
        cells = 0;
        for (const [, range] of members) range.load("values,numberFormat");
        try {
          await context.sync();
          for (const [i, range] of members)
            grids[i] = gridOf(worksheets.items[i].name, range, { top: range.rowIndex, left: range.columnIndex });
        } catch (error) {
          if (!isPayloadLimit(error)) throw error;
          for (const [i, range] of members) grids[i] = await readInChunks(context, worksheets.items[i], range);
        }
      };
      for (let i = 0; i < used.length; i += 1) {
        const range = used[i];
        if (!range || range.isNullObject) continue;
        const size = range.rowCount * range.columnCount;
        if (cells + size > READ_CELLS_PER_SYNC) await flush();
        if (size > READ_CELLS_PER_SYNC) {
          grids[i] = await readInChunks(context, worksheets.items[i], range);
          continue;
        }
        batch.push([i, range]);
        cells += size;
      }
      await flush();
      return { sheets: grids };
    });
  }

  writeResultSheets(sheets: readonly ResultSheet[]): Promise<void> {
    return this.run(async (context) => {
      const { workbook } = context;
      const worksheets = workbook.worksheets.load("items/name");
      const names = workbook.names.load("items/name,items/formula");
      await context.sync();
      const markers = names.items.filter((n) => n.name.startsWith(RESULT_NAME_PREFIX));
      const ours = new Set(markers.map((n) => sheetOfRange(n.formula)));
      const existing = new Set(worksheets.items.map((w) => w.name));
      const temps = sheets.map((s) => {
        const temp = freeSheetName(`~${s.name}`.slice(0, 31), (n) => existing.has(n));
        existing.add(temp);
        return temp;
      });
      const added: ExcelWorksheet[] = [];
      try {
        workbook.application.suspendApiCalculationUntilNextSync();
        sheets.forEach((sheet, s) => {
          const ws = workbook.worksheets.add(temps[s]);
          added.push(ws);
          layOut(ws, sheet);
        });
        let pending = 0;
        for (const chunk of planWriteChunks(sheets, this.chunkBytes)) {
          if (pending > 0 && pending + chunk.bytes > this.chunkBytes) {
            await context.sync();
            workbook.application.suspendApiCalculationUntilNextSync();
            pending = 0;
          }
          const width = sheets[chunk.sheet].columns.length;
          const range = added[chunk.sheet].getRangeByIndexes(chunk.first + 1, 0, chunk.last - chunk.first + 1, width);
          range.values = chunk.values;
          range.numberFormat = chunk.formats;
          pending += chunk.bytes;
        }
        await context.sync();
      } catch (error) {
        // Nothing of the analyst's was touched; take our half-written sheets away again.
        for (const ws of added) ws.delete();
        await context.sync().catch(() => undefined);
        throw new Error(
          `The result sheets could not be written (${(error as Error).message}); your own sheets are unchanged`,
          { cause: error },
        );
      }

      for (const name of ours) {
        if (worksheets.items.some((w) => w.name === name)) workbook.worksheets.getItem(name).delete();
      }
      for (const marker of markers) marker.delete();
      const taken = new Set(worksheets.items.map((w) => w.name).filter((n) => !ours.has(n)));
      sheets.forEach((sheet, s) => {
        const finalName = freeSheetName(sheet.name, (n) => taken.has(n));
        taken.add(finalName);
        added[s].name = finalName;
        workbook.names.add(markerName(sheet.name), `=${quoteSheetName(finalName)}!$A$1`, "Result sheet of CSP Assess");
      });
      added[0]?.activate();
      await context.sync();
    });
  }
}

/** The colour of a marked point on a chart (an unusual month). */
const HIGHLIGHT = "#C00000";

/** Header, widths, frozen header row, section and note styles and charts: ranges per run of rows, never per cell. */
function layOut(ws: ExcelWorksheet, sheet: ResultSheet): void {
  const width = sheet.columns.length;
  const header = ws.getRangeByIndexes(0, 0, 1, width);
  header.values = [sheet.columns.map((c) => c.header)];
  header.format.font.bold = true;
  header.format.font.color = `#${ResultColours.headerText}`;
  header.format.fill.color = HEADER_FILL;
  header.format.wrapText = true;
  sheet.columns.forEach((column, c) => {
    const letter = columnLetters(c);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = Math.round(column.width * 7);
  });
  ws.freezePanes.freezeRows(1);
  const kinds = sheet.rowKinds ?? [];
  for (let r = 0; r < kinds.length;) {
    const kind = kinds[r];
    let end = r;
    while (end + 1 < kinds.length && kinds[end + 1] === kind) end += 1;
    if (kind === "section" || kind === "note") {
      const run = ws.getRangeByIndexes(r + 1, 0, end - r + 1, width);
      if (kind === "section") {
        run.format.font.bold = true;
        run.format.fill.color = SECTION_FILL;
      } else {
        run.format.font.italic = true;
      }
    }
    r = end + 1;
  }
  for (const chart of sheet.charts ?? []) {
    const columns = [chart.categoryColumn, ...chart.seriesColumns];
    const left = Math.min(...columns);
    const source = ws.getRangeByIndexes(
      chart.firstRow + 1,
      left,
      chart.lastRow - chart.firstRow + 1,
      Math.max(...columns) - left + 1,
    );
    const added = ws.charts.add(chart.kind === "line" ? "Line" : "BarClustered", source, "Columns");
    added.title.text = chart.title;
    // Marked points stand out as large red markers on the line (ExcelApi 1.7, the manifest's floor).
    for (const { series, point } of chart.highlights ?? []) {
      if (point < 0) continue;
      const marked = added.series.getItemAt(series).points.getItemAt(point);
      marked.markerStyle = "Circle";
      marked.markerSize = 9;
      marked.markerBackgroundColor = HIGHLIGHT;
      marked.markerForegroundColor = HIGHLIGHT;
    }
    const anchor = columnLetters(width + 1);
    added.setPosition(`${anchor}${chart.firstRow + 2}`, `${columnLetters(width + 9)}${chart.firstRow + 22}`);
  }
}

/** A grid from a loaded range's values and formats, placed at `top`/`left` (the used range's, already loaded). */
function gridOf(name: string, range: ExcelRange, at: { top: number; left: number }): SheetGrid {
  const values: CellValue[][] = range.values.map((row, r) =>
    row.map((v, c) => fromOfficeValue(v, range.numberFormat[r]?.[c])),
  );
  const numberFormats = range.numberFormat.map((row) => row.map((f) => (typeof f === "string" ? f : null)));
  return { name, top: at.top, left: at.left, values, numberFormats };
}

/** Reads a sheet too big for one response in blocks of rows, one sync each. */
async function readInChunks(context: ExcelContext, ws: ExcelWorksheet, used: ExcelRange): Promise<SheetGrid> {
  const rowsPerChunk = Math.max(1, Math.floor(FALLBACK_READ_CELLS / Math.max(1, used.columnCount)));
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let start = 0; start < used.rowCount; start += rowsPerChunk) {
    const rows = Math.min(rowsPerChunk, used.rowCount - start);
    const block = ws
      .getRangeByIndexes(used.rowIndex + start, used.columnIndex, rows, used.columnCount)
      .load("values,numberFormat");
    await context.sync();
    const grid = gridOf(ws.name, block, { top: used.rowIndex + start, left: used.columnIndex });
    values.push(...(grid.values as CellValue[][]));
    numberFormats.push(...(grid.numberFormats as (string | null)[][]));
  }
  return { name: ws.name, top: used.rowIndex, left: used.columnIndex, values, numberFormats };
}
