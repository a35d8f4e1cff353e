import { MONTH_NAMES, calendarDay } from "../calendar/namedDates";
import { ANTISOCIAL_BEHAVIOUR } from "./crimeGroups";
import type { IncidentCounts, RecordExample } from "./incidentCounts";
import { monthNumber } from "./recordDate";
import { formatCount } from "../format/formatNumbers";

/** One month of an extract: its records in the borough, crime and anti-social behaviour apart. */
export interface ExtractMonth {
  /** `YYYY-MM`, as police.uk writes months. */
  readonly month: string;
  readonly count: number;
  readonly crime: number;
  readonly antisocialBehaviour: number;
}

/**
 * What a whole extract holds, whatever span it covers: how many records were read, placed in
 * the borough's wards, outside them (force-wide data) or without a location, and the borough's
 * records by month, by category as the extract names them, by ward and by LSOA.
 */
export interface ExtractSummary {
  /** Data rows read. */
  readonly records: number;
  /** Records placed in a ward (by coordinates, or by a Ward column). */
  readonly located: number;
  /** Records in no ward of the boundaries: another borough's, left out of every total. */
  readonly outsideBoundaries: number;
  /** Records without a location; `unlocatedExcluded` says whether the totals leave them out. */
  readonly unlocated: number;
  readonly unlocatedExcluded: boolean;
  /** False when no record could be placed in a ward: no boundaries were given and no Ward column. */
  readonly placed: boolean;
  /** Records in the borough's totals. */
  readonly counted: number;
  /** True when the extract gives months only (police.uk): no days, weekdays or times. */
  readonly monthOnly: boolean;
  /** First and last month with a counted record, and the months between them, inclusive. */
  readonly span: { readonly from: string; readonly to: string; readonly months: number } | null;
  /** Months in the span with no record at all, in runs of up to three (a missing monthly file, say). */
  readonly missingMonths: readonly string[];
  /** Longer runs of months without records (the gap after a stray early record). */
  readonly gaps: readonly { readonly from: string; readonly to: string; readonly months: number }[];
  readonly months: readonly ExtractMonth[];
  readonly byCategory: readonly { readonly category: string; readonly count: number }[];
  readonly byWard: readonly {
    readonly name: string;
    readonly count: number;
    readonly crime: number;
    readonly antisocialBehaviour: number;
  }[];
  readonly byLsoa: readonly { readonly code: string; readonly name: string; readonly count: number }[];
  /**
   * Each ward's crimes (anti-social behaviour apart) in each month with records since the last
   * gap, for emerging hotspots; wards in the order of `byWard`, none when no record was placed.
   */
  readonly crimeByWardMonth: {
    readonly months: readonly string[];
    readonly wards: readonly { readonly name: string; readonly counts: readonly number[] }[];
  };
  /** True for police.uk's open data, which must be credited wherever its results are shown. */
  readonly policeUk: boolean;
  /** Whose data it is (`Falls within`), with each force's records (all of them, outside included). */
  readonly forces: readonly { readonly force: string; readonly count: number }[];
  readonly outsideExamples: readonly RecordExample[];
}

const MISSING_RUN = 3;

