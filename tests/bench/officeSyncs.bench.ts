// Benchmark: the recording fake's sync count, request bytes and wall time for a whole compute
// on 1, 10 and 50 sheets of 2,000 rows, to show the cost grows with sheets, not rows.
import { OfficeWorkbook } from "../../src/adapters/office";
import { runAssessment } from "../../src/job";
import { FakeExcel } from "../office/fakeExcel";
import { fixed } from "./benchSupport";

function workbook(sheets: number, rows: number): FakeExcel {
  const excel = new FakeExcel();
  for (let s = 0; s < sheets; s += 1) {
    const data: (string | number)[][] = [["Category", "2018/19", "2019/20", "Difference"]];
    for (let r = 0; r < rows; r += 1) {
      const a = (r * 37 + s) % 500;
      const b = (r * 53 + s * 7) % 500;
      data.push([`Category ${r + 1}`, a, b, b - a]);
    }
    excel.addSheet(`Area ${s + 1}`, data);
  }
  return excel;
}

/** Runs the benchmark and prints its figures. */
export async function benchOfficeSyncs(): Promise<void> {
  console.log("\nOffice adapter (recording fake): whole compute, 2,000 rows a sheet");
  console.log("  sheets   syncs   largest request   total request   wall time");
  for (const sheets of [1, 10, 50]) {
    const excel = workbook(sheets, 2000);
    const start = performance.now();
    await runAssessment(new OfficeWorkbook(excel.run));
    const ms = performance.now() - start;
    const largest = Math.max(...excel.stats.requestBytes);
    const total = excel.stats.requestBytes.reduce((a, b) => a + b, 0);
    console.log(
      `  ${String(sheets).padStart(6)}   ${String(excel.stats.syncs).padStart(5)}   ${fixed(largest / 1024)} kB`.padEnd(
        42,
      ) +
        `${fixed(total / 1024)} kB`.padEnd(16) +
        `${fixed(ms)} ms`,
    );
  }
  const rowsOnly = workbook(1, 20000);
  await runAssessment(new OfficeWorkbook(rowsOnly.run));
  console.log(
    `  (1 sheet of 20,000 rows: ${rowsOnly.stats.syncs} syncs: rows cost request bytes, not syncs, until a request would pass 3.5 MB)`,
  );
}
