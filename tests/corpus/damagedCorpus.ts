// The hostile corpus's damaged and hostile files: refused or read with care, never a crash.
import type { CorpusCase } from "./hostileCorpus";
import { writeZip } from "../../src/adapters/xlsx/zipPackage";
import {
  PACKAGE,
  compoundFile,
  crimeSheet,
  edited,
  eightSheets,
  partsOf,
  withAttributedStrings,
  withDamagedPart,
  workbookBytes,
  zipPart,
} from "./corpusPackages";

/** Files refused or read with care: passwords, damage, nothing in them, a sheet named like ours. */
export async function refusedFiles(table: Uint8Array): Promise<CorpusCase[]> {
  return [
    {
      name: "password-to-open.xlsx",
      about: "a workbook encrypted with a password to open (a compound file holding EncryptionInfo)",
      bytes: compoundFile("EncryptionInfo"),
      expect: { outcome: "refused", message: /protected with a password to open/ },
    },
    {
      name: "corrupt-zip.xlsx",
      about: "a workbook cut off half way (its zip directory lost)",
      bytes: table.slice(0, Math.floor(table.length / 2)),
      expect: { outcome: "refused", message: /damaged|cannot be read/ },
    },
    {
      name: "damaged-sheet.xlsx",
      about: "a sheet part whose bytes no longer match its CRC-32",
      bytes: await withDamagedPart(table, "<sheetData>"),
      expect: {
        outcome: "refused",
        message: /damaged: its part xl\/worksheets\/sheet1\.xml does not match its CRC-32/,
      },
    },
    {
      name: "damaged-document-properties.xlsx",
      about: "a damaged part nothing needs (docProps/app.xml)",
      bytes: await withDamagedPart(table, "<Application>"),
      expect: PACKAGE,
      note: /docProps\/app\.xml is damaged; nothing needs it/,
    },
    {
      name: "empty-workbook.xlsx",
      about: "a workbook with one empty sheet",
      bytes: await workbookBytes((wb) => wb.addWorksheet("Sheet1")),
      expect: { outcome: "refused", message: /^empty-workbook\.xlsx: no tables found on its 1 sheet/ },
    },
    {
      name: "zero-bytes.xlsx",
      about: "an empty file",
      bytes: new Uint8Array(0),
      expect: { outcome: "refused", message: /is empty/ },
    },
    {
      name: "analyst-sheet-named-like-ours.xlsx",
      about: "an analyst's own sheet called CSP Summary (not marked as ours)",
      bytes: await workbookBytes((wb) => {
        crimeSheet(wb);
        wb.addWorksheet("CSP Summary").addRow(["the analyst's own summary"]);
      }),
      expect: PACKAGE,
    },
  ];
}

/** One damaged part, entity expansion and attributed strings. */
export async function damagedParts(table: Uint8Array): Promise<CorpusCase[]> {
  return [
    {
      name: "one-damaged-sheet.xlsx",
      about: "eight sheets, one of whose parts no longer matches its CRC-32",
      bytes: await withDamagedPart(await eightSheets(), "<v>6006</v>"),
      expect: PACKAGE,
      note: /sheet "Sheet 6" is damaged \(its part xl\/worksheets\/sheet6\.xml does not match its CRC-32\)/,
    },
    {
      name: "one-damaged-sheet-not-copyable.xlsx",
      about:
        "eight sheets, one damaged, in a workbook the package writer leaves to ExcelJS (CDATA in its workbook part), which would lose that sheet",
      bytes: await withDamagedPart(
        await edited(await eightSheets(), (name, text) =>
          name === "xl/workbook.xml"
            ? text.replace(
                "</sheets>",
                "</sheets><definedNames><definedName name=\"Crime\"><![CDATA['Sheet 1'!$A$1:$C$4]]></definedName></definedNames>",
              )
            : text,
        ),
        "<v>6006</v>",
      ),
      expect: { outcome: "refused", message: /cannot be written back: its sheet "Sheet 6" is damaged/ },
    },
    {
      name: "entity-expansion.xlsx",
      about: "a sheet whose document type declares nested XML entities (an entity-expansion test)",
      bytes: await edited(table, (name, text) =>
        name === "xl/worksheets/sheet1.xml"
          ? text.replace(
              /^(<\?xml[^>]*\?>\s*)/,
              '$1<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
            )
          : text,
      ),
      expect: {
        outcome: "refused",
        message:
          /declares XML entities in its part xl\/worksheets\/sheet1\.xml, which CSP Assess does not expand, for safety/,
      },
    },
    {
      name: "attributed-shared-strings.xlsx",
      about: "shared-string items carrying an attribute no schema defines",
      bytes: await withAttributedStrings(table),
      expect: { outcome: "exceljs", reason: /items this writer cannot count/ },
    },
    {
      name: "path-traversal.xlsx",
      about: "an entry named ../../evil.txt, a path out of the package",
      bytes: writeZip([...(await partsOf(table)), zipPart("../../evil.txt", "not a part")]),
      expect: { outcome: "refused", message: /a path outside the workbook/ },
    },
    {
      name: "duplicate-entries.xlsx",
      about: "two entries named xl/workbook.xml",
      bytes: writeZip([...(await partsOf(table)), zipPart("xl/workbook.xml", "<workbook/>")]),
      expect: { outcome: "refused", message: /two entries named xl\/workbook\.xml/ },
    },
  ];
}

/** Hostile zips and files that only pretend to be workbooks. */
export async function hostileZips(table: Uint8Array): Promise<CorpusCase[]> {
  return [
    {
      name: "zip-bomb.xlsx",
      about: "a 64 MB part that deflates to 64 kB (over 200 times its size)",
      bytes: writeZip([...(await partsOf(table)), zipPart("xl/media/bomb.bin", new Uint8Array(64 << 20))]),
      expect: { outcome: "refused", message: /zip bomb/ },
    },
    {
      name: "xls-renamed.xlsx",
      about: "an Excel 97–2003 .xls file under an .xlsx name",
      bytes: compoundFile("Workbook"),
      expect: { outcome: "refused", message: /\.xls workbook, not \.xlsx/ },
    },
    {
      name: "xlsb-renamed.xlsx",
      about: "an Excel binary workbook (.xlsb) under an .xlsx name",
      bytes: writeZip([zipPart("[Content_Types].xml", "<Types/>"), zipPart("xl/workbook.bin", new Uint8Array(64))]),
      expect: { outcome: "refused", message: /\.xlsb/ },
    },
    {
      name: "ods-renamed.xlsx",
      about: "an OpenDocument spreadsheet under an .xlsx name",
      bytes: writeZip([
        zipPart("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        zipPart("content.xml", "<office:document-content/>"),
      ]),
      expect: { outcome: "refused", message: /OpenDocument spreadsheet/ },
    },
    {
      name: "csv-renamed.xlsx",
      about: "CSV text under an .xlsx name",
      bytes: new TextEncoder().encode("Crime,2018/19,2019/20\r\nDrug offences,318,394\r\n"),
      expect: { outcome: "refused", message: /is not an \.xlsx workbook: it is CSV text/ },
    },
    {
      name: "html-renamed.xlsx",
      about: "a web page saved as a spreadsheet (as some systems export)",
      bytes: new TextEncoder().encode("<html><body><table><tr><td>Crime</td></tr></table></body></html>"),
      expect: { outcome: "refused", message: /web page/ },
    },
  ];
}
