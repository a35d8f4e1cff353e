// Benchmark: 1,000,000 random points over the borough assigned to wards, against the naive
// approach (@turf/boolean-point-in-polygon against every ward for every point) in the same run.
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { readFileSync } from "node:fs";
import path from "node:path";
import { WardLocator, boundariesExtent, loadBoundaries } from "../../geo";
import { packageRoot } from "../../src/adapters/node/packageRoot";
import { fixed, measureInChild, report } from "./benchSupport";

const POINTS = 1_000_000;
const NAIVE_POINTS = 100_000;

function randomPoints(count: number, box: readonly number[]): Float64Array {
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const xy = new Float64Array(count * 2);
  for (let i = 0; i < count; i += 1) {
    xy[2 * i] = box[0] + random() * (box[2] - box[0]);
    xy[2 * i + 1] = box[1] + random() * (box[3] - box[1]);
  }
  return xy;
}

function worker(mode: string): void {
  const boundaries = loadBoundaries(
    JSON.parse(readFileSync(path.join(packageRoot(), "build", "geo", "wards.topo.json"), "utf8")),
  );
  const box = boundariesExtent(boundaries);
  const count = mode === "naive" ? NAIVE_POINTS : POINTS;
  const xy = randomPoints(count, box);
  const start = performance.now();
  let inside = 0;
  if (mode === "naive") {
    for (let i = 0; i < count; i += 1) {
      const point: [number, number] = [xy[2 * i], xy[2 * i + 1]];
      for (const ward of boundaries.wards) {
        if (booleanPointInPolygon(point, ward.geometry)) {
          inside += 1;
          break;
        }
      }
    }
  } else {
    const locator = new WardLocator(boundaries);
    for (let i = 0; i < count; i += 1) if (locator.locate(xy[2 * i], xy[2 * i + 1]) >= 0) inside += 1;
  }
  const ms = performance.now() - start;
  report(ms, { points: count, inside, pointsPerSecond: count / (ms / 1000) });
}

/** Runs the benchmark and prints its figures. */
export async function benchPointInWard(): Promise<void> {
  const indexed = measureInChild(__filename, ["indexed"]);
  const naive = measureInChild(__filename, ["naive"]);
  const rate = indexed.extra?.pointsPerSecond ?? 0;
  const naiveRate = naive.extra?.pointsPerSecond ?? 1;
  console.log(`\nPoint in ward: ${fixed(POINTS)} random points over the borough's bounding box (26 wards)`);
  console.log(
    `  answer grid, then flatbush + exact test ${fixed(indexed.wallMs)} ms, ${fixed(rate)} points/s, peak RSS ${fixed(indexed.peakRssMb)} MB (${fixed(indexed.extra?.inside ?? 0)} in a ward)`,
  );
  console.log(
    `  naive turf loop           ${fixed(naiveRate)} points/s (measured on ${fixed(NAIVE_POINTS)} points), peak RSS ${fixed(naive.peakRssMb)} MB`,
  );
  console.log(
    `  speed-up over naive       ${(rate / naiveRate).toFixed(1)}×  (targets: >= 2,000,000 points/s on one core, >= 40× naive)`,
  );
}

if (require.main === module && process.argv[2]) worker(process.argv[2]);
