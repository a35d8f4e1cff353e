// npm run geo:build: turns a ward boundary file into compact quantised TopoJSON (shared borders
// kept) in the ignored build/geo folder. Source: CSP_BOUNDARIES=2015 (default: the sample's wards,
// committed in samples/ under the OGL) | 2024 (read from beside the project) | <file>, or --source.
import { promises as fs } from "node:fs";
import path from "node:path";
import type { FeatureCollection } from "geojson";
import { quantize } from "topojson-client";
import { presimplify, quantile, simplify } from "topojson-simplify";
import { wardsTopology } from "../../geo";
import { packageRoot } from "../adapters/node/packageRoot";

const ROOT = packageRoot();
const SOURCES: Record<string, string> = {
  "2015": path.join(ROOT, "samples", "maidstone-wards-2015.geojson"),
  "2024": path.join(ROOT, "..", "shared", "geo", "maidstone-wards-2024.geojson"),
};
const MAX_BYTES = 150 * 1024;

/** Builds the topology from `source` (a known set or a file) into `out`; returns its size in bytes. */
export async function buildBoundaries(
  source: string,
  out: string,
): Promise<{ bytes: number; wards: number; file: string }> {
  const file = SOURCES[source] ?? path.resolve(source);
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    throw new Error(
      `geo:build: boundary source ${file} not found (set CSP_BOUNDARIES to 2015, 2024 or a GeoJSON file)`,
    );
  }
  // topojson-simplify's types want property-less objects; ours carry code and name.
  const topology = presimplify(
    wardsTopology(JSON.parse(text) as FeatureCollection, file) as unknown as Parameters<typeof presimplify>[0],
  );
  // Drop only the least significant 2% of vertices (topojson-simplify's quantile counts from
  // the heaviest, so 0.98 keeps 98%): borders stay exact enough for point-in-ward at street
  // level, and the file well under budget.
  const simplified = simplify(topology, quantile(topology, 0.98));
  const compact = quantize(simplified, 1e5);
  const json = JSON.stringify(compact);
  if (json.length > MAX_BYTES) throw new Error(`geo:build: ${json.length} bytes is over the ${MAX_BYTES}-byte budget`);
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, json);
  const wards = (compact.objects.wards as { geometries: unknown[] }).geometries.length;
  return { bytes: json.length, wards, file };
}

if (require.main === module) {
  const flag = process.argv.indexOf("--source");
  const source = (flag >= 0 ? process.argv[flag + 1] : undefined) ?? process.env.CSP_BOUNDARIES ?? "2015";
  const out = path.join(ROOT, "build", "geo", "wards.topo.json");
  buildBoundaries(source, out).then(
    (r) =>
      console.log(
        `geo:build: ${r.wards} wards from ${path.relative(ROOT, r.file)} -> build/geo/wards.topo.json (${(r.bytes / 1024).toFixed(1)} kB)`,
      ),
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}
