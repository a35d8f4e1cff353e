// The command line's conventions: help, version, unknown options with the nearest one, exit
// codes, and a progress line only on a terminal.
import { promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { ProgressLine } from "../../src/cli/progressLine";
import { runCli } from "../helpers/cli";
import { SAMPLE } from "../helpers/sample";

const version = (
  JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }
).version;

describe("csp-assess's conventions", () => {
  it("prints its help, each command's help and its version, exit 0", async () => {
    const help = await runCli("--help");
    expect(help.code).toBe(0);
    expect(help.out.join("\n")).toMatch(/^csp-assess: /);
    for (const command of ["compute", "incidents", "wards", "morile-template"])
      expect(help.out.join("\n")).toContain(`csp-assess ${command} `);
    expect(help.out.join("\n")).toMatch(/Exit codes: 0 done; 1 bad input .*; 2 a wrong call\./);
    const compute = await runCli("compute", "--help");
    expect(compute.code).toBe(0);
    expect(compute.out.join("\n")).toMatch(/--window nov-oct\|apr-mar\|calendar +periods compared/);
    expect(compute.out.join("\n")).toMatch(/-q, --quiet/);
    const incidents = (await runCli("incidents", "-h")).out.join("\n");
    expect(incidents).toMatch(/--intervention <ward;ward>/);
    // A required option is shown as required, not as a choice.
    expect(incidents).toMatch(
      /usage: csp-assess incidents \S+\.\.\. --json <out\.json> \[--out <results\.xlsx>\] \[--report/,
    );
    expect(await runCli("--version")).toEqual({ code: 0, out: [version], err: [] });
  });

  it("names the nearest option for a mistyped one, and exits 2 for any wrong call", async () => {
    const typo = await runCli("compute", SAMPLE, "--windw", "apr-mar", "--json", "x.json");
    expect([typo.code, typo.err]).toEqual([2, ["csp-assess: unknown option --windw; did you mean --window?"]]);
    const far = await runCli("compute", SAMPLE, "--colour", "red");
    expect(far.err).toEqual(["csp-assess: unknown option --colour"]);
    expect((await runCli("compute", SAMPLE, "--window", "july", "--json", "x.json")).err).toEqual([
      'csp-assess: --window must be one of nov-oct, apr-mar, calendar (not "july")',
    ]);
    expect((await runCli("incidents", SAMPLE, "--end", "2019-13", "--json", "x.json")).err).toEqual([
      "csp-assess: --end must be a month written YYYY-MM (not 2019-13)",
    ]);
    expect((await runCli("compute", SAMPLE, "--morile-preset", "steep", "--json", "x.json")).code).toBe(2);
    expect((await runCli("wards")).code).toBe(2);
    expect((await runCli()).code).toBe(2);
  });

  it("exits 1 on bad input, naming the file", async () => {
    const result = await runCli(
      "compute",
      path.join(os.tmpdir(), "no-such-workbook.xlsx"),
      "--json",
      path.join(os.tmpdir(), "x.json"),
    );
    expect(result.code).toBe(1);
    expect(result.err).toEqual([expect.stringMatching(/no-such-workbook\.xlsx does not exist$/)]);
  });
});

describe("the progress line", () => {
  const terminal = () => {
    const written: string[] = [];
    return { isTTY: true, written, write: (text: string) => written.push(text) };
  };

  it("says nothing when stderr is not a terminal, or with --quiet", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-progress-"));
    const piped = {
      isTTY: false,
      written: [] as string[],
      write(text: string) {
        this.written.push(text);
      },
    };
    const quiet = terminal();
    expect(
      await main(
        ["compute", SAMPLE, "--json", path.join(dir, "a.json")],
        () => undefined,
        () => undefined,
        piped,
      ),
    ).toBe(0);
    expect(
      await main(
        ["compute", SAMPLE, "--json", path.join(dir, "b.json"), "--quiet"],
        () => undefined,
        () => undefined,
        quiet,
      ),
    ).toBe(0);
    expect([piped.written, quiet.written]).toEqual([[], []]);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("on a terminal, shows the step after two seconds, redrawn in place, and wipes it at the end", () => {
    jest.useFakeTimers({ now: 0 });
    try {
      const stream = terminal();
      const line = new ProgressLine(stream, false);
      line.update({ stage: "computing", sheet: 3, sheets: 50, name: "Crime" });
      jest.advanceTimersByTime(1800);
      expect(stream.written).toEqual([]);
      jest.advanceTimersByTime(600);
      expect(stream.written.at(-1)).toBe("\r\x1b[2KComputing sheet 3 of 50: Crime 2 s");
      line.end();
      expect(stream.written.at(-1)).toBe("\r\x1b[2K");
      const count = stream.written.length;
      jest.advanceTimersByTime(5000);
      expect(stream.written).toHaveLength(count);
    } finally {
      jest.useRealTimers();
    }
  });
});
