import type { WardAnalysis, WardBoundaries, wardStatistics } from "../../geo";
import type { Assessment, ExtractFiles, Finding, IncidentAnalysis } from "../core";
import type { ResultSheet } from "../model";

/** An extract's own part of a run: its analysis, and the files it was read from and passed over. */
export interface ExtractRead {
  readonly analysis: IncidentAnalysis;
  readonly files: ExtractFiles;
}

/**
 * What a run produced: a workbook's (`runAssessment`) or a record-level extract's
 * (`runIncidents`), one type so the pane, the command line and the report take either.
 */
export interface Run {
  readonly assessment: Assessment;
  readonly wards: WardAnalysis | null;
  readonly sheets: readonly ResultSheet[];
  /** The ONS code of a ward named in the data, when the run has boundaries. */
  readonly wardCode: (name: string) => string | null;
  /** The boundaries the ward layers were computed on (for maps and the report). */
  readonly boundaries: WardBoundaries | null;
  /** The extract read from files; null for a workbook's run. */
  readonly extract: ExtractRead | null;
}

/** A record-level extract's run: a run whose extract is always there. */
export type ExtractRun = Run & { readonly extract: ExtractRead };

/** Every ward's count and Gi* statistics from a table of located records. */
export interface WardsRun {
  readonly sheet: string;
  readonly records: number;
  readonly wards: ReturnType<typeof wardStatistics>;
  /** Records that lie in no ward (swapped coordinates included). */
  readonly outside: number;
  /** Records with no usable location (those with swapped coordinates among them). */
  readonly unlocated: number;
  /** Records whose latitude and longitude were swapped, and so in no ward. */
  readonly swapped: number;
  readonly findings: readonly Finding[];
}
