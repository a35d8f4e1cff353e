import type { DeflateCodec } from "./deflateCodec";
import { scannableXml } from "./readPackage";
import { type Relationship, partRelationships, relsPartOf } from "./workbookPart";
import type { ZipPackage } from "./zipPackage";

// Which parts of a package reach which: what the writer walks to find the parts only our old
// result sheets reach, so it removes those and nothing of the analyst's.

/** A package's part graph: each part's relationships part, and the parts each relationship source points to. */
export interface PartGraph {
  readonly rels: Map<string, string>;
  readonly targets: Map<string, Relationship[]>;
}

/** Reads every relationships part reachable from the package root. */
export async function partGraph(zip: ZipPackage, codec: DeflateCodec): Promise<PartGraph> {
  const rels = new Map<string, string>();
  const targets = new Map<string, Relationship[]>();
  const queue = [""];
  for (let source = queue.shift(); source !== undefined; source = queue.shift()) {
    if (targets.has(source)) continue;
    const relsPart = relsPartOf(source);
    const raw = await zip.text(relsPart, codec, true);
    const xml = raw === null ? null : scannableXml(relsPart, raw);
    const list = xml === null ? [] : [...partRelationships(xml, source).values()];
    targets.set(source, list);
    if (xml !== null) rels.set(source, relsPart);
    for (const r of list) if (zip.entry(r.part) && !targets.has(r.part)) queue.push(r.part);
  }
  return { rels, targets };
}

/** The parts reachable from the package root without passing through `cut`. */
export function reachable(graph: PartGraph, cut: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>([""]);
  const stack = [""];
  for (let part = stack.pop(); part !== undefined; part = stack.pop())
    for (const r of graph.targets.get(part) ?? [])
      if (!seen.has(r.part) && !cut.has(r.part)) {
        seen.add(r.part);
        stack.push(r.part);
      }
  return seen;
}
