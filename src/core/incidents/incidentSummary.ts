import { compareValues } from "../compute/compareValues";
import { ANTISOCIAL_BEHAVIOUR, VIOLENT_GROUPS } from "./crimeGroups";
import type { IncidentCounts, RecordExample } from "./incidentCounts";
import { monthNumber } from "./recordDate";
import { calendarDay } from "../calendar/namedDates";
import type { WindowKind, YearMonth } from "../options";
import { type ComparisonWindows, comparisonWindows, periodOf } from "./windows";

type Pair = [number, number];

/** The two-period comparison an extract gives, in the JSON shape of `csp-assess incidents`. */
export interface IncidentSummary {
  readonly periods: readonly [string, string];
  readonly windows: ComparisonWindows;
  /** Crime only: anti-social behaviour is counted apart, as police.uk and ONS count it. */
  readonly allCrime: readonly [number, number];
  readonly byGroup: readonly {
    readonly group: string;
    readonly values: readonly [number, number];
    readonly pctChange: number | null;
  }[];
  /** Anti-social behaviour incidents, when the extract has any (police.uk's do). */
  readonly antisocialBehaviour: readonly [number, number] | null;
  /** Wards as the extract names them (or as coordinates placed them), most crime first. */
  readonly byWard: readonly {
    readonly name: string;
    readonly values: readonly [number, number];
    readonly domesticAbuse: readonly [number, number] | null;
    /** Anti-social behaviour in the ward, when the extract has any. */
    readonly antisocialBehaviour?: readonly [number, number];
  }[];
  readonly domesticAbuse: readonly [number, number] | null;
  /** Domestic abuse as a share of all crime, and of violent crime, in the later period. */
  readonly daShareAll: number | null;
  readonly daShareViolence: number | null;
  readonly rejected: {
    readonly count: number;
    readonly reasons: Readonly<Record<string, number>>;
    readonly examples: Readonly<Record<string, readonly RecordExample[]>>;
  };
}

/** The latest month with a record, as `{ year, month }`. */
export function lastMonthOf(counts: IncidentCounts): { year: number; month: number } | null {
  return counts.lastDay === null ? null : calendarDay(counts.lastDay);
}

/** Every day cell added into the two periods: by group, ward, DA and ASB, and what lies outside both. */
function periodTotals(counts: IncidentCounts, windows: ComparisonWindows) {
  const groups = counts.groups.map((): Pair => [0, 0]);
  const wards = counts.wards.map((): Pair => [0, 0]);
  const wardsDa = counts.wards.map((): Pair => [0, 0]);
  const wardsAsb = counts.wards.map((): Pair => [0, 0]);
  const asbGroup = counts.groups.indexOf(ANTISOCIAL_BEHAVIOUR);
  const asb: Pair = [0, 0];
  const all: Pair = [0, 0];
  const da: Pair = [0, 0];
  let violent = 0;
  let daViolent = 0;
  let outside = 0;
  const outsideMonths = new Set<number>();
  for (const cell of counts.days) {
    const d = calendarDay(cell.day);
    const month = monthNumber(d);
    const period = periodOf(windows, month);
    if (period === -1) {
      outside += cell.count;
      outsideMonths.add(month);
      continue;
    }
    groups[cell.group][period] += cell.count;
    if (cell.group === asbGroup) {
      asb[period] += cell.count;
      wardsAsb[cell.ward][period] += cell.count;
      continue;
    }
    all[period] += cell.count;
    wards[cell.ward][period] += cell.count;
    if (cell.da) {
      da[period] += cell.count;
      wardsDa[cell.ward][period] += cell.count;
    }
    if (period === 1 && VIOLENT_GROUPS.has(counts.groups[cell.group])) {
      violent += cell.count;
      if (cell.da) daViolent += cell.count;
    }
  }
  return { groups, wards, wardsDa, wardsAsb, asbGroup, asb, all, da, violent, daViolent, outside, outsideMonths };
}

/**
 * The two twelve-month periods side by side: all crime, each crime group, each ward and
 * domestic abuse, with DA's share of all and of violent crime in the later period. `end`
 * null is the latest month in the extract. Records outside both periods are counted as
 * such (with the first record of some of their months as examples).
 */
export function incidentSummary(counts: IncidentCounts, kind: WindowKind, end: YearMonth | null): IncidentSummary {
  const last = end ?? lastMonthOf(counts) ?? { year: 1970, month: 1 };
  const windows = comparisonWindows(kind, last);
  const { groups, wards, wardsDa, wardsAsb, asbGroup, asb, all, da, violent, daViolent, outside, outsideMonths } =
    periodTotals(counts, windows);
  const reasons: Record<string, number> = { ...counts.rejected };
  const examples: Record<string, readonly RecordExample[]> = { ...counts.examples };
  if (outside > 0) {
    reasons["outside both periods"] = outside;
    examples["outside both periods"] = [...outsideMonths]
      .sort((a, b) => a - b)
      .slice(0, 5)
      .flatMap((m) => counts.monthExamples.get(m) ?? []);
  }
  const hasDa = counts.hasDomesticAbuse;
  const byMost = <T extends { values: readonly number[] }>(a: T & { key: string }, b: T & { key: string }): number =>
    b.values[1] - a.values[1] || a.key.localeCompare(b.key);
  return {
    periods: windows.labels,
    windows,
    allCrime: all,
    byGroup: counts.groups
      .map((group, i) => ({
        key: group,
        group,
        values: groups[i] as readonly [number, number],
        pctChange: compareValues(groups[i][0], groups[i][1]).pctChange,
      }))
      .filter((g) => g.group !== ANTISOCIAL_BEHAVIOUR)
      .sort(byMost)
      .map(({ group, values, pctChange }) => ({ group, values, pctChange })),
    antisocialBehaviour: asbGroup >= 0 ? asb : null,
    byWard: counts.wards
      .map((name, i) => ({
        key: name,
        name,
        values: wards[i] as readonly [number, number],
        domesticAbuse: hasDa ? (wardsDa[i] as readonly [number, number]) : null,
        antisocialBehaviour: asbGroup >= 0 ? (wardsAsb[i] as readonly [number, number]) : undefined,
      }))
      .filter((_, i) => i > 0 && wards[i][0] + wards[i][1] + wardsAsb[i][0] + wardsAsb[i][1] > 0)
      .sort(byMost)
      .map(({ name, values, domesticAbuse, antisocialBehaviour }) => ({
        name,
        values,
        domesticAbuse,
        antisocialBehaviour,
      })),
    domesticAbuse: hasDa ? da : null,
    daShareAll: hasDa && all[1] > 0 ? da[1] / all[1] : null,
    daShareViolence: hasDa && violent > 0 ? daViolent / violent : null,
    rejected: { count: Object.values(reasons).reduce((a, b) => a + b, 0), reasons, examples },
  };
}
