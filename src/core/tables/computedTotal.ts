import { isAggregateLabel } from "./labels";
import type { DiscoveredTable, TableRow } from "./table";

// The figure every assessment leads with, all crime this year against last, is often not typed:
// a table of crime types lists its parts and leaves the whole to the reader.

/** Label headers and titles of tables whose rows are parts of one whole: types, groups, places, people. */
const PARTS =
  /crime|offen[cs]e|type|categor|group|class|ward|district|borough|neighbourhood|beat|age|gender|sex|ethnic|outcome|location|premises/i;
const RATE_UNIT = /rate|per\s|percent|%|average|mean|median|ratio|index/i;
/** Titles that say a record can stand in more than one row ("one crime can fall in more than one strand"). */
const OVERLAPPING = /more than one|can fall in|overlap|not mutually exclusive|may (?:appear|count) (?:in|more)/i;

const whole = (text: string): string =>
  /crime/i.test(text) ? "All crime" : /offen[cs]e/i.test(text) ? "All offences" : "Total";

/** The row's value in a column when it is a count (a whole number, not negative), else null. */
function countIn(row: TableRow, column: number): number | null {
  const cell = row.values[column];
  return cell?.kind === "number" && Number.isSafeInteger(cell.value) && cell.value >= 0 && !cell.isPercent
    ? cell.value
    : null;
}

/**
 * The table with its total computed and added as its first row, when its rows are counts of
 * the parts of one whole (crime types, wards, age groups) and no total was typed: "All crime"
 * when it counts crime, else "Total". Null when the table has a total of its own, counts no
 * whole (rates, percentages, areas given by code among their regions, rows that overlap) or
 * has one row.
 *
 * @example
 * withComputedTotal({ sheet: "Crime", range: "Crime!A1:C4", title: null, labelHeader: "Crime type", kind: "periods", transposed: false, derived: [], findings: [], columns: [2019, 2020].map((y) => ({ header: String(y), headerCell: { row: 0, column: 1 }, period: null, nonCount: false })), rows: [["Burglary", 420, 380], ["Robbery", 60, 75], ["Drugs", 318, 394]].map(([label, a, b]) => ({ label: String(label), labelCell: { row: 1, column: 0 }, aggregate: false, values: [a, b].map((value) => ({ kind: "number" as const, value: Number(value), isPercent: false, decimals: 0 })), valueCells: [], derived: [], derivedCells: [] })) })?.rows[0].label //= "All crime"
 */
export function withComputedTotal(table: DiscoveredTable): DiscoveredTable | null {
  const { rows, columns } = table;
  if (table.kind !== "periods" || columns.length < 2 || rows.length < 2) return null;
  if (rows.some((r) => r.aggregate || r.code) || columns.some((c) => c.nonCount || RATE_UNIT.test(c.unit ?? "")))
    return null;
  const words = `${table.labelHeader} ${table.title ?? ""}`;
  if (RATE_UNIT.test(table.unit ?? "") || !PARTS.test(words) || OVERLAPPING.test(words)) return null;
  // A total typed among the rows, even one the reader took for a part ("All crime" first), is the analyst's.
  if (rows.some((r) => isAggregateLabel(r.label) || /^\s*all\b/i.test(r.label))) return null;
  const values = columns.map((_, c) => {
    let total = 0;
    for (const row of rows) {
      const count = countIn(row, c);
      if (count === null) return null;
      total += count;
    }
    return total;
  });
  // Every part of the last two periods must be a count, or the whole would be a guess.
  if (values[values.length - 1] === null || values[values.length - 2] === null) return null;
  const total: TableRow = {
    label: whole(`${table.labelHeader} ${table.title ?? ""} ${table.sheet}`),
    labelCell: rows[0].labelCell,
    aggregate: true,
    computed: true,
    values: values.map((value) =>
      value === null
        ? { kind: "missing", reason: "empty", text: "" }
        : { kind: "number", value, isPercent: false, decimals: 0 },
    ),
    valueCells: rows[0].valueCells,
    // Nothing was typed for it: its difference and % change columns are worked out, never audited.
    derived: table.derived.map(() => ({ kind: "missing", reason: "empty", text: "" })),
    derivedCells: table.derived.map((d) => d.headerCell),
  };
  return { ...table, rows: [total, ...rows] };
}
