import type { WardBoundaries } from "../../geo";
import {
  type AssessmentOptions,
  MORILE_PRESET_NAMES,
  WINDOW_DESCRIPTIONS,
  WINDOW_KINDS,
  morilePreset,
  windowKind,
  yearMonth,
} from "../core/options";
import { type CommandArgs, type OptionSpec, checkedOption, stringOption, stringOptions } from "./commandLine";

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
    multiple: true,
    help: "ONS's ward population file, for rates per 1,000, and again for an ONS ward lookup (WDnnCD, WDnnNM) naming its codes when they are another vintage than the boundaries' (default: a Population sheet)",
  },
  boundaries: {
    type: "string",
    value: "<file|folder>",
    multiple: true,
    help: "ward boundaries, for ward maps and layers: GeoJSON (WGS84 or British National Grid), TopoJSON or Shapefile; a file, a zip or a folder of them, or the option again for more files (default: none)",
  },
};

/** The draft report's options, for any run that has results to report. */
export const REPORT_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  report: {
    type: "string",
    value: "<report.docx>",
    help: "a draft Strategic Assessment as a Word document, written from the results",
  },
  date: {
    type: "string",
    value: "YYYY-MM-DD",
    help: "the report's date (default: none; the title page gives the data's period)",
  },
  partnership: {
    type: "string",
    value: "<name>",
    help: "the partnership's name for the report's title page (default: a Settings sheet's Partnership, else \"<area> Community Safety Partnership\")",
  },
};

/**
 * The run's options from the command line: each checked by the core (messages name the
 * option as typed), files read. Boundaries are those given, else none: no borough's wards are
 * a default, since a workbook of one borough drawn on another's wards would be wrong.
 */
export async function runOptionsFrom(args: CommandArgs): Promise<Partial<AssessmentOptions<WardBoundaries>>> {
  const boundaries = stringOptions(args, "boundaries");
  const population = stringOptions(args, "population");
  return {
    window: checkedOption(args, "window", windowKind),
    windowEnd: checkedOption(args, "end", yearMonth),
    morilePreset: checkedOption(args, "morile-preset", morilePreset),
    homeArea: stringOption(args, "area"),
    // Boundary and population readers (the map module, ExcelJS) load only when files are given.
    boundaries: boundaries.length > 0 ? await (await import("./readBoundaryFile")).readBoundaryFiles(boundaries) : null,
    population: population.length > 0 ? await (await import("./populationFile")).readPopulationFiles(population) : null,
  };
}
