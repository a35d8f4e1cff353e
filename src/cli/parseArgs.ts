import { UsageError } from "./fileOutput";

/** Positional arguments and `--name value` options of one command. */
export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Record<string, string>;
}

/**
 * Splits arguments into positionals and `--name value` / `--name=value` options, refusing
 * options the command does not know so a typo is never silently ignored.
 */
export function parseArgs(args: readonly string[], known: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
    const value = inline ?? args[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new UsageError(`--${name} needs a value`);
    if (inline === undefined) i += 1;
    options[name] = value;
  }
  return { positional, options };
}
