import type { RowResult, TableResult } from "../compute/tableResult";
import { flat } from "../format/flatText";
import { formatCount, formatPercent, formatSignedCount } from "../format/formatNumbers";
import { rowSubject } from "./rowSubject";

/** One plain-English sentence about one comparison, with where it came from. */
export interface Headline {
  readonly sheet: string;
  readonly table: string | null;
  readonly label: string;
  readonly text: string;
  readonly pValue: number | null;
  readonly significant: boolean | null;
  /** True for the home area's standing in a table of areas ("Maidstone had the highest …"). */
  readonly homeArea?: boolean;
  /** True for a pattern within the year (a named date that stands out), not a change between years. */
  readonly pattern?: boolean;
}

/**
 * The sentence for one row, worded as the seed writes it:
 * "Drug offences rose by 23.9%, from 318 to 394 (+76)." with the significance after it.
 *
 * @example
 * headlineSentence("Drug offences", compareValues(318, 394), 318, 394) //= "Drug offences rose by 23.9%, from 318 to 394 (+76)."
 */
export function headlineSentence(name: string, row: RowResult, previous: number, latest: number): string | null {
  const from = formatCount(previous);
  const to = formatCount(latest);
  let sentence: string;
  switch (row.status) {
    case "rise":
    case "fall":
      sentence = `${name} ${row.status === "rise" ? "rose" : "fell"} by ${formatPercent(Math.abs(row.pctChange ?? 0))}, from ${from} to ${to} (${formatSignedCount(row.change ?? 0)})`;
      break;
    case "unchanged":
      sentence = `${name} was unchanged at ${to}`;
      break;
    case "new":
      sentence = `${name} rose from 0 to ${to} (${formatSignedCount(row.change ?? 0)}; no % change from a zero base)`;
      break;
    default:
      return null;
  }
  return row.significance && row.status !== "unchanged"
    ? flat`${sentence}; ${row.significance.wording}.`
    : flat`${sentence}.`;
}

/**
 * Rows of a table this long or shorter each get a sentence: a borough's ward table (Maidstone
 * has 26 wards) reads as the seed writes it. A longer table gets sentences only for the rows
 * that matter (see `rowsThatMatter`); every row's comparison stays in the tables.
 */
export const SENTENCE_PER_ROW_UP_TO = 30;
// How many of the highest, the lowest and the largest changes a long table's sentences name.
const ENDS = 5;

/**
 * The rows of a long table worth a sentence: its totals, its most significant changes, and the
 * few highest, lowest and most changed (a few of each, so a table of a hundred thousand rows
 * gives a page of sentences, not a book). A short table's rows are all of them.
 *
 * @example
 * rowsThatMatter(computeTable(discoverTables({ name: "Crime", top: 0, left: 0, values: [["Crime type", "2018/19", "2019/20"], ["Drug offences", 318, 394], ["Robbery", 60, 75], ["Total", 378, 469]] })[0])).size //= 3
 */
export function rowsThatMatter(result: TableResult): Set<RowResult> {
  const data = result.rows.filter((r) => !r.aggregate);
  if (data.length <= SENTENCE_PER_ROW_UP_TO) return new Set(result.rows);
  const last = result.table.columns.length - 1;
  const byLatest = data
    .filter((r) => r.values[last] !== null)
    .sort((a, b) => (b.values[last] as number) - (a.values[last] as number));
  const byChange = data
    .filter((r) => r.change !== null)
    .sort((a, b) => Math.abs(b.change as number) - Math.abs(a.change as number));
  const bySignificance = data
    .filter((r) => r.significance?.significant)
    .sort((a, b) => (a.significance?.pValue ?? 1) - (b.significance?.pValue ?? 1));
  return new Set([
    ...result.rows.filter((r) => r.aggregate),
    ...bySignificance.slice(0, 2 * ENDS),
    ...byLatest.slice(0, ENDS),
    ...byLatest.slice(-ENDS),
    ...byChange.slice(0, ENDS),
  ]);
}

/**
 * The comparisons of a table as sentences (every row of a short table, the rows that matter of
 * a long one), plus the peak months of a month series.
 *
 * @example
 * writeHeadlines(computeTable(discoverTables({ name: "Crime", top: 0, left: 0, values: [["Crime type", "2018/19", "2019/20"], ["Drug offences", 318, 394], ["Robbery", 60, 75], ["Total", 378, 469]] })[0]))[0].text //= "Drug offences rose by 23.9%, from 318 to 394 (+76); a rise of 76 is more than normal year-to-year variation would explain (p = 0.005)."
 */
export function writeHeadlines(result: TableResult): Headline[] {
  const { table } = result;
  const headlines: Headline[] = [];
  const last = table.columns.length - 1;
  if (table.kind === "categories" || last < 1) return headlines;
  const worded = rowsThatMatter(result);
  for (const row of result.rows) {
    if (!worded.has(row)) continue;
    const previous = row.values[last - 1];
    const latest = row.values[last];
    if (previous === null || latest === null) continue;
    const text = headlineSentence(rowSubject(result, row), row, previous, latest);
    if (!text) continue;
    headlines.push({
      sheet: table.sheet,
      table: table.title,
      label: row.label,
      text,
      pValue: row.significance?.pValue ?? null,
      significant: row.significance?.significant ?? null,
    });
  }
  if (result.months) {
    const parts = result.months.peaks
      .map((peak, p) => (peak ? `${peak.month} (${formatCount(peak.value)}) in ${table.columns[p].header}` : null))
      .filter((x): x is string => x !== null);
    if (parts.length > 0) {
      headlines.push({
        sheet: table.sheet,
        table: table.title,
        label: "Peak month",
        text: `${table.title ?? "The series"} peaked in ${parts.join(" and in ")}.`,
        pValue: null,
        significant: null,
      });
    }
  }
  return headlines;
}
