import { OptionError } from "../model/inputError";
import { MORILE_PRESETS } from "./morile/morileConfig";
import type { PopulationTable } from "./population/wardPopulation";

/** How record-level data is grouped into two comparable twelve-month periods; the first is the default. */
export const WINDOW_KINDS = ["nov-oct", "apr-mar", "calendar"] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

/** What each window compares, for help texts and the pane's list. */
export const WINDOW_DESCRIPTIONS: Readonly<Record<WindowKind, string>> = {
  "nov-oct": "November to October (the seed's year)",
  "apr-mar": "April to March (financial years)",
  calendar: "January to December",
};

/** The shipped MoRiLE presets, by the name the options take. */
export const MORILE_PRESET_NAMES: readonly string[] = Object.keys(MORILE_PRESETS);

/** A month of a year, as `--end 2019-10` gives it. */
export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

/**
 * Every choice a run takes, from the command line, the pane or a test: defined once here, with
 * its defaults and its checks, and passed whole through the job to the core. `Boundaries` is the
 * GIS module's boundary type; the core carries it for the job and never looks inside.
 */
export interface AssessmentOptions<Boundaries = unknown> {
  /** Periods compared for record-level data. */
  readonly window: WindowKind;
  /** The last month of the later period; by default the latest complete one in the data. */
  readonly windowEnd: YearMonth | null;
  /** MoRiLE preset used when the workbook has no MoRiLE Config sheet. */
  readonly morilePreset: string;
  /** The partnership's own area; else a Settings sheet's, else inferred from the titles. */
  readonly homeArea: string | null;
  /** Ward populations from a published file; else the workbook's Population sheet. */
  readonly population: PopulationTable | null;
  /** Ward boundaries; without them no ward layers are computed. */
  readonly boundaries: Boundaries | null;
}

/** The options of a run where nobody chose otherwise. */
export const DEFAULT_OPTIONS: AssessmentOptions<never> = Object.freeze({
  window: WINDOW_KINDS[0],
  windowEnd: null,
  morilePreset: "linear",
  homeArea: null,
  population: null,
  boundaries: null,
});

/**
 * Options with the defaults filled in and each choice checked, so a run never starts on a
 * value it cannot use. Absent (`undefined`) choices take their default.
 *
 * @example
 * assessmentOptions({ window: "apr-mar" }).morilePreset //= "linear"
 * assessmentOptions({ window: "july" }) // throws OptionError: window must be one of nov-oct, apr-mar, calendar
 * @throws OptionError naming the option and its allowed values
 */
export function assessmentOptions<B = unknown>(chosen: Partial<AssessmentOptions<B>> = {}): AssessmentOptions<B> {
  const defined = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v !== undefined)) as Partial<
    AssessmentOptions<B>
  >;
  const options: AssessmentOptions<B> = { ...DEFAULT_OPTIONS, ...defined };
  return {
    ...options,
    window: windowKind(options.window),
    morilePreset: morilePreset(options.morilePreset),
    homeArea: options.homeArea?.trim() || null,
    windowEnd: options.windowEnd === null ? null : checkedMonth(options.windowEnd),
  };
}

/**
 * A window as typed ("Nov-Oct"), checked against the allowed ones; `as` names the option in the message.
 *
 * @example
 * windowKind("Nov-Oct") //= "nov-oct"
 * windowKind("weekly") // throws OptionError: window must be one of nov-oct, apr-mar, calendar
 */
export function windowKind(text: string, as = "window"): WindowKind {
  const kind = text.trim().toLowerCase();
  if (!(WINDOW_KINDS as readonly string[]).includes(kind))
    throw new OptionError(`${as} must be one of ${WINDOW_KINDS.join(", ")} (not "${text}")`);
  return kind as WindowKind;
}

/**
 * A MoRiLE preset as typed ("Linear"), checked against the shipped ones.
 *
 * @example
 * morilePreset("Linear") //= "linear"
 */
export function morilePreset(text: string, as = "MoRiLE preset"): string {
  const name = text.trim().toLowerCase();
  if (!MORILE_PRESET_NAMES.includes(name))
    throw new OptionError(`${as} must be one of ${MORILE_PRESET_NAMES.join(", ")} (not "${text}")`);
  return name;
}

/**
 * The window's end written `YYYY-MM`.
 *
 * @example
 * yearMonth("2019-10") //= { year: 2019, month: 10 }
 */
export function yearMonth(text: string, as = "window end"): YearMonth {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!m) throw new OptionError(`${as} must be a month written YYYY-MM (not "${text}")`);
  return checkedMonth({ year: Number(m[1]), month: Number(m[2]) }, as);
}

function checkedMonth(end: YearMonth, as = "window end"): YearMonth {
  if (!Number.isInteger(end.year) || !Number.isInteger(end.month) || end.month < 1 || end.month > 12) {
    throw new OptionError(
      `${as} must be a month written YYYY-MM (not ${end.year}-${String(end.month).padStart(2, "0")})`,
    );
  }
  return end;
}

/**
 * A document's date as given (`YYYY-MM-DD`), written as UK readers read it.
 *
 * @example
 * reportDate("2020-03-31") //= "31/03/2020"
 * reportDate("2020-02-30") // throws OptionError: date must be a real day written YYYY-MM-DD
 */
export function reportDate(text: string, as = "date"): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !day || day.getUTCMonth() !== Number(m[2]) - 1 || day.getUTCDate() !== Number(m[3])) {
    throw new OptionError(`${as} must be a real day written YYYY-MM-DD (not "${text}")`);
  }
  return `${m[3]}/${m[2]}/${m[1]}`;
}
