import { calendarDay, dayNumber } from "../calendar/namedDates";
import { VICTIM_BASED_EXCLUDED, isCrimeGroup } from "./crimeGroups";
import type { IncidentCounts } from "./incidentCounts";
import { ukDate } from "./temporalPatterns";

/** An intervention to assess: where, from when, and which wards to watch for displacement. */
export interface Intervention {
  readonly name: string;
  readonly wards: readonly string[];
  /** Wards around it (a displacement check); the job fills in neighbours from the boundaries when none are given. */
  readonly comparisonWards: readonly string[];
  /** First and last day (days since 1970) of the period after the start. */
  readonly start: number;
  readonly end: number;
}

/** Counts before and after the start in one ward, by crime group. */
export interface InterventionWard {
  /** The ward as the extract names it. */
  readonly ward: string;
  readonly role: "intervention" | "comparison";
  /** "All crime" and "Victim-based crime" first (aggregate), then each crime group. */
  readonly rows: readonly {
    readonly group: string;
    readonly aggregate: boolean;
    readonly before: number;
    readonly after: number;
  }[];
}

/** The before/after comparison of section 7.2 of the seed. */
export interface InterventionImpact {
  readonly name: string;
  /** "12/10/2018 – 19/02/2019" and "12/10/2019 – 19/02/2020". */
  readonly periods: readonly [string, string];
  readonly wards: readonly InterventionWard[];
  /** Wards named for the intervention that the extract never mentions. */
  readonly unknownWards: readonly string[];
}

/** Ward names compared loosely: case, "&" for "and", punctuation and a trailing "ward" ignored. */
export const wardKey = (name: string): string =>
  name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\bward$/, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * The comparison wards of an intervention: those stated, else every ward bordering its wards.
 *
 * @example
 * chooseComparisonWards(["High Street"], [], () => ["Bridge", "North"]) //= ["Bridge", "North"]
 * chooseComparisonWards(["High Street"], ["Fant"], () => []) //= ["Fant"]
 */
export function chooseComparisonWards(
  wards: readonly string[],
  stated: readonly string[],
  neighbours: (ward: string) => string[],
): string[] {
  if (stated.length > 0) return [...stated];
  const own = new Set(wards.map(wardKey));
  return [...new Set(wards.flatMap(neighbours))].filter((w) => !own.has(wardKey(w)));
}

/**
 * The same calendar day a year earlier (29 February becomes 28 February).
 *
 * @example
 * yearEarlier(dayNumber({ year: 2020, month: 2, day: 19 })) //= dayNumber({ year: 2019, month: 2, day: 19 })
 */
export function yearEarlier(day: number): number {
  const d = calendarDay(day);
  return dayNumber({ year: d.year - 1, month: d.month, day: d.month === 2 && d.day === 29 ? 28 : d.day });
}

/**
 * Crime by group in each intervention ward and comparison ward, from the start date to the
 * end date against the same dates a year earlier (so seasonality cancels), as the seed's
 * Town Centre team analysis does.
 */
export function interventionImpact(counts: IncidentCounts, intervention: Intervention): InterventionImpact {
  const before: [number, number] = [yearEarlier(intervention.start), yearEarlier(intervention.end)];
  const after: [number, number] = [intervention.start, intervention.end];
  const byKey = new Map(counts.wards.map((w, i) => [wardKey(w), i] as const).filter(([k, i]) => i > 0 && k !== ""));
  const unknownWards: string[] = [];
  const chosen: { index: number; role: InterventionWard["role"] }[] = [];
  const seen = new Set<number>();
  const choose = (names: readonly string[], role: InterventionWard["role"]): void => {
    for (const name of names) {
      const index = byKey.get(wardKey(name));
      if (index === undefined) unknownWards.push(name);
      else if (!seen.has(index)) {
        seen.add(index);
        chosen.push({ index, role });
      }
    }
  };
  choose(intervention.wards, "intervention");
  choose(intervention.comparisonWards, "comparison");

  const tallies = new Map<number, { before: number[]; after: number[] }>(
    chosen.map((c) => [c.index, { before: counts.groups.map(() => 0), after: counts.groups.map(() => 0) }]),
  );
  for (const cell of counts.days) {
    const tally = tallies.get(cell.ward);
    if (!tally) continue;
    if (cell.day >= before[0] && cell.day <= before[1]) tally.before[cell.group] += cell.count;
    else if (cell.day >= after[0] && cell.day <= after[1]) tally.after[cell.group] += cell.count;
  }
  const sum = (values: number[], keep: (group: string) => boolean): number =>
    values.reduce((s, v, g) => s + (keep(counts.groups[g]) ? v : 0), 0);
  const order = counts.groups.map((_, g) => g).sort((a, b) => counts.groups[a].localeCompare(counts.groups[b]));
  const wards = chosen.map(({ index, role }): InterventionWard => {
    const t = tallies.get(index)!;
    const victimBased = (group: string): boolean => isCrimeGroup(group) && !VICTIM_BASED_EXCLUDED.has(group);
    return {
      ward: counts.wards[index],
      role,
      rows: [
        { group: "All crime", aggregate: true, before: sum(t.before, isCrimeGroup), after: sum(t.after, isCrimeGroup) },
        {
          group: "Victim-based crime",
          aggregate: true,
          before: sum(t.before, victimBased),
          after: sum(t.after, victimBased),
        },
        ...order.map((g) => ({ group: counts.groups[g], aggregate: false, before: t.before[g], after: t.after[g] })),
      ],
    };
  });
  const label = (range: [number, number]): string =>
    `${ukDate(calendarDay(range[0]))} – ${ukDate(calendarDay(range[1]))}`;
  return { name: intervention.name, periods: [label(before), label(after)], wards, unknownWards };
}
