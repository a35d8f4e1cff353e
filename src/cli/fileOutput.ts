import { createWriteStream, promises as fs } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { InputError } from "../model";

/**
 * Writes a file so that a failure never leaves a partial one behind: write a temporary file
 * beside it, then rename over the target.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * Writes text given in pieces (a streamed JSON), atomically as `writeFileAtomic` does, about a
 * megabyte at a time and waiting for the disk when it falls behind, so the whole text is never
 * held at once.
 */
export async function writeChunksAtomic(target: string, chunks: Iterable<string>): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  const out = createWriteStream(temp);
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  try {
    let pending = "";
    const flush = async (): Promise<void> => {
      if (!out.write(pending)) await Promise.race([once(out, "drain"), failed]);
      pending = "";
    };
    for (const chunk of chunks) {
      pending += chunk;
      if (pending.length >= 1 << 20) await flush();
    }
    pending += "\n";
    await flush();
    await Promise.race([new Promise<void>((resolve) => out.end(resolve)), failed]);
    await fs.rename(temp, target);
  } catch (error) {
    out.destroy();
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** Reads an input file, with a message that names it when it is missing or unreadable. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(null, `${file} does not exist`);
    if (code === "EISDIR") throw new InputError(null, `${file} is a folder, not a file`);
    throw new InputError(null, `${file} cannot be read (${code ?? (error as Error).message})`);
  }
}

/** A mistake in how the command was called (exit code 2); printed as one line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
