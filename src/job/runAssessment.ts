import {
  type WardAnalysis,
  type WardBoundaries,
  recordLocator,
  wardAnalysis,
  wardCodeOf,
  wardNeighbourNames,
} from "../../geo";
import {
  type Assessment,
  type AssessmentOptions,
  assessmentOptions,
  crimeByWardMonths,
  extractAttributions,
  assessmentSteps,
  finding,
  nothingToAssess,
  sortFindings,
} from "../core";
import { InputError, type Pause, type WorkbookPort, pacer } from "../model";
import { type Run, resultSheetSteps } from "../output";
import { withWardFindings } from "./wardFindings";

/** A step of a run, for progress display: reading, computing sheet n of N, mapping, writing. */
export type RunProgress =
  | { readonly stage: "reading" }
  | { readonly stage: "computing"; readonly sheet: number; readonly sheets: number; readonly name: string }
  | { readonly stage: "mapping" }
  | { readonly stage: "writing"; readonly sheets: number };

/** The choices of a run (any left out take the core's defaults), and where its progress goes. */
export interface RunOptions extends Partial<AssessmentOptions<WardBoundaries>> {
  readonly onProgress?: (step: RunProgress) => void;
  /**
   * The host's turn (the pane's), awaited between sheets and pieces of work once 40 ms have
   * passed, so the page paints its progress and stays responsive; none on the command line.
   */
  readonly pause?: Pause;
  /** The workbook as its messages name it (a file name, or "This workbook" in Excel). */
  readonly source?: string;
}

/**
 * "Compute assessment": read the workbook through its port, compute the tables, MoRiLE and
 * ward layers, and write the result sheets. The one code path behind the CLI, the Excel
 * add-in and the standalone page.
 */
export async function runAssessment(port: WorkbookPort, chosen: RunOptions = {}): Promise<Run> {
  const { onProgress, pause, source = "The workbook" } = chosen;
  const options = assessmentOptions(chosen);
  const turn = pacer(pause);
  onProgress?.({ stage: "reading" });
  await pause?.(); // let the page show that reading has begun
  const workbook = await port.readWorkbook(pause);
  const { boundaries } = options;
  const steps = assessmentSteps(workbook, onProgress, {
    ...options,
    recordLocator: boundaries ? recordLocator(boundaries) : null,
    wardNeighbours: boundaries ? wardNeighbourNames(boundaries) : undefined,
  });
  const assessed = await paced(steps, turn);
  // How the file was read and will be written, when not as promised, leads the findings.
  const fileFindings = (workbook.fileNotes ?? []).map((note) =>
    finding("Workbook", "", "warning", "workbook-file", note),
  );
  const computed: Assessment = fileFindings.length
    ? { ...assessed, findings: sortFindings([...fileFindings, ...assessed.findings]) }
    : assessed;
  let wards: WardAnalysis | null = null;
  if (boundaries) {
    onProgress?.({ stage: "mapping" });
    wards = wardAnalysis(
      workbook.sheets.filter((s) => !s.isResultSheet),
      computed.tables,
      boundaries,
      {
        population: options.population,
        attributions: extractAttributions(computed.incidents),
        periodCounts: computed.incidents.map(crimeByWardMonths),
      },
    );
  }
  await turn();
  // A workbook with nothing to assess (no table, MoRiLE sheet, records or located points) is
  // refused before anything is written to it.
  const nothing = wards && wards.layers.length > 0 ? null : nothingToAssess(computed, source);
  if (nothing) throw new InputError(null, nothing);
  const assessment = withWardFindings(computed, wards);
  const sheets = await paced(resultSheetSteps(assessment, wards), turn);
  onProgress?.({ stage: "writing", sheets: sheets.length });
  await pause?.();
  await port.writeResultSheets(sheets, pause);
  return {
    assessment,
    wards,
    sheets,
    wardCode: boundaries ? wardCodeOf(boundaries) : () => null,
    boundaries,
    extract: null,
  };
}

/** Runs steps to their end, giving the host its turn (`turn`) between them as the pacer asks. */
async function paced<T>(steps: Generator<void, T, void>, turn: () => Promise<void> | null): Promise<T> {
  for (;;) {
    const paused = turn();
    if (paused) await paused;
    const step = steps.next();
    if (step.done) return step.value;
  }
}
