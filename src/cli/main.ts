import { InputError, OptionError } from "../model";
import { type CommandArgs, type CommandSpec, commandHelp, parseCommand, usageLine } from "./commandLine";
import { COMPUTE, computeCommand } from "./computeCommand";
import { UsageError } from "./fileOutput";
import { INCIDENTS, incidentsCommand } from "./incidentsCommand";
import { MORILE_TEMPLATE, morileTemplateCommand } from "./morileTemplateCommand";
import { packageVersion } from "../adapters/node/packageRoot";
import { ProgressLine, type ProgressStream } from "./progressLine";
import { WARDS, wardsCommand } from "./wardsCommand";

type Run = (args: CommandArgs, log: (line: string) => void, progress: ProgressLine) => Promise<void>;

const COMMANDS: readonly { spec: CommandSpec; run: Run }[] = [
  { spec: COMPUTE, run: computeCommand },
  { spec: INCIDENTS, run: incidentsCommand },
  { spec: WARDS, run: wardsCommand },
  { spec: MORILE_TEMPLATE, run: morileTemplateCommand },
];

/** Exit codes, as `--help` documents them. */
export const EXIT = { ok: 0, badInput: 1, wrongCall: 2 } as const;

const HELP = [
  "csp-assess: Community Safety Partnership strategic assessment from Excel workbooks and crime extracts.",
  "",
  "usage:",
  ...COMMANDS.map(({ spec }) => `  ${usageLine(spec)}`),
  "",
  "commands:",
  ...COMMANDS.map(({ spec }) => `  ${spec.name.padEnd(16)}${spec.summary}`),
  "",
  "csp-assess <command> --help describes a command's options; csp-assess --version gives the version.",
  "Exit codes: 0 done; 1 bad input (one line names the file, sheet or cell); 2 a wrong call.",
].join("\n");

/**
 * The `csp-assess` command line. Returns the exit code: 0 on success, 1 for bad input
 * (one line on stderr naming the file, sheet or cell), 2 for a wrong call. A progress line
 * goes to `progressTo` (stderr) on a terminal for runs over two seconds, unless `--quiet`.
 */
export async function main(
  argv: readonly string[],
  out = console.log,
  err = console.error,
  progressTo: ProgressStream = process.stderr,
): Promise<number> {
  const [name, ...args] = argv;
  if (name === "--version" || name === "-v") {
    out(packageVersion());
    return EXIT.ok;
  }
  if (!name || name === "--help" || name === "-h" || name === "help") {
    (name ? out : err)(HELP);
    return name ? EXIT.ok : EXIT.wrongCall;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) {
    err(`csp-assess: unknown command "${name}"\n${HELP}`);
    return EXIT.wrongCall;
  }
  let progress: ProgressLine | null = null;
  try {
    const parsed = parseCommand(command.spec, args);
    if (parsed.values.help) {
      out(commandHelp(command.spec));
      return EXIT.ok;
    }
    progress = new ProgressLine(progressTo, parsed.values.quiet === true);
    await command.run(parsed, out, progress);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || error instanceof OptionError || error instanceof InputError) {
      // A choice the data cannot take is named as the command line spells it.
      const message =
        error instanceof OptionError && error.option
          ? error.message.replace(/^the [\w ]+? (must|is|has)\b/, `--${error.option} $1`)
          : error.message;
      err(`csp-assess: ${message}`);
      return error instanceof InputError ? EXIT.badInput : EXIT.wrongCall;
    }
    err(`csp-assess: unexpected failure: ${(error as Error).stack ?? String(error)}`);
    return EXIT.badInput;
  } finally {
    progress?.end();
  }
}