/** `2022-01` for a month number (months since year 0). */
export const isoMonth = (month: number): string =>
  `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;

/** The month number (months since year 0) of `2022-01`. */
export const monthOf = (iso: string): number => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

/** `January 2022` for a month number, as the findings and sheets word it. */
export const monthWords = (month: number): string => `${MONTH_NAMES[month % 12]} ${Math.floor(month / 12)}`;

/**
 * A run of months as people write it: "March 2022", "January to March 2022", "June 2013 to June 2014".
 *
 * @example
 * monthsWords(2022 * 12, 2022 * 12 + 2) //= "January to March 2022"
 */
export const monthsWords = (from: number, to: number): string =>
  from === to
    ? monthWords(from)
    : Math.floor(from / 12) === Math.floor(to / 12)
      ? `${monthWords(from).split(" ")[0]} to ${monthWords(to)}`
      : `${monthWords(from)} to ${monthWords(to)}`;

/** A month written `YYYY-MM` as a month count (year × 12 + month − 1). */
const monthOfIso = (iso: string): number => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

/**
 * `monthsWords` of months written `YYYY-MM`.
 *
 * @example
 * isoMonthsWords("2022-01", "2022-03") //= "January to March 2022"
 */
export const isoMonthsWords = (from: string, to: string): string => monthsWords(monthOfIso(from), monthOfIso(to));

/** The whole-extract summary of these counts (every counted record, whatever its period). */
export function extractSummary(counts: IncidentCounts): ExtractSummary {
  const asb = counts.groups.indexOf(ANTISOCIAL_BEHAVIOUR);
  const months = new Map<number, { count: number; asb: number }>();
  const wards = counts.wards.map(() => ({ count: 0, asb: 0, crimeByMonth: new Map<number, number>() }));
  for (const cell of counts.days) {
    const month = monthNumber(calendarDay(cell.day));
    const m = months.get(month) ?? { count: 0, asb: 0 };
    const ward = wards[cell.ward];
    m.count += cell.count;
    ward.count += cell.count;
    if (cell.group === asb) {
      m.asb += cell.count;
      ward.asb += cell.count;
    } else ward.crimeByMonth.set(month, (ward.crimeByMonth.get(month) ?? 0) + cell.count);
    months.set(month, m);
  }
  const order = [...months.keys()].sort((a, b) => a - b);
  const first = order[0];
  const last = order[order.length - 1];
  // A run of up to three empty months between busy ones is a missing file; a longer run is a
  // gap before a stray early record (reported with the periods), not missing data.
  const missingMonths: string[] = [];
  const gaps: { from: string; to: string; months: number }[] = [];
  for (let m = first ?? 0; first !== undefined && m <= last; m += 1) {
    if (months.has(m)) continue;
    let end = m;
    while (!months.has(end + 1)) end += 1;
    if (end - m < MISSING_RUN) for (let k = m; k <= end; k += 1) missingMonths.push(isoMonth(k));
    else gaps.push({ from: isoMonth(m), to: isoMonth(end), months: end - m + 1 });
    m = end;
  }
  const located = wards.reduce((sum, w, i) => sum + (i > 0 ? w.count : 0), 0);
  const byWard = counts.wards
    .map((name, i) => ({ name, index: i, count: wards[i].count, crime: wards[i].count - wards[i].asb }))
    .filter((w) => w.index > 0 && w.count > 0)
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Months before the last long gap hold stray early records, not a period to compare.
  const lastGap = gaps.length > 0 ? monthOf(gaps[gaps.length - 1].to) : -Infinity;
  const trendMonths = order.filter((m) => m > lastGap);
  return {
    records: counts.records,
    located,
    outsideBoundaries: counts.outsideBoundaries,
    unlocated: counts.unlocated,
    unlocatedExcluded: counts.unlocatedExcluded,
    placed: counts.placed,
    counted: counts.counted,
    monthOnly: counts.counted > 0 && counts.monthOnly === counts.counted,
    span: first === undefined ? null : { from: isoMonth(first), to: isoMonth(last), months: last - first + 1 },
    missingMonths,
    gaps,
    months: order.map((m) => {
      const { count, asb: a } = months.get(m) as { count: number; asb: number };
      return { month: isoMonth(m), count, crime: count - a, antisocialBehaviour: a };
    }),
    byCategory: counts.categories,
    byWard: byWard.map(({ name, index, count, crime }) => ({
      name,
      count,
      crime,
      antisocialBehaviour: wards[index].asb,
    })),
    byLsoa: counts.lsoas,
    crimeByWardMonth: {
      months: trendMonths.map(isoMonth),
      wards: byWard.map(({ name, index }) => ({
        name,
        counts: trendMonths.map((m) => wards[index].crimeByMonth.get(m) ?? 0),
      })),
    },
    policeUk: counts.policeUk,
    forces: counts.forces,
    outsideExamples: counts.outsideExamples,
  };
}

/**
 * Where an extract's records fall, as the pane and the command line say it: "1,475 in the
 * borough's wards, 13,861 outside them, 962 without a location", or that none could be placed.
 */
export function placesSentence(extract: ExtractSummary): string {
  if (!extract.placed) return "none placed in wards, as no ward boundaries were given";
  return `${formatCount(extract.located)} in the borough's wards, ${formatCount(extract.outsideBoundaries)} outside them, ${formatCount(extract.unlocated)} without a location (${extract.unlocatedExcluded ? "left out" : "counted in no ward"})`;
}

/**
 * How an extract is named in its sheets, headlines and report. A police.uk download by its
 * force (the one with most records first, as a download with British Transport Police's holds
 * two), its months and its files: "Kent Police, January to March 2022, 3 monthly files". Any
 * other extract by the file or folder it was read from, which is all that names it.
 */
export function extractSourceName(readFrom: string, files: number, counts: IncidentCounts): string {
  if (!counts.policeUk) return readFrom;
  const byForce = new Map<string, number>();
  let [first, last] = [Infinity, -Infinity];
  for (const m of counts.forceWide.forceMonths) {
    byForce.set(m.force, (byForce.get(m.force) ?? 0) + m.records);
    [first, last] = [Math.min(first, m.month), Math.max(last, m.month)];
  }
  const forces = [...byForce].sort((a, b) => b[1] - a[1]).map(([force]) => force);
  if (forces.length === 0) return readFrom;
  const who = forces.length <= 2 ? forces.join(" and ") : `${forces[0]} and ${forces.length - 1} other forces`;
  return `${who}, ${monthsWords(first, last)}, ${files === 1 ? "1 monthly file" : `${formatCount(files)} monthly files`}`;
}
