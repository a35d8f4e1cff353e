import { formatCount } from "./format/formatNumbers";
import { saysWards } from "./tables/wardTables";
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

/**
 * Why a workbook gives nothing to assess (no table, no MoRiLE sheet, no records), as one
 * sentence naming it; null when it has something. The command line, the pane and the ribbon
 * all refuse such a workbook with this sentence, before anything is written.
 *
 * @example
 * nothingToAssess({ sheetsRead: 1, tables: [], headlines: [], findings: [], morile: null, incidents: [], homeArea: null, unusualMonths: [] }, "notes.xlsx") //= "notes.xlsx: no tables found on its 1 sheet (a table needs a label column and at least one column of numbers under a header; a MoRiLE sheet needs a Theme column and the factor columns)"
 */
export function nothingToAssess(assessment: Assessment, source: string): string | null {
  if (assessment.tables.length > 0 || assessment.morile || assessment.incidents.length > 0) return null;
  const where =
    assessment.sheetsRead === 1 ? "on its 1 sheet" : `on any of its ${formatCount(assessment.sheetsRead)} sheets`;
  return `${source}: no tables found ${where} (a table needs a label column and at least one column of numbers under a header; a MoRiLE sheet needs a Theme column and the factor columns)`;
}

/**
 * The tables of wards a run without boundaries could not map, by their titles: what the
 * command line and the ribbon say they left out.
 *
 * @example
 * unmappedWardTables({ sheetsRead: 1, tables: [{ table: { labelHeader: "Ward", title: "Burglary by ward", sheet: "B", rows: [] } }], headlines: [], findings: [], morile: null, incidents: [], homeArea: null, unusualMonths: [] }) //= ["Burglary by ward"]
 */
export function unmappedWardTables(assessment: Assessment): string[] {
  return assessment.tables
    .filter((t) => saysWards(t.table))
    .map((t) => (t.table.title ?? t.table.sheet).split(" – ").pop() as string);
}
