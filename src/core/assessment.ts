import type { TableResult } from "./compute/tableResult";
import type { UnusualMonth } from "./compute/unusualMonths";
import type { Finding } from "./findings";
import type { Headline } from "./headlines/writeHeadlines";
import type { HomeAreaChoice } from "./homeArea";
import type { IncidentAnalysis } from "./incidents/incidentAnalysis";
import type { MorileResult } from "./morile/morileAssessment";

/** Everything one run of "Compute assessment" works out from a workbook. */
export interface Assessment {
  readonly sheetsRead: number;
  readonly tables: readonly TableResult[];
  readonly headlines: readonly Headline[];
  /** Every finding, errors first; findings that belong to a table are also on that table. */
  readonly findings: readonly Finding[];
  /** The MoRiLE ranking, when the workbook has a MoRiLE sheet. */
  readonly morile: MorileResult | null;
  /** Each record-level sheet (one row per crime or incident), aggregated and analysed. */
  readonly incidents: readonly IncidentAnalysis[];
  /** The partnership's own area, when named or inferred; its tables' standings are on each table. */
  readonly homeArea: HomeAreaChoice | null;
  /** The partnership's name from a Settings sheet ("Partnership | Safer Maidstone Partnership"), or null. */
  readonly partnership?: string | null;
  /** Months unusually high or low against their baseline, across every month series of the run. */
  readonly unusualMonths: readonly UnusualMonth[];
}
