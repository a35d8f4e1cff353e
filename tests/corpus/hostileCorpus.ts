// The hostile corpus: workbooks as analysts' files and other programs really make them, and
// files that only pretend to be workbooks. Every case is generated here from code (nothing of
// ../shared is committed); `npm run corpus` runs them all and writes docs/RELIABILITY.md, and
// tests/corpus/corpus.test.ts holds every outcome to what that page promises.
import {
  BETA_MAIN,
  CRIME_ROWS,
  MAIN,
  PACKAGE,
  ROWS_WITHOUT_REFERENCES,
  alternateContentEverywhere,
  crimeSheet,
  defaultNamespaceRedeclared,
  earlierRunWithCharts,
  edited,
  minimalPackage,
  prefixedSheets,
  relationshipsOnEachSheet,
  rowsNumberedInPart,
  strictOf,
  unusualRelationshipsPrefix,
  withAttributedStrings,
  withEdgeCell,
  workbookBytes,
} from "./corpusPackages";
import { damagedParts, hostileZips, refusedFiles } from "./damagedCorpus";

export { CRIME_ROWS, strictOf, withAttributedStrings };

/** What the package layer must do with a case. */
export type Expectation =
  | { readonly outcome: "package" }
  | { readonly outcome: "exceljs"; readonly reason: RegExp }
  | { readonly outcome: "refused"; readonly message: RegExp };

export interface CorpusCase {
  /** The file's name, as an analyst would have it. */
  readonly name: string;
  /** What it holds, for docs/RELIABILITY.md. */
  readonly about: string;
  readonly bytes: Uint8Array;
  readonly expect: Expectation;
  /** Text that must be in a note of the run (a part left out, say). */
  readonly note?: RegExp;
}

/** Sheets as analysts keep them: plain, merged, error values, formulas, 1904 dates, Excel's last row and column. */
async function ordinarySheets(table: Uint8Array): Promise<CorpusCase[]> {
  return [
    {
      name: "analyst-table.xlsx",
      about: "a plain table of police crime, as ExcelJS writes it",
      bytes: table,
      expect: PACKAGE,
    },
    {
      name: "merged-headers.xlsx",
      about: "a title merged across the table's columns above its header",
      bytes: await workbookBytes((wb) => {
        const sheet = wb.addWorksheet("Police crime");
        sheet.addRow(["Police recorded crime, Maidstone"]);
        sheet.addRows(CRIME_ROWS);
        sheet.mergeCells("A1:C1");
      }),
      expect: PACKAGE,
    },
    {
      name: "error-values.xlsx",
      about: "#N/A and #DIV/0! among the figures",
      bytes: await workbookBytes((wb) => {
        const sheet = crimeSheet(wb);
        sheet.addRow(["Arson", { error: "#N/A" }, { error: "#DIV/0!" }]);
      }),
      expect: PACKAGE,
    },
    {
      name: "formulas-without-cached-values.xlsx",
      about: "formulas saved with no cached result (as some generators save them)",
      bytes: await edited(table, (name, text) =>
        name === "xl/worksheets/sheet1.xml"
          ? text.replace(
              "</sheetData>",
              '<row r="5"><c r="A5" t="inlineStr"><is><t>Total</t></is></c><c r="B5"><f>SUM(B2:B4)</f></c><c r="C5"><f>SUM(C2:C4)</f></c></row></sheetData>',
            )
          : text,
      ),
      expect: PACKAGE,
    },
    {
      name: "dates-1904.xlsx",
      about: "the 1904 date system, with dates in a date format",
      bytes: await workbookBytes((wb) => {
        wb.properties.date1904 = true;
        const sheet = crimeSheet(wb);
        sheet.addRow(["Recorded on", new Date(Date.UTC(2020, 3, 1)), new Date(Date.UTC(2021, 2, 31))]);
        sheet.getRow(5).numFmt = "dd/mm/yyyy";
      }),
      expect: PACKAGE,
    },
    {
      name: "rows-1048576.xlsx",
      about: "a sheet whose last cell is in row 1,048,576, Excel's last row",
      bytes: await withEdgeCell("Long", "A1048576", "the last row"),
      expect: PACKAGE,
    },
    {
      name: "columns-16384.xlsx",
      about: "a sheet whose last cell is in column XFD (16,384), Excel's last column",
      bytes: await withEdgeCell("Wide", "XFD1", "the last column"),
      expect: PACKAGE,
    },
  ];
}

