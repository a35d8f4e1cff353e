import { MORILE_PRESETS } from "../src/core/morile/morileConfig";
import {
  type AssessmentOptions,
  DEFAULT_OPTIONS,
  MORILE_PRESET_NAMES,
  WINDOW_DESCRIPTIONS,
  WINDOW_KINDS,
  morilePreset,
  windowKind,
} from "../src/core/options";
import { byId, el } from "./dom";

/** The choices the pane offers, as kept between runs. */
export interface RunChoices {
  readonly homeArea: string;
  /** The partnership's name for the draft report's title page; empty for a Settings sheet's or the home area's. */
  readonly partnership: string;
  readonly window: string;
  readonly morilePreset: string;
}

/** The choices nobody has made: the core's defaults. */
export const DEFAULT_CHOICES: RunChoices = Object.freeze({
  homeArea: "",
  partnership: "",
  window: DEFAULT_OPTIONS.window,
  morilePreset: DEFAULT_OPTIONS.morilePreset,
});

/**
 * Kept choices over the defaults, as the pane shows them and the ribbon runs them: a value the
 * lists no longer offer keeps the default.
 */
export function completeChoices(kept: Partial<RunChoices>): RunChoices {
  const offered = (value: string | undefined, allowed: readonly string[], fallback: string): string =>
    value !== undefined && allowed.includes(value) ? value : fallback;
  return {
    homeArea: kept.homeArea ?? "",
    partnership: kept.partnership ?? "",
    window: offered(kept.window, WINDOW_KINDS, DEFAULT_CHOICES.window),
    morilePreset: offered(kept.morilePreset, MORILE_PRESET_NAMES, DEFAULT_CHOICES.morilePreset),
  };
}

const FIELDS = {
  homeArea: "csp-home-area",
  partnership: "csp-partnership",
  window: "csp-window",
  morilePreset: "csp-morile-preset",
} as const;

/** Fills the window and preset lists from the core's own lists, so the pane offers what the run accepts. */
export function offerChoices(): void {
  const windows = byId<HTMLSelectElement>(FIELDS.window);
  for (const kind of WINDOW_KINDS)
    windows.appendChild(el("option", { text: WINDOW_DESCRIPTIONS[kind], attrs: { value: kind } }));
  const presets = byId<HTMLSelectElement>(FIELDS.morilePreset);
  for (const name of MORILE_PRESET_NAMES)
    presets.appendChild(el("option", { text: MORILE_PRESETS[name].preset, attrs: { value: name } }));
  showChoices(DEFAULT_CHOICES);
}

/** Puts remembered choices in the fields; a value the lists no longer offer keeps the default. */
export function showChoices(choices: Partial<RunChoices>): void {
  byId<HTMLInputElement>(FIELDS.homeArea).value = choices.homeArea ?? "";
  byId<HTMLInputElement>(FIELDS.partnership).value = choices.partnership ?? "";
  const select = (id: string, value: string | undefined): void => {
    const field = byId<HTMLSelectElement>(id);
    if (value && [...field.options].some((o) => o.value === value)) field.value = value;
  };
  select(FIELDS.window, choices.window);
  select(FIELDS.morilePreset, choices.morilePreset);
}

/** The choices in the fields now. */
export function currentChoices(): RunChoices {
  return {
    homeArea: byId<HTMLInputElement>(FIELDS.homeArea).value.trim(),
    partnership: byId<HTMLInputElement>(FIELDS.partnership).value.trim(),
    window: byId<HTMLSelectElement>(FIELDS.window).value,
    morilePreset: byId<HTMLSelectElement>(FIELDS.morilePreset).value,
  };
}

/** The run's options from the pane's choices, checked by the core as the command line's are. */
export function optionsOf(choices: RunChoices): Partial<AssessmentOptions> {
  return {
    homeArea: choices.homeArea || undefined,
    window: windowKind(choices.window),
    morilePreset: morilePreset(choices.morilePreset),
  };
}

/** Choices read back from where they were kept (JSON), ignoring anything that is not a choice. */
export function parseChoices(text: unknown): Partial<RunChoices> {
  if (typeof text !== "string" || text === "") return {};
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const pick = (key: keyof RunChoices): string | undefined =>
      typeof value[key] === "string" ? (value[key] as string) : undefined;
    return {
      homeArea: pick("homeArea"),
      partnership: pick("partnership"),
      window: pick("window"),
      morilePreset: pick("morilePreset"),
    };
  } catch {
    return {};
  }
}
