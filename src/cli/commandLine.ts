import { closest, distance } from "fastest-levenshtein";
import { parseArgs } from "node:util";
import { OptionError } from "../model";
import { UsageError } from "./fileOutput";

/** One option of a command, as its help lists it. */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  /** What the value is, for the help: `<file.xlsx>`, `nov-oct|apr-mar|calendar`. */
  readonly value?: string;
  readonly help: string;
  readonly short?: string;
  /** True when the option may be given more than once, each value kept. */
  readonly multiple?: boolean;
  /** True when the command cannot run without it: its usage line shows it without brackets. */
  readonly required?: boolean;
}

/** A command: what it takes and what it says about itself. */
export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  /** The positional arguments, for the usage line: `<input.xlsx>`. */
  readonly arguments: string;
  readonly positionals: { readonly min: number; readonly max: number };
  readonly options: Readonly<Record<string, OptionSpec>>;
}

/** A command's arguments as parsed: positionals and the options given. */
export interface CommandArgs {
  readonly positional: string[];
  readonly values: Readonly<Record<string, string | string[] | boolean | undefined>>;
}

/** Options every command takes. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  quiet: { type: "boolean", short: "q", help: "no progress line on the terminal" },
  help: { type: "boolean", short: "h", help: "show this help" },
};

/** The usage line of a command: `csp-assess compute <input.xlsx> --out <file> [--json <file>] …`. */
export function usageLine(spec: CommandSpec): string {
  const options = Object.entries(spec.options)
    .filter(([name]) => !(name in COMMON_OPTIONS))
    .map(([name, o]) => {
      const words = o.type === "boolean" ? `--${name}` : `--${name} ${o.value ?? "<value>"}${o.multiple ? " …" : ""}`;
      return o.required ? words : `[${words}]`;
    });
  return ["csp-assess", spec.name, spec.arguments, ...options].join(" ");
}

/** A command's help: what it does, its usage, and each option with what it means. */
export function commandHelp(spec: CommandSpec): string {
  const all = { ...spec.options, ...COMMON_OPTIONS };
  const rows = Object.entries(all).map(([name, o]) => [
    `${o.short ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? ` ${o.value ?? "<value>"}` : ""}`,
    o.help,
  ]);
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    `${spec.summary}`,
    "",
    `usage: ${usageLine(spec)}`,
    "",
    "options:",
    ...rows.map(([left, help]) => `  ${left.padEnd(width)}  ${help}`),
  ].join("\n");
}

/**
 * Parses a command's arguments with Node's own parser (`util.parseArgs`), strict: an option the
 * command does not know is refused with the nearest one it does ("did you mean --window?"),
 * never ignored.
 * @throws UsageError for an unknown option, a missing value or the wrong number of arguments
 */
export function parseCommand(spec: CommandSpec, args: readonly string[]): CommandArgs {
  const all = { ...spec.options, ...COMMON_OPTIONS };
  const options = Object.fromEntries(
    Object.entries(all).map(([name, o]) => [
      name,
      { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) },
    ]),
  );
  let parsed: { values: Record<string, string | string[] | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    throw new UsageError(argumentProblem(error as Error & { code?: string }, Object.keys(all)));
  }
  if (parsed.values.help) return { positional: parsed.positionals, values: parsed.values };
  const { min, max } = spec.positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max)
    throw new UsageError(`usage: ${usageLine(spec)}`);
  return { positional: parsed.positionals, values: parsed.values };
}

/** The one line that says what was wrong with the arguments, from Node's parser's error. */
function argumentProblem(error: Error & { code?: string }, known: readonly string[]): string {
  const named = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? "";
  const name = named.replace(/^-+/, "").split("=")[0];
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const nearest = name ? closest(name, [...known]) : "";
    const close = nearest && distance(name, nearest) <= Math.max(2, Math.floor(name.length / 3));
    return `unknown option ${named}${close ? `; did you mean --${nearest}?` : ""}`;
  }
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return `--${name} needs a value`;
  if (error.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `unexpected argument ${named}`;
  return error.message;
}

/** A string option's value (the last, when it was given more than once), or undefined. */
export function stringOption(args: CommandArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === "string" ? value : Array.isArray(value) ? value[value.length - 1] : undefined;
}

/** Every value of an option that may be given more than once, in the order given. */
export function stringOptions(args: CommandArgs, name: string): string[] {
  const value = args.values[name];
  return typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
}

/** An option read through a core check, its message naming the option as typed (`--window`). */
export function checkedOption<T>(
  args: CommandArgs,
  name: string,
  read: (text: string, as: string) => T,
): T | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  try {
    return read(text, `--${name}`);
  } catch (error) {
    if (error instanceof OptionError) throw new UsageError(error.message);
    throw error;
  }
}
