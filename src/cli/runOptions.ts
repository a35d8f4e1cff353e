import { existsSync } from "node:fs";
import type { WardBoundaries } from "../../geo";
import {
  type AssessmentOptions,
  MORILE_PRESET_NAMES,
  WINDOW_DESCRIPTIONS,
  WINDOW_KINDS,
  morilePreset,
  windowKind,
  yearMonth,
} from "../core";
import { BUILT_BOUNDARIES, readBoundaryFile } from "./readBoundaryFile";
import { type CommandArgs, type OptionSpec, checkedOption, stringOption } from "./commandLine";
import { readPopulationFile } from "./populationFile";

/** The options of a run as the command line spells them, each the core's `AssessmentOptions` field. */
export const RUN_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  window: {
    type: "string",
    value: WINDOW_KINDS.join("|"),
    help: `periods compared for record-level data: ${WINDOW_KINDS.map((k) => `${k}, ${WINDOW_DESCRIPTIONS[k]}`).join("; ")} (default ${WINDOW_KINDS[0]})`,
  },
  end: {
    type: "string",
    value: "YYYY-MM",
    help: "the last month of the later period (default: the latest complete one in the data)",
  },
  "morile-preset": {
    type: "string",
    value: MORILE_PRESET_NAMES.join("|"),
    help: "MoRiLE preset when the workbook has no MoRiLE Config sheet (default linear)",
  },
  area: {
    type: "string",
    value: "<name>",
    help: "the partnership's own area, placed among its peers (default: a Settings sheet's, else inferred)",
  },
  population: {
    type: "string",
    value: "<file>",
    help: "ONS's ward population file, for rates per 1,000 (default: a Population sheet)",
  },
  boundaries: {
    type: "string",
    value: "<file>",
    help: "ward boundaries: GeoJSON, TopoJSON or zipped Shapefile (default: the built Maidstone wards)",
  },
};

/**
 * The run's options from the command line: each checked by the core (messages name the
 * option as typed), files read. Boundaries are the given file, else the built default when
 * there is one, else none.
 */
export async function runOptionsFrom(args: CommandArgs): Promise<Partial<AssessmentOptions<WardBoundaries>>> {
  const boundariesFile = stringOption(args, "boundaries");
  const populationFile = stringOption(args, "population");
  return {
    window: checkedOption(args, "window", windowKind),
    windowEnd: checkedOption(args, "end", yearMonth),
    morilePreset: checkedOption(args, "morile-preset", morilePreset),
    homeArea: stringOption(args, "area"),
    boundaries: boundariesFile || existsSync(BUILT_BOUNDARIES) ? await readBoundaryFile(boundariesFile) : null,
    population: populationFile ? await readPopulationFile(populationFile) : null,
  };
}
