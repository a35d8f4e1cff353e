// Benchmark: police.uk street-level crime through `csp-assess incidents`, as whole cold
// processes (what the analyst runs): the three real Kent months beside a bare papaparse read of
// the same files, and a million police.uk-shaped rows in monthly CSVs inside a zip.
import { spawnSync } from "node:child_process";
import { createWriteStream, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { Zip, ZipDeflate } from "fflate";
import { fixed, median } from "./benchSupport";

const ROOT = path.join(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "bin", "csp-assess.js");
const POLICE_UK = path.join(ROOT, "..", "shared", "real", "police-uk");
const KENT = ["2022-01", "2022-02", "2022-03"].map((m) => path.join(POLICE_UK, `${m}-kent-street.csv`));
const RUNS = 5;
const ZIP_ROWS = 1_000_000;
const ZIP_MONTHS = 25;

const TYPES = [
  "Violence and sexual offences",
  "Anti-social behaviour",
  "Criminal damage and arson",
  "Public order",
  "Other theft",
  "Shoplifting",
  "Vehicle crime",
  "Burglary",
  "Other crime",
  "Drugs",
  "Possession of weapons",
  "Theft from the person",
  "Robbery",
  "Bicycle theft",
];
const HEADER =
  "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

/** A whole process's wall time and peak memory (GNU time is not assumed: the child reports its own). */
function timeProcess(args: readonly string[]): { ms: number; rssMb: number } {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  const rss = /peak-rss-mb=(\d+(?:\.\d+)?)/.exec(run.stderr);
  return { ms, rssMb: rss ? Number(rss[1]) : NaN };
}

// Reports the child's peak memory on stderr when it exits, without changing what it prints.
const REPORT_RSS = `process.on("exit",()=>process.stderr.write("peak-rss-mb="+(process.resourceUsage().maxRSS/1024).toFixed(0)+"\\n"))`;

/** The anchor: papaparse streaming the same files, doing nothing with the rows. */
const BARE_READ = `${REPORT_RSS};const Papa=require("papaparse"),fs=require("fs");(async()=>{let n=0;for(const f of process.argv.slice(1)){await new Promise((ok,no)=>Papa.parse(fs.createReadStream(f),{step:()=>{n++},complete:ok,error:no}))}})()`;

/** Row i of month m: police.uk's columns, points spread over Kent (about a tenth in Maidstone). */
function row(i: number, month: string): string {
  const inMaidstone = i % 10 === 0;
  const lon = inMaidstone ? 0.45 + ((i * 7919) % 1000) / 5000 : 0.05 + ((i * 7919) % 10000) / 7500;
  const lat = inMaidstone ? 51.2 + ((i * 104729) % 1000) / 10000 : 50.95 + ((i * 104729) % 10000) / 20000;
  const type = TYPES[(i * 31) % TYPES.length];
  const id = type === "Anti-social behaviour" ? "" : `${month}-${i.toString(16).padStart(12, "0")}`;
  const located = i % 37 !== 0;
  return `${id},${month},Kent Police,Kent Police,${located ? lon.toFixed(6) : ""},${located ? lat.toFixed(6) : ""},${located ? "On or near Somewhere" : "No Location"},${located ? `E0102${String(i % 900).padStart(4, "0")}` : ""},${located ? `Kent ${String(i % 90).padStart(3, "0")}A` : ""},${type},Under investigation,`;
}

/** A police.uk download: one folder per month, `YYYY-MM/YYYY-MM-kent-street.csv`, deflated. */
export async function writeZip(file: string): Promise<void> {
  const out = createWriteStream(file);
  let failed: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failed = error;
    else out.write(chunk);
  });
  const perMonth = ZIP_ROWS / ZIP_MONTHS;
  for (let m = 0; m < ZIP_MONTHS; m += 1) {
    const month = `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
    const entry = new ZipDeflate(`${month}/${month}-kent-street.csv`, { level: 6 });
    zip.add(entry);
    const lines = [HEADER];
    for (let i = 0; i < perMonth; i += 1) lines.push(row(m * perMonth + i, month));
    entry.push(new TextEncoder().encode(`${lines.join("\r\n")}\r\n`), true);
  }
  zip.end();
  await new Promise<void>((resolve) => out.end(() => resolve()));
  if (failed) throw failed;
}

/**
 * The same twelve months pasted into one sheet of a workbook, as analysts do (shared strings, as
 * Excel saves them): `compute` on it against `incidents` on the same workbook, with the same
 * options. Targets: at most 1.5 times the time and twice the memory.
 */
async function benchPasted(dir: string, months: readonly string[], incidents: (inputs: string[]) => string[]) {
  const file = path.join(dir, "pasted.xlsx");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet("Police crime");
  let rows = 0;
  for (const [i, month] of months.entries()) {
    const lines = (await fs.readFile(month, "utf8")).split("\r\n").filter((l) => l !== "");
    for (const line of lines.slice(i === 0 ? 0 : 1)) {
      sheet.addRow(line.split(",")).commit();
      rows += 1;
    }
  }
  sheet.commit();
  await workbook.commit();
  console.log(
    `police.uk rows pasted into a workbook: ${fixed(rows - 1)} rows on one sheet, --area Maidstone, ${RUNS} alternating runs`,
  );
  const json = path.join(dir, "pasted.json");
  const compute = ["-r", path.join(dir, "rss.js"), CLI, "compute", file, "--json", json, "--area", "Maidstone"];
  const ours: { ms: number; rssMb: number }[] = [];
  const theirs: { ms: number; rssMb: number }[] = [];
  for (let r = 0; r < RUNS; r += 1) {
    ours.push(timeProcess(compute));
    theirs.push(timeProcess([...incidents([file]), "--area", "Maidstone"]));
  }
  const time = median(ours.map((o, i) => o.ms / theirs[i].ms));
  const memory = median(ours.map((o, i) => o.rssMb / theirs[i].rssMb));
  console.log(
    `  csp-assess compute     ${fixed(median(ours.map((o) => o.ms)))} ms, peak RSS ${fixed(median(ours.map((o) => o.rssMb)))} MB`,
  );
  console.log(
    `  csp-assess incidents   ${fixed(median(theirs.map((o) => o.ms)))} ms, peak RSS ${fixed(median(theirs.map((o) => o.rssMb)))} MB (anchor: the same workbook)`,
  );
  console.log(
    `  ratio, pair by pair    ${time.toFixed(2)}x the time (target <= 1.5x: ${time <= 1.5 ? "met" : "missed"}), ${memory.toFixed(2)}x the memory (target <= 2x: ${memory <= 2 ? "met" : "missed"})`,
  );
}

/** Runs the benchmark and prints its figures. */
export async function benchPoliceUk(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-bench-police-uk-"));
  try {
    const json = path.join(dir, "out.json");
    const incidents = (inputs: readonly string[]): string[] => [
      "-r",
      path.join(dir, "rss.js"),
      CLI,
      "incidents",
      ...inputs,
      "--json",
      json,
    ];
    await fs.writeFile(path.join(dir, "rss.js"), REPORT_RSS);

    console.log(
      `\npolice.uk: the three real Kent months (${KENT.length} CSVs), whole cold processes, ${RUNS} alternating runs`,
    );
    const ours: { ms: number; rssMb: number }[] = [];
    const bare: { ms: number; rssMb: number }[] = [];
    for (let r = 0; r < RUNS; r += 1) {
      ours.push(timeProcess(incidents(KENT)));
      bare.push(timeProcess(["-e", BARE_READ, ...KENT]));
    }
    const ratio = median(ours.map((o, i) => o.ms / bare[i].ms));
    const oursMs = median(ours.map((o) => o.ms));
    console.log(
      `  csp-assess incidents   ${fixed(oursMs)} ms, peak RSS ${fixed(median(ours.map((o) => o.rssMb)))} MB (target <= 2,000 ms: ${oursMs <= 2000 ? "met" : "missed"})`,
    );
    console.log(
      `  papaparse read only    ${fixed(median(bare.map((o) => o.ms)))} ms, peak RSS ${fixed(median(bare.map((o) => o.rssMb)))} MB (anchor)`,
    );
    console.log(`  ratio, pair by pair    ${ratio.toFixed(2)}x the bare read`);

    // The force's districts: 12 months of Kent's download (the three real months, each given
    // again as three later months), with the home area ranked among the districts.
    const year = path.join(dir, "year");
    await fs.mkdir(year);
    const months: string[] = [];
    for (let m = 0; m < 12; m += 1) {
      const month = `2021-${String(m + 1).padStart(2, "0")}`;
      const source = await fs.readFile(KENT[m % KENT.length], "utf8");
      const file = path.join(year, `${month}-kent-street.csv`);
      await fs.writeFile(file, source.replace(/,2022-0[123],/g, `,${month},`));
      months.push(file);
    }
    const rows = (await Promise.all(months.map((f) => fs.readFile(f, "utf8")))).reduce(
      (sum, text) => sum + text.split("\r\n").length - 2,
      0,
    );
    console.log(
      `police.uk districts: 12 months of Kent (${fixed(rows)} rows), --area Maidstone, whole cold processes, ${RUNS} alternating runs`,
    );
    const districts: { ms: number; rssMb: number }[] = [];
    const yearBare: { ms: number; rssMb: number }[] = [];
    for (let r = 0; r < RUNS; r += 1) {
      districts.push(timeProcess([...incidents([year]), "--area", "Maidstone"]));
      yearBare.push(timeProcess(["-e", BARE_READ, ...months]));
    }
    const districtRatio = median(districts.map((o, i) => o.ms / yearBare[i].ms));
    console.log(
      `  csp-assess incidents   ${fixed(median(districts.map((o) => o.ms)))} ms, peak RSS ${fixed(median(districts.map((o) => o.rssMb)))} MB`,
    );
    console.log(`  papaparse read only    ${fixed(median(yearBare.map((o) => o.ms)))} ms (anchor)`);
    console.log(
      `  ratio, pair by pair    ${districtRatio.toFixed(2)}x the bare read (target <= 1.5x: ${districtRatio <= 1.5 ? "met" : "missed"})`,
    );

    await benchPasted(dir, months, incidents);

    const zip = path.join(dir, "download.zip");
    await writeZip(zip);
    const size = (await fs.stat(zip)).size;
    console.log(
      `police.uk-shaped download: ${fixed(ZIP_ROWS)} rows in ${ZIP_MONTHS} monthly CSVs inside a ${fixed(size / 1024 / 1024, 1)} MB zip, whole cold processes`,
    );
    const zipped: { ms: number; rssMb: number }[] = [];
    for (let r = 0; r < 3; r += 1) zipped.push(timeProcess(incidents([zip])));
    const zipMs = median(zipped.map((o) => o.ms));
    const rate = ZIP_ROWS / (zipMs / 1000);
    console.log(
      `  csp-assess incidents   ${fixed(zipMs)} ms, ${fixed(rate)} rows/s (target >= 300,000 rows/s: ${rate >= 300000 ? "met" : "missed"}), peak RSS ${fixed(median(zipped.map((o) => o.rssMb)))} MB`,
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
