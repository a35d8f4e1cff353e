// Workbooks written by the programs analysts' files really come from, other than ExcelJS:
// openpyxl (pandas' default engine for .xlsx) and XlsxWriter, from Debian's python3-openpyxl
// and python3-xlsxwriter (LibreOffice Calc's are in ./spreadsheetApp). .ci/run installs them.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

/** Debian's Python, which has the Debian packages (a Python on PATH may be another). */
export const PYTHON = process.env.PYTHON_WITH_OPENPYXL ?? "/usr/bin/python3";

/** A table as rows of text and numbers; a row may be shorter than the header. */
export type Rows = readonly (readonly (string | number | null)[])[];

/** Sheets by name, in tab order. */
export type Sheets = Readonly<Record<string, Rows>>;

/** Runs a Python script with JSON on its standard input, and gives what it prints. */
export function python(script: string, input: unknown): string {
  try {
    return execFileSync(PYTHON, ["-c", script], {
      input: JSON.stringify(input),
      encoding: "utf8",
      stdio: "pipe",
      maxBuffer: 1 << 26,
    });
  } catch (error) {
    throw new Error(
      `these tests write and open workbooks with openpyxl and XlsxWriter (apt-get install python3-openpyxl python3-xlsxwriter), or set PYTHON_WITH_OPENPYXL: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

const OPENPYXL_WRITE = `
import json, sys, openpyxl
job = json.load(sys.stdin)
wb = openpyxl.Workbook()
wb.remove(wb.active)
for name, rows in job["sheets"]:
    ws = wb.create_sheet(name)
    for row in rows:
        ws.append(row)
wb.save(job["file"])
`;

const XLSXWRITER_WRITE = `
import json, sys, xlsxwriter
job = json.load(sys.stdin)
wb = xlsxwriter.Workbook(job["file"])
for name, rows in job["sheets"]:
    ws = wb.add_worksheet(name)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                ws.write(r, c, value)
wb.close()
`;

/** Writes the sheets with openpyxl, as pandas' `to_excel` does by default; returns the file. */
export function writtenByOpenpyxl(sheets: Sheets, file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  python(OPENPYXL_WRITE, { file, sheets: Object.entries(sheets) });
  return file;
}

/** Writes the sheets with XlsxWriter; returns the file. */
export function writtenByXlsxWriter(sheets: Sheets, file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  python(XLSXWRITER_WRITE, { file, sheets: Object.entries(sheets) });
  return file;
}

// Each sheet's cells as openpyxl reads them, hashed: the sample's sheets are too large to print.
// Read-only mode parses the workbook, its relationships and styles as the full mode does, and
// each sheet's cells as a stream (half the time); reset_dimensions reads every row whatever
// the sheet's stated dimension says.
const OPENPYXL_READ = `
import hashlib, json, sys, openpyxl
def cells(ws):
    ws.reset_dimensions()
    return [[None if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
def digest(rows):
    # "" for a sheet of which openpyxl reads no cell
    if not any(v is not None for row in rows for v in row):
        return ""
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()
result = {}
for file in json.load(sys.stdin):
    try:
        wb = openpyxl.load_workbook(file, read_only=True)
        result[file] = {ws.title: digest(cells(ws)) for ws in wb.worksheets}
        wb.close()
    except Exception as error:
        result[file] = "%s: %s" % (type(error).__name__, error)
print(json.dumps(result))
`;

/**
 * Opens each workbook in openpyxl, in one Python process: a digest of each sheet's cells as
 * openpyxl reads them ("" when it reads none), by sheet name, or what openpyxl said when it
 * could not open the file.
 */
export function openedByOpenpyxl(files: readonly string[]): Map<string, Map<string, string> | string> {
  const opened = JSON.parse(python(OPENPYXL_READ, files)) as Record<string, Record<string, string> | string>;
  return new Map(
    Object.entries(opened).map(([file, sheets]) => [
      file,
      typeof sheets === "string" ? sheets : new Map(Object.entries(sheets)),
    ]),
  );
}
