// Benchmark: a generated workbook of 50 sheets × 2,000 rows through read + compute + write,
// against ExcelJS merely reading the same file. Each mode runs in its own process, seven times.
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { WorkbookFile } from "../../src/adapters/workbookFile";
import { nodeDeflateCodec } from "../../src/adapters/node/nodeDeflateCodec";
import { DEFAULT_OPTIONS, computeAssessment } from "../../src/core";
import { buildResultSheets, runJsonChunks } from "../../src/output";
import { recordLocator, wardAnalysis, wardCodeOf, wardNeighbourNames } from "../../geo";
import { withWardFindings } from "../../src/job/wardFindings";
import { readBoundaryFiles } from "../../src/cli/readBoundaryFile";
import { writeChunksAtomic } from "../../src/cli/fileOutput";
import { packageRoot } from "../../src/adapters/node/packageRoot";
import { type Measurement, fixed, measureInChild, median, report } from "./benchSupport";

const SHEETS = 50;
const ROWS = 2000;

/** Writes the benchmark workbook: each sheet one table with three periods, typed derived columns and a total. */
export async function generateWorkbook(file: string, sheets = SHEETS, rows = ROWS): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let s = 0; s < sheets; s += 1) {
    const ws = workbook.addWorksheet(`Area ${s + 1}`);
    ws.addRow([`Recorded incidents, area ${s + 1}`]);
    ws.addRow(["Category", "2017/18", "2018/19", "2019/20", "Difference", "% change"]);
    const totals = [0, 0, 0];
    for (let r = 0; r < rows; r += 1) {
      const v = [0, 1, 2].map(() => Math.floor(random() * 500));
      v.forEach((x, i) => (totals[i] += x));
      ws.addRow([`Category ${r + 1}`, ...v, v[2] - v[1], v[1] > 0 ? (v[2] - v[1]) / v[1] : "n/a"]);
    }
    ws.addRow(["Total", ...totals, totals[2] - totals[1], (totals[2] - totals[1]) / totals[1]]);
  }
  await workbook.xlsx.writeFile(file);
}

async function worker(mode: string, file: string): Promise<void> {
  const bytes = new Uint8Array(await fs.readFile(file));
  const start = performance.now();
  if (mode === "read") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    report(performance.now() - start);
    return;
  }
  if (mode === "phases") return phases(file, bytes);
  const port = await WorkbookFile.fromBytes(bytes, file, nodeDeflateCodec);
  const loaded = performance.now();
  const grids = await port.readWorkbook();
  const modelled = performance.now();
  const assessment = computeAssessment(grids);
  const computed = performance.now();
  await port.writeResultSheets(buildResultSheets(assessment));
  const out = await port.toBytes();
  await fs.writeFile(`${file}.out.xlsx`, out);
  const end = performance.now();
  report(end - start, {
    loadMs: loaded - start,
    modelMs: modelled - loaded,
    computeMs: computed - modelled,
    writeMs: end - computed,
    tables: assessment.tables.length,
  });
}

/**
 * The phases of what `csp-assess compute --out --json` runs, in process, one after another as
 * the job runs them (a breakdown of the whole command, not the headline figure).
 */
async function phases(file: string, bytes: Uint8Array): Promise<void> {
  const marks = [performance.now()];
  const lap = (): number => {
    marks.push(performance.now());
    return marks[marks.length - 1] - marks[marks.length - 2];
  };
  const boundaries = await readBoundaryFiles([path.join(packageRoot(), "build", "geo", "wards.topo.json")]);
  const boundariesMs = lap();
  const port = await WorkbookFile.fromBytes(bytes, file, nodeDeflateCodec);
  const grids = await port.readWorkbook();
  const readMs = lap();
  const assessment = computeAssessment(grids, undefined, {
    ...DEFAULT_OPTIONS,
    recordLocator: recordLocator(boundaries),
    wardNeighbours: wardNeighbourNames(boundaries),
  });
  const computeMs = lap();
  const wards = wardAnalysis(
    grids.sheets.filter((s) => !s.isResultSheet),
    assessment.tables,
    boundaries,
  );
  const geoMs = lap();
  const all = withWardFindings(assessment, wards);
  const sheets = buildResultSheets(all, wards);
  await port.writeResultSheets(sheets);
  await fs.writeFile(`${file}.out.xlsx`, await port.toBytes());
  const writeMs = lap();
  const run = { assessment: all, wards, sheets, wardCode: wardCodeOf(boundaries), boundaries, extract: null };
  await writeChunksAtomic(`${file}.out.json`, runJsonChunks(run));
  const jsonMs = lap();
  report(marks[marks.length - 1] - marks[0], { boundariesMs, readMs, computeMs, geoMs, writeMs, jsonMs });
}

