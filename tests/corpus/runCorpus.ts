// Runs a workbook through what "Compute assessment" does to a file (open, read, compute, write)
// and checks the output as an analyst's spreadsheet application would need it. Shared by the
// corpus test, the fuzz test and `npm run corpus`.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import JSZip from "jszip";
import { nodeDeflateCodec } from "../../src/adapters/node/nodeDeflateCodec";
import { WorkbookFile } from "../../src/adapters/workbookFile";
import { ZipPackage, readPackageGrids } from "../../src/adapters/xlsx";
import { malformation } from "../../src/adapters/xlsx/canonicalXml";
import { runAssessment } from "../../src/job";
import { InputError } from "../../src/model";

export type Outcome = "package" | "exceljs" | "refused" | "crashed";

/** One run of a file. */
export interface CaseRun {
  readonly outcome: Outcome;
  /** The refusal (InputError) or the crash, else "". */
  readonly message: string;
  /** What the run told the analyst about the file (fallbacks, parts left out). */
  readonly notes: readonly string[];
  readonly output: Uint8Array | null;
  readonly sheets: readonly string[];
  readonly ms: number;
}

/** Opens, reads, computes and writes one file, as the CLI and the pane do. */
export async function runCase(bytes: Uint8Array, name: string): Promise<CaseRun> {
  const start = performance.now();
  const ms = (): number => Math.round(performance.now() - start);
  try {
    const port = await WorkbookFile.fromBytes(bytes, name, nodeDeflateCodec);
    const run = await runAssessment(port, { source: name });
    const output = await port.toBytes();
    const told = run.assessment.findings.filter((f) => f.kind === "workbook-file").map((f) => f.message);
    // Notes made while writing come after the findings were written; the CLI prints them all.
    const notes = [...new Set([...told.map((m) => m.replace(/^Workbook: /, "")), ...port.notes])];
    return {
      outcome: port.writtenThrough ?? "package",
      message: "",
      notes,
      output,
      sheets: port.writtenSheets,
      ms: ms(),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const outcome: Outcome = error instanceof InputError ? "refused" : "crashed";
    return {
      outcome,
      message: outcome === "crashed" ? `${message}\n${(error as Error).stack}` : message,
      notes: [],
      output: null,
      sheets: [],
      ms: ms(),
    };
  }
}

/**
 * The worksheet parts of sheets an earlier run marked as ours, and every part they reach that
 * the analyst's sheets do not (a test's own walk of the relationships, not the writer's).
 */
async function ourOldParts(input: Uint8Array): Promise<Set<string>> {
  const zip = await JSZip.loadAsync(input).catch(() => null);
  const workbook = await zip?.file("xl/workbook.xml")?.async("string");
  const rels = await zip?.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (!zip || !workbook || !rels) return new Set();
  const ours = new Set(
    [...workbook.matchAll(/<definedName name="CSPAssess_[^"]*">'?((?:[^'!]|'')+)'?!/g)].map((m) =>
      m[1].replace(/''/g, "'"),
    ),
  );
  const sheets = { ours: [] as string[], theirs: [] as string[] };
  for (const [element] of workbook.matchAll(/<sheet\s[^>]*\/>/g)) {
    const name = /name="([^"]*)"/.exec(element)?.[1];
    const id = /\s[\w.-]+:id="([^"]*)"/.exec(element)?.[1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="${id}"`).exec(rels);
    if (name && target) sheets[ours.has(name) ? "ours" : "theirs"].push(`xl/${target[1] ?? target[2]}`);
  }
  const reach = async (queue: string[]): Promise<Set<string>> => {
    const parts = new Set<string>();
    for (let part = queue.shift(); part !== undefined; part = queue.shift()) {
      if (parts.has(part)) continue;
      parts.add(part);
      const folder = part.slice(0, part.lastIndexOf("/"));
      const relsPart = `${folder}/_rels/${part.slice(folder.length + 1)}.rels`;
      const text = await zip.file(relsPart)?.async("string");
      if (!text) continue;
      parts.add(relsPart);
      for (const m of text.matchAll(/Target="([^"]*)"/g)) {
        const segments = folder.split("/");
        for (const s of m[1].split("/")) {
          if (s === "..") segments.pop();
          else segments.push(s);
        }
        queue.push(segments.join("/"));
      }
    }
    return parts;
  };
  const theirs = await reach(sheets.theirs);
  return new Set([...(await reach(sheets.ours))].filter((part) => !theirs.has(part)));
}

const excelJsSeen = new Map<string, Promise<string | null>>();

/**
 * What ExcelJS says when it cannot open a workbook, or null when it opens it. Remembered by
 * content: a re-run's input is the first run's output, which was opened already.
 */
function excelJsProblem(bytes: Uint8Array): Promise<string | null> {
  const key = createHash("sha256").update(bytes).digest("hex");
  let seen = excelJsSeen.get(key);
  if (!seen) {
    seen = new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer).then(
      () => null,
      (error: Error) => error.message,
    );
    excelJsSeen.set(key, seen);
  }
  return seen;
}

