import type { ParsedCell } from "../parse/parseNumber";
import { isNonCountHeader } from "../tables/labels";
import type { DiscoveredTable } from "../tables/table";
import { type ChangeStatus, type Comparison, compareValues, finiteOrNull } from "./compareValues";
import { monthSeries } from "./monthSeries";
import type { RowResult, TableResult } from "./tableResult";
import { cumulativeShares, rankValues } from "./rankValues";
import { type Significance, countSignificance } from "./significance";
import { notEventsReason } from "./testApplies";
import { type Finding, finding } from "../findings";

/**
 * A computed row. The comparisons between earlier pairs of periods are worked out when asked
 * for (the JSON output): kept for every row, they were a tenth of a large assessment's memory.
 */
class ComputedRow implements RowResult {
  readonly change: number | null;
  readonly pctChange: number | null;
  readonly status: ChangeStatus;
  readonly #periods: boolean;

  constructor(
    readonly label: string,
    readonly aggregate: boolean,
    readonly values: readonly (number | null)[],
    final: Comparison,
    readonly share: number | null,
    readonly rank: number | null,
    readonly cumulativeShare: number | null,
    readonly significance: Significance | null,
    periods: boolean,
  ) {
    this.change = final.change;
    this.pctChange = final.pctChange;
    this.status = final.status;
    this.#periods = periods;
  }

  get steps(): Comparison[] {
    const v = this.values;
    return this.#periods ? v.slice(1).map((latest, k) => compareValues(v[k], latest)) : [];
  }
}

const valueOf = (p: ParsedCell): number | null => (p.kind === "number" ? p.value : null);
const isCount = (x: number | null | undefined): x is number =>
  typeof x === "number" && Number.isSafeInteger(x) && x >= 0;
const NO_COMPARISON: Comparison = Object.freeze({ change: null, pctChange: null, status: "n/a" });

/**
 * The wording of a comparison's variation: "year-to-year" for annual periods.
 *
 * @example
 * variationWording(discoverTables({ name: "Crime", top: 0, left: 0, values: [["Crime type", "2018/19", "2019/20"], ["Drug offences", 318, 394], ["Robbery", 60, 75], ["Total", 378, 469]] })[0]) //= "year-to-year"
 */
export function variationWording(table: DiscoveredTable): string {
  const months = table.columns[table.columns.length - 1]?.period?.months ?? 12;
  if (months === 12) return "year-to-year";
  if (months === 1) return "month-to-month";
  if (months === 3) return "quarter-to-quarter";
  return "period-to-period";
}

/**
 * Change, % change, share of the latest total, rank (aggregate rows excluded, ties sharing a
 * rank), cumulative share in rank order, and an exact significance test for counts.
 *
 * @example
 * computeTable(discoverTables({ name: "Crime", top: 0, left: 0, values: [["Crime type", "2018/19", "2019/20"], ["Drug offences", 318, 394], ["Robbery", 60, 75], ["Total", 378, 469]] })[0]).rows[0].pctChange //= 0.2389937
 */
