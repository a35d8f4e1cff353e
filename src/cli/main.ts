import { InputError, OptionError } from "../model";
import { COMPUTE_USAGE, computeCommand } from "./computeCommand";
import { UsageError } from "./fileOutput";
import { MORILE_TEMPLATE_USAGE, morileTemplateCommand } from "./morileTemplateCommand";
import { INCIDENTS_USAGE, incidentsCommand } from "./incidentsCommand";
import { WARDS_USAGE, wardsCommand } from "./wardsCommand";

const USAGE = ["usage:", `  ${COMPUTE_USAGE}`, `  ${MORILE_TEMPLATE_USAGE}`, `  ${WARDS_USAGE}`, `  ${INCIDENTS_USAGE}`].join("\n");

type Command = (args: readonly string[], log: (line: string) => void) => Promise<void>;

const COMMANDS: Record<string, Command> = {
  compute: computeCommand,
  "morile-template": morileTemplateCommand,
  wards: wardsCommand,
  incidents: incidentsCommand,
};

/**
 * The `csp-assess` command line. Returns the exit code: 0 on success, 1 for bad input
 * (one line on stderr naming the file, sheet or cell), 2 for a wrong call.
 */
export async function main(argv: readonly string[], out = console.log, err = console.error): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    (name ? out : err)(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    err(`csp-assess: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  try {
    await command(args, out);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof OptionError || error instanceof InputError) {
      err(`csp-assess: ${error.message}`);
      return error instanceof InputError ? 1 : 2;
    }
    err(`csp-assess: unexpected failure: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}
