// Fuzzing the package layer: small workbooks mutated (bytes flipped, cut short, zip headers
// damaged, the XML inside changed and deflated again with good CRC-32s), each run through open,
// read, compute and write. fast-check draws the mutations, so a failure comes back with its
// seed and path and is shrunk to the smallest mutation that still fails.
import fc from "fast-check";
import zlib from "node:zlib";
import { ZipPackage } from "../../src/adapters/xlsx";
import { type PackagePart, writeZip } from "../../src/adapters/xlsx/zipPackage";
import { hostileCorpus } from "./hostileCorpus";
import { type CaseRun, outputProblems, runCase } from "./runCorpus";

/** The longest a case may take before it counts as a hang. */
export const CASE_LIMIT_MS = 10_000;

/** One mutation of a seed package. */
export type Mutation =
  | { readonly kind: "flip"; readonly at: number[]; readonly bits: number[] }
  | { readonly kind: "truncate"; readonly keep: number }
  | { readonly kind: "header"; readonly record: number; readonly field: number; readonly value: number }
  | { readonly kind: "xml"; readonly part: number; readonly edits: readonly XmlEdit[] };

/** A change to a part's XML text: positions are fractions of its length. */
export type XmlEdit =
  | { readonly op: "delete"; readonly at: number; readonly length: number }
  | { readonly op: "duplicate"; readonly at: number; readonly length: number }
  | { readonly op: "insert"; readonly at: number; readonly text: string };

/** Text that reaches the readers' corners when put anywhere in a part. */
const TOKENS = [
  "<",
  ">",
  "&",
  "&amp;",
  "&#0;",
  "&#x110000;",
  '"',
  "'",
  "</c>",
  "</row>",
  "<row>",
  '<row r="0">',
  '<row r="1048577">',
  '<c r="A0">',
  '<c r="XFE1">',
  '<c t="s"><v>99999</v></c>',
  '<c t="d"><v>not a date</v></c>',
  '<c s="99999"><v>1</v></c>',
  "<v>1e400</v>",
  "<v>-</v>",
  "<![CDATA[x]]>",
  "<!-- c -->",
  "<?pi x?>",
  "<x:c/>",
  "_x0000_",
  "_xD800_",
  '<mergeCell ref="A1:XFD1048576"/>',
  '<mergeCell ref="B2:A1"/>',
  '<sheet name="CSP Summary" sheetId="99" r:id="rId99"/>',
  '<definedName name="CSPAssess_x">Sheet1!$A$1</definedName>',
  '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../../x.xml"/>',
  '<numFmt numFmtId="200" formatCode="dd/mm/yyyy"/>',
  "\u0000",
  "\uFFFF",
  "\u202E",
  'xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"',
];

const xmlEdit: fc.Arbitrary<XmlEdit> = fc.oneof(
  fc.record({
    op: fc.constant("delete" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 64 }),
  }),
  fc.record({
    op: fc.constant("duplicate" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 256 }),
  }),
  fc.record({
    op: fc.constant("insert" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.constantFrom(...TOKENS),
  }),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant("flip" as const),
    at: fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 1, maxLength: 8 }),
    bits: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 8, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant("truncate" as const),
    keep: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  }),
  fc.record({
    kind: fc.constant("header" as const),
    record: fc.nat(),
    field: fc.integer({ min: 4, max: 45 }),
    value: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({
    kind: fc.constant("xml" as const),
    part: fc.nat(),
    edits: fc.array(xmlEdit, { minLength: 1, maxLength: 4 }),
  }),
);

/** Where the zip's local and central headers start (their signatures), for header damage. */
function headerOffsets(bytes: Uint8Array): number[] {
  const offsets: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 1)
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && (bytes[i + 2] === 1 || bytes[i + 2] === 3 || bytes[i + 2] === 5))
      offsets.push(i);
  return offsets;
}