/** Sheets an analyst may have: quoted names, right to left, labels like formulas, protection. */
async function unusualSheets(_table: Uint8Array): Promise<CorpusCase[]> {
  return [
    {
      name: "quoted-sheet-names.xlsx",
      about: "sheet names with apostrophes and double quotes",
      bytes: await workbookBytes((wb) => {
        crimeSheet(wb, "Police's crime");
        wb.addWorksheet('Analyst "notes"').addRow(["kept as it was"]);
      }),
      expect: PACKAGE,
    },
    {
      name: "right-to-left.xlsx",
      about: "a right-to-left sheet with Arabic and Hebrew labels",
      bytes: await workbookBytes((wb) => {
        const sheet = wb.addWorksheet("الجريمة", { views: [{ rightToLeft: true }] });
        sheet.addRows([
          ["الجريمة", "2018/19", "2019/20"],
          ["سرقة", 610, 544],
          ["גניבה", 120, 131],
        ]);
      }),
      expect: PACKAGE,
    },
    {
      name: "formula-like-labels.xlsx",
      about: "labels starting =, +, - and @, which must come back as text, never formulas",
      bytes: await workbookBytes((wb) => {
        const sheet = wb.addWorksheet("Police crime");
        sheet.addRows([
          ["Crime", "2018/19", "2019/20"],
          ["=SUM(B2:B3)", 318, 394],
          ["+44 calls", 610, 544],
          ["-5 wards", 120, 131],
          ["@risk", 40, 52],
        ]);
      }),
      expect: PACKAGE,
    },
    {
      name: "protected-sheet.xlsx",
      about: "a sheet protected with a password (the file itself opens without one)",
      bytes: await workbookBytes((wb) => {
        void crimeSheet(wb).protect("secret", { selectLockedCells: true });
      }),
      expect: PACKAGE,
    },
  ];
}

/** XML as other programs write it: no row references, prefixes, alternate content, Strict. */
async function otherWritersXml(table: Uint8Array): Promise<CorpusCase[]> {
  return [
    {
      name: "rows-without-references.xlsx",
      about:
        "rows and cells without r references, inline and rich-text strings; no styles, shared strings or document properties",
      bytes: minimalPackage(ROWS_WITHOUT_REFERENCES),
      expect: PACKAGE,
    },
    {
      name: "prefixed-elements.xlsx",
      about: "sheets whose every element is prefixed (<x:row>), valid XML that ExcelJS cannot read",
      bytes: await edited(table, prefixedSheets),
      expect: PACKAGE,
    },
    {
      name: "alternate-content-styles.xlsx",
      about: "mc:AlternateContent in the styles part",
      bytes: await edited(table, (name, text) =>
        name === "xl/styles.xml"
          ? text
              .replace(
                /<styleSheet\b[^>]*>/,
                `<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">`,
              )
              .replace(
                "</styleSheet>",
                '<mc:AlternateContent><mc:Choice Requires="x14ac"><x14ac:note/></mc:Choice><mc:Fallback/></mc:AlternateContent></styleSheet>',
              )
          : text,
      ),
      expect: PACKAGE,
    },
    {
      name: "strict.xlsx",
      about: "a table saved as Strict Open XML (ISO/IEC 29500 namespaces)",
      bytes: await strictOf(table),
      expect: PACKAGE,
    },
    {
      name: "relationships-on-each-sheet.xlsx",
      about: "the relationships namespace declared on each sheet element, not the root, as openpyxl writes it",
      bytes: await edited(table, relationshipsOnEachSheet),
      expect: PACKAGE,
    },
    {
      name: "default-namespace-redeclared.xlsx",
      about: "the workbook's default namespace declared again on its sheets and names",
      bytes: await edited(
        await workbookBytes((wb) => {
          crimeSheet(wb);
          wb.definedNames.add("'Police crime'!$A$1:$C$4", "CrimeTable");
        }),
        defaultNamespaceRedeclared,
      ),
      expect: PACKAGE,
    },
  ];
}

