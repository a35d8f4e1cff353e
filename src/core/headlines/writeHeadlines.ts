import type { RowResult, TableResult } from "../compute/computeTable";
import { flat } from "../format/flatText";
import { formatCount, formatPercent, formatSignedCount } from "../format/formatNumbers";

/** One plain-English sentence about one comparison, with where it came from. */
export interface Headline {
  readonly sheet: string;
  readonly table: string | null;
  readonly label: string;
  readonly text: string;
  readonly pValue: number | null;
  readonly significant: boolean | null;
}

const GENERIC_TOTAL = /^(total|totals|grand total|overall(?: total)?)$/i;

function subject(result: TableResult, row: RowResult): string {
  if (row.aggregate && GENERIC_TOTAL.test(row.label) && result.table.title) return `${result.table.title} (total)`;
  return row.label;
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

/** Every comparison of a table as a sentence, plus the peak months of a month series. */
export function writeHeadlines(result: TableResult): Headline[] {
  const { table } = result;
  const headlines: Headline[] = [];
  const last = table.columns.length - 1;
  if (table.kind === "categories" || last < 1) return headlines;
  for (const row of result.rows) {
    const previous = row.values[last - 1];
    const latest = row.values[last];
    if (previous === null || latest === null) continue;
    const text = headlineSentence(subject(result, row), row, previous, latest);
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
