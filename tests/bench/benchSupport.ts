import { execFileSync } from "node:child_process";

/** What one measured run reports. */
export interface Measurement {
  readonly wallMs: number;
  readonly peakRssMb: number;
  readonly extra?: Record<string, number>;
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs `worker` in a fresh Node process (so peak memory is its own) and reads the JSON
 * measurement it prints on its last line.
 */
export function measureInChild(worker: string, args: readonly string[]): Measurement {
  const stdout = execFileSync(process.execPath, ["--expose-gc", worker, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]) as Measurement;
}

/** Reports a measurement from inside a worker process. */
export function report(wallMs: number, extra?: Record<string, number>): void {
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ wallMs, peakRssMb, extra }));
}

/** Formats a number of milliseconds or megabytes for the printed table. */
export const fixed = (n: number, digits = 0): string => n.toFixed(digits).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
