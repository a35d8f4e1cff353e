// `npm run corpus`: runs the hostile corpus and writes its table into docs/RELIABILITY.md
// (the corpus test fails when the page and the runs disagree).
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { packageRoot } from "../../src/adapters/node/packageRoot";
import { fullCorpus } from "./fullCorpus";
import { outputProblems, runCase } from "./runCorpus";
import { TABLE_END, TABLE_START, reliabilityTable } from "./reliabilityPage";

const PAGE = path.join(packageRoot(), "docs", "RELIABILITY.md");

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-corpus-"));
  try {
    const results = [];
    for (const c of await fullCorpus(dir)) {
      const run = await runCase(c.bytes, c.name);
      const problems = await outputProblems(c.bytes, run);
      console.log(`${c.name}: ${run.outcome} in ${run.ms} ms${problems.length ? ` — ${problems.join("; ")}` : ""}`);
      results.push({ case: c, run, problems });
    }
    const page = await fs.readFile(PAGE, "utf8");
    const start = page.indexOf(TABLE_START);
    const end = page.indexOf(TABLE_END);
    if (start < 0 || end < 0) throw new Error(`${PAGE} has lost its table markers`);
    await fs.writeFile(PAGE, page.slice(0, start) + reliabilityTable(results) + page.slice(end + TABLE_END.length));
    console.log(`Wrote the table of ${results.length} cases to docs/RELIABILITY.md`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
