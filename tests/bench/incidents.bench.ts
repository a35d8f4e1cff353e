// Benchmark: 1,000,000 records through read (streamed), aggregate and write, as CSV and as
// .xlsx; rows per second and peak memory, each in its own process.
import ExcelJS from "exceljs";
import { createWriteStream, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { fixed, measureInChild, report } from "./benchSupport";

const RECORDS = 1_000_000;
const CATEGORIES = [
  "Violence with injury",
  "Violence without injury",
  "Shoplifting",
  "Criminal damage",
  "Drug offences",
  "Public order",
  "Burglary",
  "Vehicle interference",
];
const WARDS = ["High Street", "Park Wood", "North", "East", "Fant", "Bridge", "South", "Heath"];

const FIRST_DAY = Date.UTC(2017, 10, 1);

/** Record i: dates spread over two years from 01/11/2017, times round the clock. */
function record(i: number): string[] {
  const date = new Date(FIRST_DAY + ((i * 7919) % 730) * 86400000);
  const written = `${String(date.getUTCDate()).padStart(2, "0")}/${String(date.getUTCMonth() + 1).padStart(2, "0")}/${date.getUTCFullYear()}`;
  const time = `${String((i * 13) % 24).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`;
  return [
    `B/${i}`,
    written,
    time,
    CATEGORIES[i % CATEGORIES.length],
    WARDS[(i * 7) % WARDS.length],
    i % 6 === 0 ? "Y" : "N",
  ];
}

async function writeCsv(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write("Crime Reference,Committed Date,Committed Time,Crime Type,Ward,DA Flag\n");
  for (let i = 0; i < RECORDS; i += 1) {
    if (!out.write(`${record(i).join(",")}\n`))
      await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

async function writeXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet("Extract");
  ws.addRow(["Crime Reference", "Committed Date", "Committed Time", "Crime Type", "Ward", "DA Flag"]).commit();
  for (let i = 0; i < RECORDS; i += 1) ws.addRow(record(i)).commit();
  ws.commit();
  await wb.commit();
}

async function worker(file: string): Promise<void> {
  const start = performance.now();
  // With the temporal profile (domestic abuse) and an intervention, as an analyst would run it.
  const args = [
    "incidents",
    file,
    "--intervention",
    "High Street",
    "--from",
    "2019-06-01",
    "--to",
    "2019-10-31",
    "--json",
    `${file}.json`,
  ];
  const code = await main(
    args,
    () => undefined,
    (l) => console.error(l),
  );
  if (code !== 0) throw new Error(`incidents exited ${code}`);
  const ms = performance.now() - start;
  report(ms, { rowsPerSecond: RECORDS / (ms / 1000) });
}

/** Runs the benchmark and prints its figures. */
export async function benchIncidents(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-bench-incidents-"));
  try {
    const csv = path.join(dir, "records.csv");
    const xlsx = path.join(dir, "records.xlsx");
    await writeCsv(csv);
    await writeXlsx(xlsx);
    console.log(`\nIncident extract: ${fixed(RECORDS)} records through streamed read, aggregate and write`);
    for (const [name, file, target] of [
      ["CSV", csv, "target >= 200,000 rows/s"],
      [".xlsx", xlsx, "target >= 200,000 rows/s"],
    ] as const) {
      const m = measureInChild(__filename, [file]);
      console.log(
        `  ${name.padEnd(6)} ${fixed(m.wallMs)} ms, ${fixed(m.extra?.rowsPerSecond ?? 0)} rows/s (${target}), peak RSS ${fixed(m.peakRssMb)} MB (target < 1,024 MB)`,
      );
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv[2]) {
  worker(process.argv[2]).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
