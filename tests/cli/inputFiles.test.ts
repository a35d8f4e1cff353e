import Papa from "papaparse";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CellValue, ExtractSink } from "../../src/model";
import { extractFromPaths } from "../../src/cli/inputFiles";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-input-files-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** A sink that keeps every file's rows as text. */
function collecting(): { sink: ExtractSink; files: Map<string, string[][]> } {
  const files = new Map<string, string[][]>();
  const sink: ExtractSink = {
    skip: () => undefined,
    file(name) {
      const rows: string[][] = [];
      files.set(name, rows);
      return { row: (values: readonly CellValue[]) => rows.push(values.map(String)), end: () => undefined };
    },
  };
  return { sink, files };
}

// Read 128 kB at a time into two buffers in turn, decoded a record at a time: a file of several
// chunks, with characters of two to four bytes and quoted fields over two lines throughout, so
// chunk ends fall inside characters and inside quoted fields.
function csvText(rows: number, crlf: boolean): string {
  const lines = ["Crime ID,Month,Location,LSOA name,Crime type,Context"];
  for (let i = 0; i < rows; i += 1) {
    const place = ["On or near Café Row", "Ysgol Gymraeg â é", "£5,000 € fund", "Road 🚲 lane"][i % 4];
    const context = i % 7 === 0 ? `"said ""stop""\nthen left ${i}"` : i % 5 === 0 ? "" : `note ${"€".repeat(i % 13)}`;
    lines.push(
      `id${i},2022-0${(i % 9) + 1},"${place}",Maidstone 0${String(i % 99).padStart(2, "0")}A,Other theft,${context}`,
    );
  }
  return `${lines.join(crlf ? "\r\n" : "\n")}${crlf ? "\r\n" : "\n"}`;
}

describe("files read for an extract", () => {
  it("reads a folder of symbolic links to the files as the files, and passes over a link to nothing", async () => {
    const real = path.join(dir, "downloads");
    const links = path.join(dir, "links");
    await fs.mkdir(real, { recursive: true });
    await fs.mkdir(links, { recursive: true });
    const text = "Crime ID,Month,LSOA name,Crime type\nid1,2022-01,Maidstone 001A,Robbery\n";
    await fs.writeFile(path.join(real, "2022-01-kent-street.csv"), text);
    await fs.mkdir(path.join(real, "2022-02"), { recursive: true });
    await fs.writeFile(path.join(real, "2022-02", "2022-02-kent-street.csv"), text.replace("2022-01", "2022-02"));
    await fs.symlink(path.join(real, "2022-01-kent-street.csv"), path.join(links, "january.csv"));
    await fs.symlink(path.join(real, "2022-02"), path.join(links, "february"));
    await fs.symlink(path.join(real, "gone.csv"), path.join(links, "gone.csv"));
    const { sink, files } = collecting();
    await (await extractFromPaths([links])).readExtract(sink);
    expect([...files.keys()].sort()).toEqual(["links/february/2022-02-kent-street.csv", "links/january.csv"]);
    expect(files.get("links/january.csv")).toEqual([
      ["Crime ID", "Month", "LSOA name", "Crime type"],
      ["id1", "2022-01", "Maidstone 001A", "Robbery"],
    ]);
  });

  it("gives a CSV's rows exactly as papaparse reads the whole text, over many chunks", async () => {
    const texts = [csvText(9000, true), csvText(7000, false)];
    const names = ["a.csv", "b.csv"];
    for (const [i, text] of texts.entries()) await fs.writeFile(path.join(dir, names[i]), text);
    const bytes = new TextEncoder().encode(texts[0]);
    expect(bytes.length).toBeGreaterThan(4 * 131072);
    // The test means something only if chunk ends fall inside a character.
    expect([1, 2, 3, 4].some((k) => (bytes[k * 131072] & 0xc0) === 0x80)).toBe(true);

    const { sink, files } = collecting();
    await (await extractFromPaths(names.map((n) => path.join(dir, n)))).readExtract(sink);
    for (const [i, name] of names.entries()) {
      expect(files.get(name)).toEqual(Papa.parse<string[]>(texts[i], { skipEmptyLines: true }).data);
    }
  });

  it("keeps a record longer than a chunk whole: a field of 300 kB, and a file whose lines end in CR alone", async () => {
    const long = `Crime ID,Month,Crime type,Context\r\nid1,2022-01,Other theft,"${"é€🚲,\n".repeat(30000)}"\r\nid2,2022-01,Robbery,\r\n`;
    const mac = csvText(6000, false).replaceAll("\n", "\r");
    await fs.writeFile(path.join(dir, "long.csv"), long);
    await fs.writeFile(path.join(dir, "mac.csv"), mac);
    const { sink, files } = collecting();
    await (await extractFromPaths([path.join(dir, "long.csv"), path.join(dir, "mac.csv")])).readExtract(sink);
    expect(files.get("long.csv")).toEqual(Papa.parse<string[]>(long, { skipEmptyLines: true }).data);
    expect(files.get("mac.csv")).toEqual(Papa.parse<string[]>(mac, { skipEmptyLines: true }).data);
    expect(files.get("mac.csv")).toHaveLength(6001);
  });

  it("names the file and row when a quoted field never closes, and reads the file afresh once it is mended", async () => {
    const broken = path.join(dir, "broken.csv");
    await fs.writeFile(broken, `${csvText(2000, true)}x,2022-01,"never closed,a,b,c\r\n`);
    await expect((await extractFromPaths([broken])).readExtract(collecting().sink)).rejects.toThrow(
      /broken\.csv is not readable CSV \(row \d+: /,
    );
    await fs.writeFile(broken, csvText(10, false));
    const { sink, files } = collecting();
    await (await extractFromPaths([broken])).readExtract(sink);
    expect(files.get("broken.csv")).toHaveLength(11);
  });
});
