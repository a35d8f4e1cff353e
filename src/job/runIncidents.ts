// The core's and geo's own modules rather than their indexes, so that an extract without
// boundaries loads neither the workbook tables nor the map module (proj4, topojson, turf).
import type { WardBoundaries } from "../../geo/boundaries";
import type { WardAnalysis } from "../../geo/wardLayers";
import { assessExtract } from "../core/extractAssessment";
import { finding } from "../core/findings";
import { extractAttributions } from "../core/incidents/attribution";
import { ExtractCollector } from "../core/incidents/extractFiles";
import { extractSourceName } from "../core/incidents/extractSummary";
import { type IncidentAnalysis, analyseIncidents } from "../core/incidents/incidentAnalysis";
import { crimeByWardMonths } from "../core/incidents/incidentTables";
import { type Intervention, chooseComparisonWards } from "../core/incidents/interventionImpact";
import { profileCategories } from "../core/incidents/temporalPatterns";
import { type AssessmentOptions, assessmentOptions } from "../core/options";
import { districtPopulations } from "../core/population/wardPopulation";
import { type ExtractPort, InputError, OptionError } from "../model";
import { buildResultSheets } from "../output/resultSheets";
import type { ExtractRun } from "../output/runTypes";
import type { RunProgress } from "./runAssessment";
import { withWardFindings } from "./wardFindings";

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

/** The map module's parts a run with boundaries uses: loaded only then. */
async function mapModules() {
  const [located, layers] = await Promise.all([import("../../geo/recordLocator"), import("../../geo/wardLayers")]);
  return { ...located, wardAnalysis: layers.wardAnalysis };
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
  const geo = boundaries ? await mapModules() : null;
  const collector = new ExtractCollector(mapping, boundaries && geo ? geo.recordLocator(boundaries) : null);
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
  const counts = aggregator.counts();
  // A police.uk download is named by its force and months, not by the folder it sat in.
  const source = extractSourceName(port.name, files.read.length, counts);
  onProgress?.({ stage: "computing", sheet: 1, sheets: 1, name: source });
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
        boundaries && geo ? geo.wardNeighbourNames(boundaries) : () => [],
      ),
      start: request.from,
      end: Math.max(request.from, request.to ?? counts.lastDay ?? request.from),
    });
  }
  const analysed = analyseIncidents(counts, source, {
    window: options.window,
    end: options.windowEnd,
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
    finding(source, "", "info", "file-skipped", `${s.name} was not read: ${s.reason}`),
  );
  const analysis: IncidentAnalysis = { ...analysed, findings: [...skippedFindings, ...analysed.findings] };
  const assessment = assessExtract(analysis, options.homeArea ? { name: options.homeArea, source: "option" } : null);
  let wards: WardAnalysis | null = null;
  if (boundaries && geo) {
    onProgress?.({ stage: "mapping" });
    wards = geo.wardAnalysis([], assessment.tables, boundaries, {
      population: options.population,
      attributions: extractAttributions([analysis]),
      periodCounts: [crimeByWardMonths(analysis)],
    });
  }
  const all = withWardFindings(assessment, wards);
  const sheets = buildResultSheets(all, wards);
  return {
    extract: { analysis, files },
    assessment: all,
    wards,
    sheets,
    wardCode: boundaries && geo ? geo.wardCodeOf(boundaries) : () => null,
    boundaries,
  };
}
