// Benchmark of what the analyst runs, as whole cold processes side by side and alternating:
// `csp-assess compute` (with and without --json, and with --report on the sample) against a
// Node script that only reads the same file with ExcelJS. The in-process breakdown is
// `npm run bench -- pipeline`, a second view.
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateWorkbook } from "./assessmentPipeline.bench";
import { fixed, median } from "./benchSupport";
import { launchChromium, serveWeb } from "../helpers/browser";

const ROOT = path.join(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "bin", "csp-assess.js");
const SAMPLE = path.join(ROOT, "samples", "maidstone-strategic-assessment-2020-21.xlsx");
/** The sample's own wards, as `npm run demo` gives them (no borough's wards are a default). */
const WARDS = ["--boundaries", path.join(ROOT, "build", "geo", "wards.topo.json")];
const RUNS = 5;

// The child reports its own peak memory as it exits (GNU time is not assumed).
const REPORT_RSS = `process.on("exit",()=>process.stderr.write("peak-rss-mb="+(process.resourceUsage().maxRSS/1024).toFixed(0)+"\\n"))`;
const EXCELJS_READ = `${REPORT_RSS};const E=require("exceljs");new E.Workbook().xlsx.readFile(process.argv[1]).catch(e=>{console.error(e);process.exit(1)})`;

interface Timed {
  readonly ms: number;
  readonly rssMb: number;
}

function timeProcess(args: readonly string[]): Timed {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  const rss = /peak-rss-mb=(\d+)/.exec(run.stderr);
  return { ms, rssMb: rss ? Number(rss[1]) : NaN };
}

/** The CLI as the analyst runs it, reporting its peak memory through a preloaded hook. */
function cli(dir: string, args: readonly string[]): Timed {
  return timeProcess(["--require", path.join(dir, "rss.js"), CLI, ...args]);
}

/** Runs each command `RUNS` times in turn with the anchor, and prints medians and the pair-by-pair ratio. */
function compare(title: string, anchor: () => Timed, commands: readonly [string, () => Timed, string][]): void {
  const anchors: Timed[] = [];
  const runs = commands.map(() => [] as Timed[]);
  for (let i = 0; i < RUNS; i += 1) {
    anchors.push(anchor());
    commands.forEach(([, run], k) => runs[k].push(run()));
  }
  const a = median(anchors.map((t) => t.ms));
  console.log(`\n${title}: whole cold processes, median of ${RUNS} alternating runs`);
  console.log(
    `  ExcelJS-only read (anchor)        ${fixed(a).padStart(6)} ms   peak RSS ${fixed(median(anchors.map((t) => t.rssMb)))} MB`,
  );
  commands.forEach(([name, , target], k) => {
    const ms = median(runs[k].map((t) => t.ms));
    const pairs = median(runs[k].map((t, i) => t.ms / anchors[i].ms));
    console.log(
      `  ${name.padEnd(33)} ${fixed(ms).padStart(6)} ms   peak RSS ${fixed(median(runs[k].map((t) => t.rssMb)))} MB   ratio ${(ms / a).toFixed(2)} (pairs ${pairs.toFixed(2)}; ${target})`,
    );
  });
}

/**
 * The standalone page's Compute assessment in headless Chromium, as the analyst uses it: a fresh
 * page, the workbook picked, the button clicked, until the pane says it is done. Also the
 * longest the page's main thread was busy without a break (a responsive pane yields often).
 */
async function paneRuns(file: string): Promise<{ ms: number; longestTaskMs: number }[]> {
  const server = await serveWeb();
  const browser = await launchChromium();
  const out: { ms: number; longestTaskMs: number }[] = [];
  try {
    for (let i = 0; i < RUNS; i += 1) {
      const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
      await page.goto(`${server.url}taskpane.html`);
      await page.evaluate(() => {
        const w = window as unknown as { longestTask: number };
        w.longestTask = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.longestTask = Math.max(w.longestTask, e.duration);
        }).observe({ type: "longtask", buffered: false });
      });
      await page.getByLabel("Workbook").setInputFiles(file);
      const start = performance.now();
      await page.getByRole("button", { name: "Compute assessment" }).click();
      await page.getByText("Done. The results workbook is ready to download.").waitFor({ timeout: 120000 });
      const ms = performance.now() - start;
      const longestTaskMs = await page.evaluate(() => (window as unknown as { longestTask: number }).longestTask);
      out.push({ ms, longestTaskMs });
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

/** Prints the whole-command figures for the 50 × 2,000 workbook and the sample. */
export async function benchWholeCommand(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-whole-"));
  try {
    await fs.writeFile(path.join(dir, "rss.js"), REPORT_RSS);
    const big = path.join(dir, "bench.xlsx");
    await generateWorkbook(big);
    const out = (name: string): string => path.join(dir, name);
    const read = (file: string) => (): Timed => timeProcess(["-e", EXCELJS_READ, file]);
    compare("csp-assess compute, 50 sheets × 2,000 rows", read(big), [
      [
        "compute --out",
        () => cli(dir, ["compute", big, ...WARDS, "--out", out("big.xlsx"), "--quiet"]),
        "target <= 1.0",
      ],
      [
        "compute --out --json",
        () => cli(dir, ["compute", big, ...WARDS, "--out", out("big.xlsx"), "--json", out("big.json"), "--quiet"]),
        "target <= 1.3",
      ],
    ]);
    compare("csp-assess compute, the sample workbook", read(SAMPLE), [
      [
        "compute --out --json",
        () => cli(dir, ["compute", SAMPLE, ...WARDS, "--out", out("s.xlsx"), "--json", out("s.json"), "--quiet"]),
        "no target",
      ],
      [
        "compute --report",
        () => cli(dir, ["compute", SAMPLE, ...WARDS, "--report", out("s.docx"), "--quiet"]),
        "report target <= 2 s",
      ],
    ]);
    for (const [name, file] of [
      ["50 sheets × 2,000 rows", big],
      ["the sample workbook", SAMPLE],
    ] as const) {
      const runs = await paneRuns(file);
      console.log(
        `\nThe standalone page's Compute assessment in headless Chromium, ${name}: median ${fixed(median(runs.map((r) => r.ms)))} ms of ${RUNS} fresh pages (target on 50 × 2,000: <= 4,000 ms); longest busy stretch of the page ${fixed(median(runs.map((r) => r.longestTaskMs)))} ms (a responsive pane: <= 100 ms)`,
      );
    }
    // The report's own cost: the same command with and without --report.
    const withReport: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      without.push(cli(dir, ["compute", SAMPLE, "--json", out("s.json"), "--quiet"]).ms);
      withReport.push(cli(dir, ["compute", SAMPLE, "--json", out("s.json"), "--report", out("s.docx"), "--quiet"]).ms);
    }
    console.log(
      `  the draft report adds             ${fixed(median(withReport) - median(without)).padStart(6)} ms to compute --json (${fixed(median(withReport))} against ${fixed(median(without))} ms; target: the report <= 2,000 ms)`,
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
