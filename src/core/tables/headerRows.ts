import { stripFootnotes } from "./footnotes";
import { isNonCountHeader } from "./labels";

// A units row says what the numbers are: "Numbers", "Rate per 1,000 population", "Percentage change".
const UNIT =
  /^(numbers?|counts?|rates?\b.*|.*\bper [\d,]+\b.*|percentages?\b.*|%.*|per ?cent.*|proportion.*|thousands|£.*)$/i;

/** True for a units-row cell as publications write them, footnote markers and all. */
export function isUnitText(text: string): boolean {
  return UNIT.test(stripFootnotes(text).text);
}

/** True for a unit of counts, where the count tests apply. */
export function isCountUnit(unit: string): boolean {
  return /^(numbers?|counts?|thousands)$/i.test(unit);
}

/**
 * A header row's cells as they read across: a merged or spanning cell ("Victim-based crime"
 * over four columns) names every column under it until the next one.
 *
 * @example
 * carryAcross(["Victim-based", "", "", "Other", ""]) //= ["Victim-based", "Victim-based", "Victim-based", "Other", "Other"]
 */
export function carryAcross(cells: readonly string[]): string[] {
  let current = "";
  return cells.map((cell) => (current = cell || current));
}

/** A column's group and name as one header: "Attempted murder: % involving a knife". */
export const joinedHeader = (group: string, name: string): string => `${group.replace(/:\s*$/, "")}: ${name}`;

/**
 * A column's header under a group row: its own name, the group's where it has none (ONS's
 * "Total recorded crime"), and both where the name repeats under each group ("Number").
 */
export function groupedHeader(name: string, group: string | null, repeated: ReadonlySet<string>): string {
  if (name && group && repeated.has(name)) return joinedHeader(group, name);
  return name || group || "";
}

/** The names that appear more than once in a header row. */
export function repeatedNames(names: readonly string[]): Set<string> {
  return new Set(names.filter((n, i) => n !== "" && names.indexOf(n) !== i));
}

/**
 * One row of a table's header as text: its label cells' (a code and a name column, or the one
 * label column) and each value column's, as written. Both readers of tables, of published
 * coded tables and of any other block, turn their header rows into these and read them here.
 */
export interface HeaderRowTexts {
  readonly label: string;
  readonly values: readonly string[];
}

/**
 * A row above the names row is a group row when it has text over the value columns ("Victim-based
 * crime" over four offence columns); a row with text over the labels only is a title.
 */
export const isGroupRow = (row: HeaderRowTexts): boolean => row.values.some((v) => v !== "");

/**
 * A row right under the names row is a units row ("Numbers", "Rate per 1,000 population") when
 * it has no label and every filled cell over the values is a unit: it says what the columns
 * hold and is not a row of data.
 */
export const isUnitsRow = (row: HeaderRowTexts): boolean =>
  row.label === "" && row.values.some((v) => v !== "") && row.values.every((v) => v === "" || isUnitText(v));

/**
 * Each value column's text down some header rows, joined, cleaned of footnote markers by
 * `clean`, and carried across under a spanning cell.
 */
export function spannedTexts(rows: readonly HeaderRowTexts[], clean: (text: string) => string): string[] {
  const width = Math.max(0, ...rows.map((r) => r.values.length));
  return carryAcross(
    Array.from({ length: width }, (_, k) =>
      clean(
        rows
          .map((r) => r.values[k] ?? "")
          .filter(Boolean)
          .join(" "),
      ),
    ),
  );
}

/**
 * A value column's header and whether it holds counts, from its name, the group over it and
 * its unit: the same for every table.
 */
export function namedColumn(
  name: string,
  group: string | null,
  unit: string | null,
  repeated: ReadonlySet<string>,
): { header: string; nonCount: boolean } {
  const header = groupedHeader(name, group, repeated);
  return { header, nonCount: isNonCountHeader(header) || (unit !== null && !isCountUnit(unit)) };
}
