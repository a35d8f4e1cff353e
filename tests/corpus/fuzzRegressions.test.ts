// Every failure the fuzzer has found, kept as a case: each crashed or wrote an output that did
// not open before its fix.
import { type Mutation, fuzzFailure, fuzzSeeds, mutate } from "./fuzzPackages";

const FOUND: [string, number, Mutation][] = [
  // [Content_Types].xml made malformed: the writer edited it and wrote it back malformed.
  ["a malformed part the writer edits", 0, { kind: "xml", part: 0, edits: [{ op: "insert", at: 0, text: "<" }] }],
  // A malformed relationships part of our old sheet: the writer's walk of the parts threw.
  [
    "a malformed relationships part of our old sheet",
    3,
    {
      kind: "xml",
      part: 114729137,
      edits: [
        { op: "insert", at: 0, text: 'xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"' },
        { op: "insert", at: 0, text: "<" },
      ],
    },
  ],
  // A zip entry renamed by header damage: ExcelJS read a workbook with no workbook part, then threw writing it.
  ["a package whose workbook part lost its name", 0, { kind: "header", record: 16, field: 30, value: 1 }],
  // A character reference past Unicode: decoding it threw a RangeError.
  [
    "a character reference past Unicode",
    0,
    { kind: "xml", part: 1994969771, edits: [{ op: "insert", at: 0.26916524701873934, text: "&#x110000;" }] },
  ],
];

describe("failures the fuzzer found", () => {
  it.each(FOUND)("%s no longer crashes or writes an output that does not open", async (_name, seed, m) => {
    const seeds = await fuzzSeeds();
    expect(await fuzzFailure(mutate(seeds[seed].bytes, m))).toBeNull();
  });
});
