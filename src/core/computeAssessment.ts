import type { WorkbookGrids } from "../model";
import { auditTable } from "./audit/auditTable";
import { type TableResult, computeTable } from "./compute/computeTable";
import { type Finding, sortFindings } from "./findings";
import { type Headline, writeHeadlines } from "./headlines/writeHeadlines";
import { type MorileResult, isMorileInput, morileAssessment } from "./morile/morileAssessment";
import { discoverTables } from "./tables/discoverTables";

/** Everything one run of "Compute assessment" works out from a workbook. */
export interface Assessment {
  readonly sheetsRead: number;
  readonly tables: readonly TableResult[];
  readonly headlines: readonly Headline[];
  /** Every finding, errors first; findings that belong to a table are also on that table. */
  readonly findings: readonly Finding[];
  /** The MoRiLE ranking, when the workbook has a MoRiLE sheet. */
  readonly morile: MorileResult | null;
}

/** Choices of a run. */
export interface AssessmentOptions {
  /** MoRiLE preset used when the workbook has no MoRiLE Config sheet: `linear` (default) or `escalating`. */
  readonly morilePreset?: string;
}

/** Reports progress while computing: `sheet` of `sheets`. */
export type ProgressListener = (step: { readonly stage: "computing"; readonly sheet: number; readonly sheets: number; readonly name: string }) => void;

/**
 * Finds every table in the workbook, computes it, audits what the analyst typed and words
 * the headlines. Our own result sheets from an earlier run are skipped. Pure: the same
 * workbook always gives the same assessment.
 */
export function computeAssessment(workbook: WorkbookGrids, onProgress?: ProgressListener, options: AssessmentOptions = {}): Assessment {
  const tables: TableResult[] = [];
  const headlines: Headline[] = [];
  const findings: Finding[] = [];
  const sheets = workbook.sheets.filter((s) => !s.isResultSheet);
  const morileSheets = sheets.filter(isMorileInput);
  sheets.forEach((grid, index) => {
    onProgress?.({ stage: "computing", sheet: index + 1, sheets: sheets.length, name: grid.name });
    if (morileSheets.includes(grid)) return;
    for (const table of discoverTables(grid)) {
      const result = computeTable(table);
      result.findings = sortFindings([...table.findings, ...auditTable(result)]);
      findings.push(...result.findings);
      tables.push(result);
      headlines.push(...writeHeadlines(result));
    }
  });
  const morile = morileAssessment(morileSheets, tables, options.morilePreset);
  if (morile) findings.push(...morile.findings);
  return { sheetsRead: sheets.length, tables, headlines, findings: sortFindings(findings), morile };
}
