import {
  type WardAnalysis,
  type WardBoundaries,
  recordLocator,
  wardAnalysis,
  wardAnalysisJson,
  wardCodeOf,
  wardNeighbourNames,
} from "../../geo";
import {
  ExtractCollector,
  type IncidentAnalysis,
  type Intervention,
  type AssessmentOptions,
  analyseIncidents,
  assessmentOptions,
  extractAttributions,
  assessExtract,
  chooseComparisonWards,
  crimeByWardMonths,
  districtPopulations,
  finding,
  incidentJson,
  profileCategories,
} from "../core";
import { type ExtractPort, InputError, OptionError } from "../model";
import { type RunProgress, withWardLayers } from "./runAssessment";
import type { ExtractRun } from "./run";

/** An intervention asked for by its wards and dates (days since 1970). */
export interface InterventionRequest {
  readonly name?: string;
  readonly wards: readonly string[];
  /** Comparison wards; none means the wards bordering the intervention's. */
  readonly compare: readonly string[];
  readonly from: number;
  /** The last day; the latest record's when null. */
  readonly to: number | null;
}

/** Choices of a record-level run: the run's options, and what only an extract has. */
export interface IncidentRunOptions extends Partial<AssessmentOptions<WardBoundaries>> {
  /** The category profiled in time (domestic abuse by default). */
  readonly category?: string;
  /** The analyst's Category → Group mapping, over the defaults. */
  readonly mapping?: ReadonlyMap<string, string>;
  readonly intervention?: InterventionRequest | null;
  /** LSOA code → district, from an ONS lookup; police.uk's LSOA names say the district without one. */
  readonly lsoaDistricts?: ReadonlyMap<string, { readonly name: string; readonly code: string | null }>;
  readonly onProgress?: (step: RunProgress) => void;
}

/**
 * A record-level extract from its files (one CSV, several, a folder, a police.uk download):
 * every file's rows into one count, then the comparison, the whole-extract summary, the time
 * profile, interventions, ward layers and the result sheets. The job behind `csp-assess
 * incidents` and the files picked in the pane.
 * @throws InputError when no file holds record-level rows; OptionError for a category the extract lacks
 */
export async function runIncidents(port: ExtractPort, chosen: IncidentRunOptions = {}): Promise<ExtractRun> {
  const { onProgress, category, mapping, intervention } = chosen;
  const options = assessmentOptions(chosen);
  const { boundaries } = options;
  onProgress?.({ stage: "reading" });
  const collector = new ExtractCollector(mapping, boundaries ? recordLocator(boundaries) : null);
  await port.readExtract(collector);
  const files = collector.files();
  const aggregator = collector.result();
  if (!aggregator) {
    const skipped = files.skipped
      .slice(0, 3)
      .map((s) => (s.name === port.name ? s.reason : `${s.name}: ${s.reason}`))
      .join("; ");
    throw new InputError(
      null,
      `${port.name}: no record-level columns found, so no street-level crime or other records were read${skipped ? ` (${skipped})` : ""}`,
    );
  }
  onProgress?.({ stage: "computing", sheet: 1, sheets: 1, name: port.name });
  const counts = aggregator.counts();
  if (category && !profileCategories(counts).some((c) => c.toLowerCase() === category.toLowerCase())) {
    throw new OptionError(
      `the category to profile must be one of: ${profileCategories(counts).join(", ")}`,
      "category",
    );
  }
  const interventions: Intervention[] = [];
  const request = intervention;
  if (request) {
    interventions.push({
      name: request.name ?? `Intervention in ${request.wards.join(", ")}`,
      wards: request.wards,
      comparisonWards: chooseComparisonWards(
        request.wards,
        request.compare,
        boundaries ? wardNeighbourNames(boundaries) : () => [],
      ),
      start: request.from,
      end: Math.max(request.from, request.to ?? counts.lastDay ?? request.from),
    });
  }
  const analysed = analyseIncidents(counts, port.name, {
    window: options.window,
    end: options.windowEnd ?? undefined,
    category,
    interventions,
    districts: {
      homeArea: options.homeArea,
      populations: districtPopulations(options.population),
      ...(chosen.lsoaDistricts ? { lsoaDistricts: chosen.lsoaDistricts } : {}),
    },
  });
  // Skipped files are listed, never passed over silently.
  const skippedFindings = files.skipped.map((s) =>
    finding(port.name, "", "info", "file-skipped", `${s.name} was not read: ${s.reason}`),
  );
  const analysis: IncidentAnalysis = { ...analysed, findings: [...skippedFindings, ...analysed.findings] };
  const assessment = assessExtract(analysis);
  let wards: WardAnalysis | null = null;
  if (boundaries) {
    onProgress?.({ stage: "mapping" });
    wards = wardAnalysis([], assessment.tables, boundaries, {
      population: options.population,
      attributions: extractAttributions([analysis]),
      periodCounts: [crimeByWardMonths(analysis)],
    });
  }
  const { assessment: all, sheets } = withWardLayers(assessment, wards);
  return {
    extract: { analysis, files },
    assessment: all,
    wards,
    sheets,
    wardCode: boundaries ? wardCodeOf(boundaries) : () => null,
    boundaries,
  };
}

/** The JSON of a record-level run: the extract's analysis, the files read and skipped, and the ward layers. */
export function incidentRunJson(run: ExtractRun): Record<string, unknown> {
  return {
    ...incidentJson(run.extract.analysis, run.wardCode),
    unusualMonths: run.assessment.unusualMonths,
    files: run.extract.files,
    ...(run.wards ? { wards: wardAnalysisJson(run.wards) } : {}),
  };
}
