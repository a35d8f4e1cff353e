import {
  type CellValue,
  NumberFormats,
  RESULT_SHEET_PREFIX,
  type ResultRowKind,
  type ResultSheet,
  resultColumn,
} from "../model";
import type { MorileResult } from "../core/morile/morileAssessment";

/** The name of the MoRiLE result sheet. */
export const MORILE_RESULT_SHEET = `${RESULT_SHEET_PREFIX}MoRiLE`;

const movement = (m: number | null): string =>
  m === null ? "new" : m > 0 ? `up ${m}` : m < 0 ? `down ${-m}` : "no change";

const col = (header: string, width: number, numberFormat: string = NumberFormats.integer) =>
  resultColumn(header, width, numberFormat);

const MORILE_COLUMNS = [
  col("Rank", 6),
  col("Theme", 44, NumberFormats.text),
  col("Harm", 7, NumberFormats.general),
  col("Likelihood", 10, NumberFormats.general),
  col("Risk", 7, NumberFormats.general),
  col("Position", 9, NumberFormats.general),
  col("Score", 8, NumberFormats.decimal1),
  col("Band", 8, NumberFormats.text),
  col("Confidence", 11, NumberFormats.text),
  col("Best rank", 10),
  col("Worst rank", 11),
  col("Top five", 10, NumberFormats.text),
  col("In top five (share of draws)", 14, NumberFormats.percent0),
  col("Last year's rank", 10),
  col("Movement", 11, NumberFormats.text),
  col("Evidence", 70, NumberFormats.text),
  col("Rationale", 60, NumberFormats.text),
];

/** A row under the ranking: a theme, with a cell (or factor) and what is said of it in the last two columns. */
const beside = (theme: string, where: string, text: string): CellValue[] => [
  "",
  theme,
  ...Array<null>(MORILE_COLUMNS.length - 4).fill(null),
  where,
  text,
];

/** The ranked themes, their sensitivity, what was left out and where scorers disagree. */
export function morileResultSheet(morile: MorileResult): ResultSheet {
  const rows: CellValue[][] = [];
  const kinds: ResultRowKind[] = [];
  const add = (kind: ResultRowKind, cells: CellValue[]): void => {
    rows.push(cells);
    kinds.push(kind);
  };
  add("note", [
    `Preset: ${morile.preset}. Scored from ${morile.sheets.join(", ")}${morile.previousSheets.length > 0 ? `; last year's ranks from ${morile.previousSheets.join(", ")}` : ""}. Confidence is reported beside the score, not multiplied in.`,
  ]);
  for (const t of morile.themes) {
    add("data", [
      t.rank,
      t.theme,
      t.harm,
      t.likelihood,
      t.risk,
      t.position,
      t.score,
      t.band,
      t.confidence,
      t.rankRange[0],
      t.rankRange[1],
      t.stable === null ? "" : t.stable ? "Stable" : "Unstable",
      t.topFiveShare,
      t.previousRank,
      t.previousRank === null && morile.previousSheets.length === 0 ? "" : movement(t.movement),
      t.evidence?.text ?? t.evidenceText,
      t.rationale,
    ]);
  }
  if (morile.excluded.length > 0) {
    add("data", []);
    add("section", ["", "Left out of the ranking"]);
    for (const e of morile.excluded) add("data", beside(e.theme, e.cell, e.reason));
  }
  const spread = morile.themes.filter((t) => t.spread.some((s) => s.flagged));
  if (spread.length > 0) {
    add("data", []);
    add("section", ["", "Scorers differ by two levels or more"]);
    for (const t of spread) {
      for (const s of t.spread.filter((x) => x.flagged)) {
        add(
          "data",
          beside(
            t.theme,
            s.factor,
            `${s.lowest} to ${s.highest}; scored at the median, ${s.median} (scorers: ${t.scorers.join(", ")})`,
          ),
        );
      }
    }
  }
  return {
    name: MORILE_RESULT_SHEET,
    columns: [...MORILE_COLUMNS],
    rows,
    rowKinds: kinds,
  };
}
