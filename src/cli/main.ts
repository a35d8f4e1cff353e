import { InputError, OptionError } from "../model";
import { type CommandArgs, type CommandSpec, commandHelp, parseCommand, usageLine } from "./commandLine";
import { UsageError } from "./fileOutput";
import { packageVersion } from "../adapters/node/packageRoot";
import { ProgressLine, type ProgressStream } from "./progressLine";

type Run = (args: CommandArgs, log: (line: string) => void, progress: ProgressLine) => Promise<void>;
interface Command {
  readonly spec: CommandSpec;
  readonly run: Run;
}

// Each command's module is loaded when that command runs: loading all four (and all they use)
// took 120 ms of every start, most of it for what one command never touches.
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  compute: async () => {
    const { COMPUTE, computeCommand } = await import("./computeCommand");
    return { spec: COMPUTE, run: computeCommand };
  },
  incidents: async () => {
    const { INCIDENTS, incidentsCommand } = await import("./incidentsCommand");
    return { spec: INCIDENTS, run: incidentsCommand };
  },
  wards: async () => {
    const { WARDS, wardsCommand } = await import("./wardsCommand");
    return { spec: WARDS, run: wardsCommand };
  },
  "morile-template": async () => {
    const { MORILE_TEMPLATE, morileTemplateCommand } = await import("./morileTemplateCommand");
    return { spec: MORILE_TEMPLATE, run: morileTemplateCommand };
  },
};

/** Exit codes, as `--help` documents them. */
export const EXIT = { ok: 0, badInput: 1, wrongCall: 2 } as const;

/** The whole command line's help: every command's usage and summary. */
async function help(): Promise<string> {
  const specs = await Promise.all(Object.values(COMMANDS).map(async (load) => (await load()).spec));
  return [
    "csp-assess: Community Safety Partnership strategic assessment from Excel workbooks and crime extracts.",
    "",
    "usage:",
    ...specs.map((spec) => `  ${usageLine(spec)}`),
    "",
    "commands:",
    ...specs.map((spec) => `  ${spec.name.padEnd(16)}${spec.summary}`),
    "",
    "csp-assess <command> --help describes a command's options; csp-assess --version gives the version.",
    "Exit codes: 0 done; 1 bad input (one line names the file, sheet or cell); 2 a wrong call.",
  ].join("\n");
}

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
    (name ? out : err)(await help());
    return name ? EXIT.ok : EXIT.wrongCall;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : null;
  if (!load) {
    err(`csp-assess: unknown command "${name}"\n${await help()}`);
    return EXIT.wrongCall;
  }
  const command = await load();
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