/** Runs the benchmark and prints its figures. */
export async function benchAssessmentPipeline(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-bench-"));
  const file = path.join(dir, "bench.xlsx");
  try {
    await generateWorkbook(file);
    const size = (await fs.stat(file)).size;
    // Read and full runs alternate, so a machine that slows down part-way slows both alike.
    const runs = 7;
    const reads: Measurement[] = [];
    const fulls: Measurement[] = [];
    for (let i = 0; i < runs; i += 1) {
      reads.push(measureInChild(__filename, ["read", file]));
      fulls.push(measureInChild(__filename, ["full", file]));
    }
    const read = median(reads.map((m) => m.wallMs));
    const full = median(fulls.map((m) => m.wallMs));
    const pairRatio = median(fulls.map((m, i) => m.wallMs / reads[i].wallMs));
    const part = (k: string): number => median(fulls.map((m) => m.extra?.[k] ?? 0));
    console.log(
      `\nWorkbook pipeline: ${SHEETS} sheets × ${ROWS} rows (${fixed(size / 1024 / 1024, 1)} MB .xlsx), median of ${runs} runs`,
    );
    console.log(
      `  ExcelJS bare read           ${fixed(read)} ms   peak RSS ${fixed(median(reads.map((m) => m.peakRssMb)))} MB`,
    );
    console.log(
      `  read + compute + write      ${fixed(full)} ms   peak RSS ${fixed(median(fulls.map((m) => m.peakRssMb)))} MB`,
    );
    console.log(
      `    load ${fixed(part("loadMs"))} ms, model ${fixed(part("modelMs"))} ms, compute ${fixed(part("computeMs"))} ms, write ${fixed(part("writeMs"))} ms (${part("tables")} tables)`,
    );
    // Our run never calls ExcelJS's reader, so it can finish before ExcelJS has merely read the file.
    const against =
      full >= read
        ? `our work adds ${fixed(((full - read) / read) * 100)}% to the bare read`
        : `the whole run takes ${fixed(((read - full) / read) * 100)}% less than the bare read`;
    console.log(
      `  ratio full / bare read      ${(full / read).toFixed(2)}  (${against}; target: adds <= 20%, a ratio <= 1.20)`,
    );
    console.log(`  median ratio of each pair   ${pairRatio.toFixed(2)}`);
    console.log(
      `  of which model + compute    ${fixed(((part("modelMs") + part("computeMs")) / read) * 100)}% of the bare read; writing the output workbook ${fixed((part("writeMs") / read) * 100)}%`,
    );
    // The second view: compute --out --json's phases in process (the headline is the whole command, in `whole`).
    const phaseRuns = Array.from({ length: 3 }, () => measureInChild(__filename, ["phases", file]));
    const phase = (k: string): string => fixed(median(phaseRuns.map((m) => m.extra?.[k] ?? 0)));
    console.log(
      `  breakdown of compute --out --json, in process (median of 3): boundaries ${phase("boundariesMs")} ms, read ${phase("readMs")} ms, discover + compute ${phase("computeMs")} ms, geo ${phase("geoMs")} ms, write ${phase("writeMs")} ms, JSON ${phase("jsonMs")} ms`,
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv.length > 3) {
  worker(process.argv[2], process.argv[3]).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
