// Every `@example` on what the core's, the GIS module's and the output layer's index files export is run here, so
// the documentation cannot drift from the code. A line `call(…) //= value` must give that value:
// numbers to the digits written (0.151 is 0.151 to three significant figures), anything after the
// value in brackets is a comment. A line `call(…) // throws Name: text` must throw so. Other
// lines (a use shown without its result) are not run.
import { readFileSync } from "node:fs";
import path from "node:path";
import * as geo from "../../geo";
import * as core from "../../src/core";
import * as output from "../../src/output";

const ROOT = path.join(__dirname, "..", "..");

/** The module files an index exports, followed through nested indexes. */
function modulesOf(index: string): string[] {
  const base = path.dirname(index);
  return [...readFileSync(index, "utf8").matchAll(/export \* from "\.\/([^"]+)";/g)].flatMap(([, name]) => {
    const file = path.join(base, `${name}.ts`);
    try {
      readFileSync(file);
      return [file];
    } catch {
      return modulesOf(path.join(base, name, "index.ts"));
    }
  });
}

interface Example {
  readonly where: string;
  readonly code: string;
  readonly expected: string | null;
  readonly throws: string | null;
}

/** The runnable lines of every `@example` in a file. */
function examplesOf(file: string): Example[] {
  const text = readFileSync(file, "utf8");
  const out: Example[] = [];
  for (const comment of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const lines = comment.split("\n").map((l) => l.replace(/^\s*\*\s?/, "").replace(/^\/\*\*\s?/, ""));
    let inExample = false;
    for (const line of lines) {
      if (/^@example\b/.test(line)) {
        inExample = true;
        continue;
      }
      if (/^@\w+/.test(line) || line.startsWith("*/")) inExample = false;
      if (!inExample) continue;
      const where = `${path.relative(ROOT, file)}: ${line.trim()}`;
      const value = /^(.*?)\s*\/\/=\s*(.+)$/.exec(line);
      const thrown = /^(.*?)\s*\/\/\s*throws\s+(.+)$/.exec(line);
      if (value) out.push({ where, code: value[1], expected: value[2].replace(/\s+\([^()]*\)\s*$/, ""), throws: null });
      else if (thrown) out.push({ where, code: thrown[1], expected: null, throws: thrown[2] });
    }
  }
  return out;
}

const scope: Record<string, unknown> = { ...core, ...geo, ...output };
const names = Object.keys(scope);
const evaluate = (code: string): unknown =>
  new Function(...names, `"use strict"; return (${code});`)(...names.map((n) => scope[n]));

/** `actual` matches `expected`, numbers to the significant figures `expected` is written with. */
function alike(actual: unknown, expected: unknown): boolean {
  if (typeof expected === "number" && typeof actual === "number") {
    if (Number.isInteger(expected)) return actual === expected;
    const digits = String(expected).replace(/^-?0\.0*|\.|-/g, "").length;
    return Number(actual.toPrecision(digits)) === expected;
  }
  if (Array.isArray(expected))
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => alike(actual[i], e));
  if (expected && typeof expected === "object") {
    if (!actual || typeof actual !== "object") return false;
    return Object.keys(expected).every((k) =>
      alike((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k]),
    );
  }
  return Object.is(actual, expected);
}

const files = [
  ...modulesOf(path.join(ROOT, "src", "core", "index.ts")),
  ...modulesOf(path.join(ROOT, "geo", "index.ts")),
  ...modulesOf(path.join(ROOT, "src", "output", "index.ts")),
];
const examples = files.flatMap(examplesOf);

describe("the @example lines of the core, the GIS module and the output layer", () => {
  it("are there for the public functions: at least 60 runnable lines", () => {
    expect(examples.length).toBeGreaterThanOrEqual(60);
  });

  it.each(examples.map((e) => [e.where, e] as const))("%s", (_where, example) => {
    if (example.throws !== null) {
      const [name, message] = example.throws.split(/:\s*/, 2);
      let error: unknown = null;
      try {
        evaluate(example.code);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe(name.trim());
      if (message) expect((error as Error).message).toContain(message.trim());
      return;
    }
    const actual = evaluate(example.code);
    const expected = evaluate(example.expected as string);
    if (!alike(actual, expected)) expect(actual).toEqual(expected);
  });
});
