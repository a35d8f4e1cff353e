// The false-alarm rate of the unusual-months rule, measured on simulated Poisson series with no
// change in them: `npm run false-alarms -- 20000` (runs; the unit test runs 1,000). Each run
// holds three series of 36 months (means 5, 50 and 500), as a run of an assessment holds several
// month series; a run raises a false alarm when it flags any month at all.
import { type MonthCounts, unusualMonths } from "../../src/core/compute/unusualMonths";
import { poissonDraw, seededUniform } from "../../src/core/stats/poissonDraws";

/** Simulated runs under no change: how many flag a month, and how many months were tested. */
export function falseAlarms(
  runs: number,
  seed: number,
): { runs: number; flagged: number; months: number; flags: number } {
  const uniform = seededUniform(seed);
  let flagged = 0;
  let months = 0;
  let flags = 0;
  for (let run = 0; run < runs; run += 1) {
    const all: MonthCounts[] = [5, 50, 500].map((mean, k) => ({
      series: `Series ${k}`,
      sheet: "Simulated",
      table: null,
      months: Array.from({ length: 36 }, (_, i) => `M${i + 1}`),
      counts: Array.from({ length: 36 }, () => poissonDraw(mean, uniform)),
    }));
    months += all.length * 24;
    const found = unusualMonths(all).length;
    flags += found;
    if (found > 0) flagged += 1;
  }
  return { runs, flagged, months, flags };
}

if (require.main === module) {
  const runs = Number(process.argv[2] ?? 20000);
  const { flagged, months, flags } = falseAlarms(runs, 20201);
  console.log(
    `${runs} runs with no change, ${months} months tested: ${flagged} runs flagged a month (${((100 * flagged) / runs).toFixed(2)}% of runs, nominal 1%); ${flags} months flagged (${((100 * flags) / months).toFixed(4)}% of months)`,
  );
}