/** The seed package with a mutation applied. */
export function mutate(seed: Uint8Array, m: Mutation): Uint8Array {
  switch (m.kind) {
    case "flip": {
      const out = seed.slice();
      m.at.forEach((f, i) => (out[Math.floor(f * out.length)] ^= 1 << m.bits[i]));
      return out;
    }
    case "truncate":
      return seed.slice(0, Math.floor(m.keep * seed.length));
    case "header": {
      const out = seed.slice();
      const offsets = headerOffsets(out);
      const at = offsets[m.record % offsets.length] + m.field;
      if (at < out.length) out[at] = m.value;
      return out;
    }
    case "xml": {
      const zip = ZipPackage.open(seed)!;
      const names = zip.names().filter((n) => /\.(xml|rels)$/.test(n));
      const target = names[m.part % names.length];
      const parts: PackagePart[] = zip.names().map((name) => {
        const entry = zip.entry(name)!;
        if (name !== target) return { name, entry };
        let text = zlib.inflateRawSync(entry.raw).toString("utf8");
        for (const e of m.edits) {
          const at = Math.floor(e.at * text.length);
          if (e.op === "delete") text = text.slice(0, at) + text.slice(at + e.length);
          else if (e.op === "duplicate")
            text = text.slice(0, at + e.length) + text.slice(at, at + e.length) + text.slice(at + e.length);
          else text = text.slice(0, at) + e.text + text.slice(at);
        }
        const data = Buffer.from(text, "utf8");
        const raw = new Uint8Array(zlib.deflateRawSync(data));
        return {
          name,
          entry: { ...entry, method: 8, crc32: zlib.crc32(data), size: data.length, compressedSize: raw.length, raw },
        };
      });
      return writeZip(parts, { time: 0, date: 33 });
    }
  }
}

/** The seed packages: a plain table, a hand-written minimal package, and an earlier run carrying charts. */
export async function fuzzSeeds(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const corpus = await hostileCorpus();
  const wanted = [
    "analyst-table.xlsx",
    "rows-without-references.xlsx",
    "earlier-run-with-charts.xlsx",
    "dates-1904.xlsx",
  ];
  return corpus.filter((c) => wanted.includes(c.name)).map((c) => ({ name: c.name, bytes: c.bytes }));
}

/** What went wrong with one fuzz case, or null: a crash, a hang, or an output that does not open. */
export async function fuzzFailure(bytes: Uint8Array): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<CaseRun>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`took over ${CASE_LIMIT_MS} ms`)), CASE_LIMIT_MS);
  });
  try {
    const run = await Promise.race([runCase(bytes, "fuzzed.xlsx"), hang]);
    if (run.outcome === "crashed") return `crashed: ${run.message}`;
    if (run.ms > CASE_LIMIT_MS) return `took ${run.ms} ms`;
    const problems = await outputProblems(bytes, run, { excelJs: false, byteForByte: false });
    return problems.length ? problems.join("; ") : null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    clearTimeout(timer);
  }
}

/** The property every fuzz case must hold. */
export function fuzzProperty(seeds: readonly { bytes: Uint8Array }[]): fc.IAsyncPropertyWithHooks<[number, Mutation]> {
  return fc.asyncProperty(fc.nat({ max: seeds.length - 1 }), mutation, async (seed, m) => {
    const failure = await fuzzFailure(mutate(seeds[seed].bytes, m));
    if (failure) throw new Error(failure);
  });
}

/** `npm run fuzz -- [cases] [seed]`: a longer run than the test's, with a random seed unless given. */
async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  const seed = process.argv[3] === undefined ? Date.now() % 2 ** 31 : Number(process.argv[3]);
  const seeds = await fuzzSeeds();
  const start = performance.now();
  console.log(`Fuzzing the package layer: ${count.toLocaleString("en-GB")} cases, seed ${seed}`);
  await fc.assert(fuzzProperty(seeds), { numRuns: count, seed, endOnFailure: false });
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `No crash, hang or unreadable output in ${count.toLocaleString("en-GB")} cases (${seconds.toFixed(0)} s).`,
  );
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
