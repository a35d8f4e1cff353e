import { MONTH_NAMES } from "../calendar/namedDates";
import type { RowResult, TableResult } from "../compute/tableResult";
import { tableSubjectLine } from "../compute/computeTable";
import { monthIndex } from "../parse/parsePeriod";
import type { DiscoveredTable } from "../tables/table";

// A key change is read alone, on a slide or in a board paper, so its sentence must say what and
// where: "Total rose by 1.0%" or "Leeds fell by 40.4%" says neither. docs/KEY_FINDINGS.md has the rule.

/** Row labels that say nothing alone: totals, bare counts of people, genders and age bands. */
const GENERIC =
  /^(total|totals|grand total|overall(?: total)?|all|individuals|people|persons|offences|offenders|cases|number|count|no\.?|female|male|females|males|women|men|girls|boys)$/i;
const AGE_BAND =
  /^(?:aged?\s*)?(?:\d+\s*(?:-|–|to)\s*\d+|\d+\s*(?:\+|and (?:over|under)|or (?:over|under))|(?:under|over)\s*\d+|\d+)$/i;
/** Label headers of tables whose rows are places: each row's sentence says "in <place>". */
const PLACE_HEADER = /\b(wards?|districts?|areas?|boroughs?|neighbourhoods?|beats?|locations?|towns?|parishes?)\b/i;
const GENERIC_HEADER = /^(|label|item|category|categories|type|description|measure|indicator)$/i;

/** "Violence against the person" → "violence against the person"; "ASB" stays as written. */
export const lowerFirst = (text: string): string => text.replace(/^([A-Z])(?=[a-z])/, (c) => c.toLowerCase());
const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * What a table counts, from its own title line: the source before a colon, a note in brackets and
 * a breakdown ("by age", "by ward") taken off; else its label header or sheet.
 *
 * @example
 * tableSubject({ title: "Structured treatment by age", labelHeader: "Age", sheet: "Treatment" }) //= "Structured treatment"
 * tableSubject({ title: "Police extract (synthetic): domestic abuse by ward", labelHeader: "Ward", sheet: "X" }) //= "Domestic abuse"
 * tableSubject({ title: "One Stop Shop attendances (Oct – Sep)", labelHeader: "", sheet: "OSS" }) //= "One Stop Shop attendances"
 */
export function tableSubject(table: Pick<DiscoveredTable, "title" | "labelHeader" | "sheet">): string {
  const line = tableSubjectLine(table);
  if (line) {
    const words = line
      .split(/:\s+/)
      .pop()!
      .replace(/\s*\([^)]*\)\s*$/, "")
      .replace(/\s+by\s+[\w'-]+(?:\s+[\w'-]+)?$/i, "")
      .trim();
    if (words) return upperFirst(words);
  }
  return GENERIC_HEADER.test(table.labelHeader.trim()) ? table.sheet : table.labelHeader;
}

/**
 * The year a month row of a month-by-month table falls in, in its column's period: a year
 * starting in October (`2018/2019`, rows Oct to Sep) puts October in 2018 and January in 2019.
 */
function monthYear(month: number, firstMonth: number, header: string): number | null {
  const year = /\b(19|20)\d{2}\b/.exec(header);
  if (!year) return null;
  return Number(year[0]) + (month < firstMonth ? 1 : 0);
}

/**
 * A month row's month in words with its year ("October 2018"), for a month-by-month table whose
 * columns are years; the row's label where no year can be read.
 */
export function monthRowWords(result: TableResult, label: string, column: number): string {
  const month = monthIndex(label);
  if (month === null) return label;
  const first = result.table.rows.map((r) => monthIndex(r.label)).find((m) => m !== null) ?? 0;
  const year = monthYear(month, first, result.table.columns[column]?.header ?? "");
  return year === null ? MONTH_NAMES[month] : `${MONTH_NAMES[month]} ${year}`;
}

/**
 * The subject of a row's sentence, named well enough to be read alone: a generic label takes
 * its table's subject ("Young offenders (individuals)", "Structured treatment, aged 18 - 24"), a
 * place's row says the place ("Crime in Leeds"), a month row its month and year, and a table of
 * one place starts with it ("In Boxley, a comparison ward for the Town Centre team, theft").
 *
 * @example
 * rowSubject(computeTable(discoverTables({ name: "YOT", top: 0, left: 0, values: [["Young offenders by ward"], ["Measure", "2017-18", "2018-19"], ["Individuals", 51, 35], ["Offences", 120, 90]] })[0]), computeTable(discoverTables({ name: "YOT", top: 0, left: 0, values: [["Young offenders by ward"], ["Measure", "2017-18", "2018-19"], ["Individuals", 51, 35], ["Offences", 120, 90]] })[0]).rows[0]) //= "Young offenders (individuals)"
 */
export function rowSubject(result: TableResult, row: RowResult): string {
  const { table } = result;
  const label = row.label.trim();
  if (table.place) return `In ${table.place.name}, ${table.place.role}, ${lowerFirst(label)}`;
  const subject = tableSubject(table);
  if (table.kind === "months" && monthIndex(label) !== null)
    return `${subject} in ${monthRowWords(result, label, table.columns.length - 1)}`;
  if (GENERIC.test(label) || (row.aggregate && /^total\b/i.test(label))) return `${subject} (${label.toLowerCase()})`;
  if (AGE_BAND.test(label)) return `${subject}, aged ${label.replace(/^aged?\s*/i, "")}`;
  if (PLACE_HEADER.test(table.labelHeader) && !row.aggregate) return `${subject} in ${label}`;
  return label;
}
