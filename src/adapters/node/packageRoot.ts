import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The folder of this package's package.json, found by walking up from here, so paths work
 * alike from the TypeScript sources (tests) and the compiled dist/ (CLI).
 */
export function packageRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "csp-assess")
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("cannot find the csp-assess package root");
    dir = parent;
  }
}

/** This package's version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
}