export function computeTable(table: DiscoveredTable): TableResult {
  const values = table.rows.map((r) => r.values.map(valueOf));
  const isPeriods = table.kind !== "categories";
  const last = table.columns.length - 1;
  // Category tables rank and share by the row total; period tables by the newest period.
  const basis = values.map((v) => {
    if (isPeriods) return v[last];
    const present = v.filter((x): x is number => x !== null);
    return present.length > 0 ? finiteOrNull(present.reduce((a, b) => a + b, 0)) : null;
  });
  const dataBasis = basis.map((b, i) => (table.rows[i].aggregate ? null : b));
  const ranks = rankValues(dataBasis);
  const total = finiteOrNull(dataBasis.reduce<number>((sum, b) => sum + (b ?? 0), 0)) ?? 0;
  const cumulative = cumulativeShares(dataBasis, ranks);
  const counts = !table.columns.some((c) => c.nonCount);
  const variation = variationWording(table);
  // The table's own words (its title line, not a banner above it), then each row's, say whether it counts events.
  const tableReason = tableNotEvents(table);
  const untested: string[] = [];

  const rows: RowResult[] = table.rows.map((row, i) => {
    const v = values[i];
    const previous = v[last - 1];
    const latest = v[last];
    const final = isPeriods && last >= 1 ? compareValues(previous, latest) : NO_COMPARISON;
    // A turned-round table carries "Avg Time in Situ" as a row label, not a column header.
    const testable = isPeriods && counts && !isNonCountHeader(row.label) && isCount(previous) && isCount(latest);
    const reason = testable ? (tableReason ?? notEventsReason(row.label)) : null;
    if (reason && !tableReason) untested.push(row.label);
    const significance =
      testable && !reason && previous + latest > 0 ? countSignificance(previous, latest, variation) : null;
    const share = dataBasis[i] !== null && total > 0 ? finiteOrNull((dataBasis[i] as number) / total) : null;
    return new ComputedRow(row.label, row.aggregate, v, final, share, ranks[i], cumulative[i], significance, isPeriods);
  });

  // Plain loops: a large table's columns are summed without an array per column.
  const columnTotals = table.columns.map((_, c) => {
    let sum = 0;
    let present = 0;
    for (let i = 0; i < values.length; i += 1) {
      const x = values[i][c];
      if (table.rows[i].aggregate || x === null) continue;
      sum += x;
      present += 1;
    }
    return present > 0 ? finiteOrNull(sum) : null;
  });
  const dataRows = table.rows.map((r, i) => ({ r, v: values[i] })).filter(({ r }) => !r.aggregate);
  const months =
    table.kind === "months"
      ? monthSeries(
          dataRows.map(({ r }) => r.label),
          dataRows.map(({ v }) => v),
        )
      : null;
  const note = untestedNote(table, tableReason, untested);
  return { table, rows, columnTotals, months, findings: note ? [...table.findings, note] : table.findings };
}

/** Why a table's figures are not counts of events (and so get no test of chance), or null. */
export function tableNotEvents(table: DiscoveredTable): string | null {
  return notEventsReason(tableSubjectLine(table), table.labelHeader, table.unit);
}

/**
 * A table's own title line: the last of a title joined to a banner above it ("ILLUSTRATIVE … –
 * Domestic abuse by ward"), a dash inside brackets ("(Oct – Sep)") being part of the line. Only
 * a long first part (a sentence of notes) is a banner; "Top five locations – October-17 to
 * September-18" is one title.
 *
 * @example
 * tableSubjectLine({ title: "NOTE: these figures were generated to match every fact the assessment states. – Domestic abuse by ward" }) //= "Domestic abuse by ward"
 * tableSubjectLine({ title: "One Stop Shop attendances (Oct – Sep)" }) //= "One Stop Shop attendances (Oct – Sep)"
 * tableSubjectLine({ title: "Top five locations for needle finds – October-17 to September-18" }) //= "Top five locations for needle finds – October-17 to September-18"
 */
export function tableSubjectLine(table: Pick<DiscoveredTable, "title">): string | null {
  const { title } = table;
  if (title === null) return null;
  let depth = 0;
  let cut = -1;
  for (let i = 0; i < title.length; i += 1) {
    const c = title[i];
    if (c === "(") depth += 1;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && title.startsWith(" \u2013 ", i)) cut = i + 3;
  }
  return cut < BANNER ? title : title.slice(cut);
}

/** A title's first part this long or longer, before a dash, is a banner of notes rather than the title. */
const BANNER = 60;

/** One info finding for a table whose changes (or some rows' changes) are given without a test of chance, saying why. */
function untestedNote(table: DiscoveredTable, reason: string | null, rows: readonly string[]): Finding | null {
  if (table.kind === "categories" || table.columns.length < 2) return null;
  const name = table.title ?? table.range;
  if (reason)
    return finding(
      table.sheet,
      table.range,
      "info",
      "no-count-test",
      `${name}: changes are given without a test of chance, because its figures are ${reason}, not counts of separate events`,
    );
  if (rows.length === 0) return null;
  return finding(
    table.sheet,
    table.range,
    "info",
    "no-count-test",
    `${name}: ${rows.join(", ")} ${rows.length === 1 ? "is" : "are"} given without a test of chance (${[...new Set(rows.map((r) => notEventsReason(r)))].join(", ")}, not counts of separate events)`,
  );
}
