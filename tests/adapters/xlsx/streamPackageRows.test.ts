// The streamed package reader (record-level .xlsx extracts) must give the rows the whole-sheet
// package reader gives, however the sheet's XML is cut into batches.
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import zlib from "node:zlib";
import { ZipPackage, readPackageGrids, streamPackageRows } from "../../../src/adapters/xlsx";
import { nodeDeflateCodec } from "../../../src/adapters/node/nodeDeflateCodec";
import type { CellValue } from "../../../src/model";
import { SAMPLE } from "../../helpers/sample";

/** zlib's output in small pieces, so rows are cut across chunks and batches. */
async function* inflateInPieces(raw: Uint8Array): AsyncIterable<Uint8Array> {
  const out = zlib.inflateRawSync(raw);
  for (let at = 0; at < out.length; at += 7919) yield out.subarray(at, at + 7919);
}

/** Every sheet's rows as streamed: sheet name -> row -> cells by column. */
async function streamed(bytes: Uint8Array): Promise<Map<string, Map<number, CellValue[]>>> {
  const sheets = new Map<string, Map<number, CellValue[]>>();
  await streamPackageRows(ZipPackage.open(bytes)!, { ...nodeDeflateCodec, inflateChunks: inflateInPieces }, (name) => {
    const rows = new Map<number, CellValue[]>();
    return { row: (cells, row) => rows.set(row, cells), end: () => sheets.set(name, rows) };
  });
  return sheets;
}

/** The same rows from the whole-sheet reader's grids. */
async function whole(bytes: Uint8Array): Promise<Map<string, Map<number, CellValue[]>>> {
  const sheets = new Map<string, Map<number, CellValue[]>>();
  for (const grid of (await readPackageGrids(ZipPackage.open(bytes)!, nodeDeflateCodec)).sheets) {
    const rows = new Map<number, CellValue[]>();
    grid.values.forEach((values, i) => {
      const cells: CellValue[] = [];
      values.forEach((v, j) => {
        if (v !== null) cells[grid.left + j] = v;
      });
      if (cells.length > 0) rows.set(grid.top + i, cells);
    });
    sheets.set(grid.name, rows);
  }
  return sheets;
}

describe("streamPackageRows", () => {
  it("gives every row of the sample workbook as the whole-sheet reader does", async () => {
    const bytes = new Uint8Array(await fs.readFile(SAMPLE));
    expect(await streamed(bytes)).toEqual(await whole(bytes));
  });

  it("cuts a sheet of thousands of rows into batches without losing or splitting a row", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Extract");
    ws.addRow(["Crime Reference", "Committed Date", "Crime Type", "Ward", "Note"]);
    for (let i = 0; i < 12000; i += 1) {
      const row = ws.addRow([
        `B/${i}`,
        new Date(Date.UTC(2019, i % 12, 1 + (i % 28))),
        i % 3 ? "Theft" : 'Burglary <&> "x"',
        i % 5 ? "High Street" : null,
        i % 7 ? null : i,
      ]);
      row.getCell(2).numFmt = "dd/mm/yyyy";
    }
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const rows = await streamed(bytes);
    expect(rows.get("Extract")!.size).toBe(12001);
    expect(rows).toEqual(await whole(bytes));
  });
});

describe("streamPackageRows on packages not as Excel writes them", () => {
  it("reads a prefixed sheet whole, and refuses a sheet whose bytes do not match their CRC-32", async () => {
    const { hostileCorpus } = await import("../../corpus/hostileCorpus");
    const corpus = new Map((await hostileCorpus()).map((c) => [c.name, c.bytes]));
    const prefixed = corpus.get("prefixed-elements.xlsx")!;
    expect(await streamed(prefixed)).toEqual(await whole(prefixed));
    await expect(streamed(corpus.get("damaged-sheet.xlsx")!)).rejects.toThrow(
      /its part xl\/worksheets\/sheet1\.xml does not match its CRC-32/,
    );
  });
});

describe("readPackageGrids on a sheet it streams (a large one, in Node)", () => {
  /** The grids read whole and read streaming every sheet (as a large one is), with small pieces of inflated XML. */
  async function bothWays(bytes: Uint8Array) {
    const pieces = { ...nodeDeflateCodec, inflateChunks: inflateInPieces };
    const [read, streamed] = await Promise.all([
      readPackageGrids(ZipPackage.open(bytes)!, { ...nodeDeflateCodec, inflateChunks: undefined }),
      readPackageGrids(ZipPackage.open(bytes)!, pieces, undefined, 0),
    ]);
    return { read, streamed };
  }

  it("gives the grids, formats and all, that reading each sheet whole gives, merged cells included", async () => {
    const { read, streamed } = await bothWays(new Uint8Array(await fs.readFile(SAMPLE)));
    expect(streamed).toEqual(read);
  });

  it("gives a sheet of thousands of rows, cut anywhere, as reading it whole does", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Pasted");
    ws.addRow(["Crime ID", "Month", "Crime type"]);
    for (let i = 0; i < 5000; i += 1) {
      const row = ws.addRow([`id-${i}`, new Date(Date.UTC(2022, i % 12, 1)), i % 2 ? "Burglary" : "Drugs"]);
      row.getCell(2).numFmt = "mmm-yy";
    }
    const { read, streamed } = await bothWays(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(streamed.sheets[0].values).toHaveLength(5001);
    expect(streamed).toEqual(read);
  });
});
