import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import { ExtractFilesPort, type InputFile } from "../adapters/records";
import { InputError } from "../model";
import { nodeDeflateCodec } from "../adapters/node/nodeDeflateCodec";
import { nodeZipInflater } from "../adapters/node/nodeZipInflater";
import { readXlsxStreamed } from "./streamedXlsx";

/**
 * A file's bytes streamed a megabyte at a time; a read failure names the file. It is named as
 * `shown` (its own name, or its path inside a folder given), never by a path of this machine:
 * the name reaches findings, result sheets and the report.
 */
function fileEntry(file: string, shown = path.basename(file)): InputFile {
  return {
    name: shown,
    async *chunks() {
      try {
        for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) yield chunk as Uint8Array;
      } catch (error) {
        throw new InputError(
          null,
          `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        );
      }
    },
  };
}

/** Every file under a folder, in path order (so runs are repeatable), hidden files left out. */
export async function filesUnder(folder: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      throw new InputError(
        null,
        `${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) found.push(full);
    }
  };
  await walk(folder);
  return found;
}

/**
 * The extract the command line was given: files, folders (searched through) and zips, in the
 * order named. One plain file names its rows `line N`; anything more names the file too.
 * @throws InputError for a path that does not exist or cannot be read, or an empty folder
 */
export async function extractFromPaths(paths: readonly string[]): Promise<ExtractFilesPort> {
  const files: InputFile[] = [];
  let plain = true;
  for (const given of paths) {
    let stat;
    try {
      stat = await fs.stat(given);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(
        null,
        code === "ENOENT" ? `${given} does not exist` : `${given} cannot be read (${code ?? (error as Error).message})`,
      );
    }
    if (stat.isDirectory()) {
      plain = false;
      const inside = await filesUnder(given);
      if (inside.length === 0) throw new InputError(null, `${given} is an empty folder`);
      files.push(...inside.map((f) => fileEntry(f, path.join(path.basename(given), path.relative(given, f)))));
    } else {
      if (/\.zip$/i.test(given)) plain = false;
      files.push(fileEntry(given));
    }
  }
  // Findings and table titles name the input: the file or folder, or the folder several share.
  const folders = [...new Set(paths.map((p) => path.dirname(path.resolve(p))))];
  const name =
    paths.length === 1
      ? path.basename(paths[0])
      : `${folders.length === 1 ? path.basename(folders[0]) : "extract"} (${paths.length} files)`;
  return new ExtractFilesPort(name, files, {
    single: plain && paths.length === 1,
    codec: nodeDeflateCodec,
    inflater: nodeZipInflater(),
    readXlsx: readXlsxStreamed,
  });
}