/** Unusual prefixes and versions: relationships, Excel 2007's beta namespace, rows numbered in the part. */
async function prefixesAndVersions(table: Uint8Array): Promise<CorpusCase[]> {
  return [
    {
      name: "unusual-relationships-prefix.xlsx",
      about: "the relationships namespace bound to the prefix rel rather than r",
      bytes: await edited(table, unusualRelationshipsPrefix),
      expect: PACKAGE,
    },
    {
      name: "prefixed-relationships.xlsx",
      about:
        "relationships parts whose elements carry a prefix (ns0:Relationship), as Python's ElementTree writes them",
      bytes: await edited(table, (name, text) =>
        name.endsWith(".rels")
          ? text
              .replace(/<Relationships xmlns=/, "<ns0:Relationships xmlns:ns0=")
              .replace(/<Relationship /g, "<ns0:Relationship ")
              .replace("</Relationships>", "</ns0:Relationships>")
          : text,
      ),
      expect: PACKAGE,
    },
    {
      name: "excel-2007-beta.xlsx",
      about:
        "every part in the namespaces of an Excel 2007 beta (spreadsheetml/2006/7/main), which Gnumeric and the Open XML SDK read (LibreOffice opens it with no cells)",
      bytes: await edited(table, (_, text) => text.replaceAll(MAIN, BETA_MAIN)),
      expect: PACKAGE,
    },
    {
      name: "alternate-content-everywhere.xlsx",
      about: "mc:AlternateContent in the document properties and in a sheet, around what it holds",
      bytes: await edited(table, alternateContentEverywhere),
      expect: PACKAGE,
    },
    {
      name: "rows-numbered-in-part.xlsx",
      about: "an old layout: only the first row numbered (after an unwritten row), cells numbered in one row only",
      bytes: await edited(table, (name, text) =>
        name === "xl/worksheets/sheet1.xml" ? rowsNumberedInPart(text) : text,
      ),
      expect: PACKAGE,
    },
  ];
}

/**
 * The hostile corpus. `sample` is the sample workbook and `sampleByLibreOffice` the same saved
 * by LibreOffice; cases built from them are left out when they are not given, and so are the
 * workbooks other programs wrote (`otherProgramCases`).
 */
export async function hostileCorpus(
  sample: Uint8Array | null = null,
  sampleByLibreOffice: Uint8Array | null = null,
  byOtherPrograms: readonly CorpusCase[] = [],
): Promise<CorpusCase[]> {
  const table = await workbookBytes((wb) => crimeSheet(wb));
  const cases: CorpusCase[] = [];
  for (const group of [
    ordinarySheets,
    unusualSheets,
    refusedFiles,
    otherWritersXml,
    prefixesAndVersions,
    damagedParts,
    hostileZips,
  ])
    cases.push(...(await group(table)));
  cases.push({
    name: "earlier-run-with-charts.xlsx",
    about:
      "our sheets from an earlier run carrying a chart and a picture (as Excel saves them), and an analyst's chart sharing the picture's image",
    bytes: await earlierRunWithCharts(table),
    expect: PACKAGE,
  });
  if (sample) {
    cases.push({
      name: "sample.xlsx",
      about: "the sample Strategic Assessment workbook",
      bytes: sample,
      expect: PACKAGE,
    });
    cases.push({
      name: "sample-strict.xlsx",
      about: "the sample saved as Strict Open XML",
      bytes: await strictOf(sample),
      expect: PACKAGE,
    });
  }
  if (sampleByLibreOffice)
    cases.push({
      name: "sample-libreoffice.xlsx",
      about: "the sample saved by LibreOffice Calc",
      bytes: sampleByLibreOffice,
      expect: PACKAGE,
    });
  cases.push(...byOtherPrograms);
  return cases;
}
