import { stripFootnotes } from "./footnotes";

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