/** Parts the writer may edit: the workbook's own, its styles and shared strings, the package's relationships. */
const EDITABLE =
  /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/sharedStrings\.xml)$/;

/**
 * What is wrong with a run's output, as a list (empty when nothing is): it must open in our
 * package reader with every part intact and well-formed XML, and in ExcelJS (when ExcelJS can
 * read the input at all); written into the package, every analyst part must be there byte for
 * byte but for those the writer must edit and those only our old sheets reached; our sheets
 * hold no formulas; and a fallback to ExcelJS is never silent.
 */
export async function outputProblems(
  input: Uint8Array,
  run: CaseRun,
  checks: { excelJs?: boolean; byteForByte?: boolean } = {},
): Promise<string[]> {
  const { excelJs = true, byteForByte = true } = checks;
  const problems: string[] = [];
  if (run.outcome === "exceljs" && !run.notes.some((n) => /written through ExcelJS because/.test(n)))
    problems.push("written through ExcelJS without saying so");
  if (run.outcome === "package" && run.notes.some((n) => /written through ExcelJS/.test(n)))
    problems.push("said ExcelJS wrote it, but the package writer did");
  const output = run.output;
  if (!output) return problems;
  const zip = ZipPackage.open(output);
  if (!zip) return [...problems, "the output is not a zip this reader opens"];
  // A part may be no better than the analyst's (a sheet damaged inside a good CRC is copied as
  // it is, and Excel repairs both files alike), but never worse.
  const before = ZipPackage.open(input);
  const malformedBefore = async (name: string): Promise<boolean> => {
    const text = before?.entry(name) ? await before.text(name, nodeDeflateCodec).catch(() => null) : null;
    return text !== null && malformation(text) !== null;
  };
  const damagedBefore = async (name: string): Promise<boolean> =>
    !!before?.entry(name) && !(await before.intact(name, nodeDeflateCodec));
  for (const name of zip.names()) {
    if (!(await zip.intact(name, nodeDeflateCodec))) {
      // A damaged sheet is copied as it is (the byte-for-byte check below holds it to that).
      if (!(await damagedBefore(name))) problems.push(`${name} does not match its CRC-32`);
    } else if (/\.(xml|rels)$/.test(name)) {
      const malformed = malformation((await zip.text(name, nodeDeflateCodec))!);
      if (malformed && !(await malformedBefore(name))) problems.push(`${name} is not well-formed XML: ${malformed}`);
    }
  }
  try {
    await readPackageGrids(zip, nodeDeflateCodec);
  } catch (error) {
    problems.push(`the output cannot be read back: ${(error as Error).message}`);
  }
  if (excelJs && (await excelJsProblem(input)) === null) {
    const problem = await excelJsProblem(output);
    if (problem !== null) problems.push(`ExcelJS cannot open the output: ${problem}`);
  }
  for (const sheet of await sheetsWithFormulas(zip, run.sheets)) problems.push(`our sheet ${sheet} holds a formula`);
  if (run.outcome !== "package" || !byteForByte || !before) return problems;
  const gone = await ourOldParts(input);
  for (const name of before.names()) {
    if (EDITABLE.test(name) || gone.has(name)) continue; // our new sheets may take the old ones' part names
    if (run.notes.some((n) => n.includes(`part ${name} is damaged`))) continue;
    const copied = zip.entry(name);
    const original = before.entry(name)!;
    if (!copied) problems.push(`${name} is missing from the output`);
    else if (copied.crc32 !== original.crc32 || !sameBytes(copied.raw, original.raw))
      problems.push(`${name} is not byte for byte the analyst's`);
  }
  for (const name of gone)
    if (zip.entry(name) && !/^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      problems.push(`${name}, of our earlier sheets, is still there`);
  return problems;
}

/** Our sheets in the output whose part holds a formula element (the package opened once for all of them). */
async function sheetsWithFormulas(zip: ZipPackage, sheets: readonly string[]): Promise<string[]> {
  if (sheets.length === 0) return [];
  const text = (name: string): Promise<string> =>
    zip.entry(name)
      ? zip.text(name, nodeDeflateCodec).then(
          (t) => t ?? "",
          () => "",
        )
      : Promise.resolve("");
  const workbook = await text("xl/workbook.xml");
  const rels = await text("xl/_rels/workbook.xml.rels");
  const withFormulas: string[] = [];
  for (const sheet of sheets) {
    const escaped = sheet.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const element = [...workbook.matchAll(/<sheet\s[^>]*\/>/g)]
      .map((m) => m[0])
      .find((e) => e.includes(`name="${escaped}"`));
    const id = /\s[\w.-]+:id="([^"]*)"/.exec(element ?? "")?.[1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="${id}"`).exec(rels);
    if (!target) continue;
    const xml = await text(`xl/${(target[1] ?? target[2]).replace(/^\/xl\//, "")}`);
    if (/<(\w+:)?f[\s>]/.test(xml)) withFormulas.push(sheet);
  }
  return withFormulas;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
