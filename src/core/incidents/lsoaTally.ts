/** One LSOA's records of one force in one month, crime and anti-social behaviour apart. */
export interface LsoaMonth {
  readonly force: string;
  readonly lsoaCode: string;
  readonly lsoaName: string;
  /** Months since year 0 (`monthNumber`). */
  readonly month: number;
  readonly crime: number;
  readonly antisocialBehaviour: number;
}

/** One force's records in one month: all of them, and those without a location. */
export interface ForceMonth {
  readonly force: string;
  readonly month: number;
  readonly records: number;
  readonly unlocated: number;
}

/** What a force-wide download says beyond the borough: every record by LSOA and month, and each force's months. */
export interface ForceWideCounts {
  readonly lsoaMonths: readonly LsoaMonth[];
  readonly forceMonths: readonly ForceMonth[];
}

// Distinct force-LSOA-month counts kept; past this a column is not LSOAs.
const KEYS_LIMIT = 500000;

/** One force's counts: records and unlocated records by month, and crime and ASB by LSOA and month. */
interface ForceTally {
  readonly months: Map<number, [number, number]>;
  readonly lsoas: Map<string, Map<number, [number, number]>>;
}

/**
 * Counts every record of a download, inside the borough or not, by force, LSOA and month: the
 * force's districts are made of LSOAs (`districtPicture`), and coverage is judged per force and
 * month. Kept apart from the borough's counts, which only hold the borough's wards. Nested maps
 * rather than joined keys: a record then builds no string, which over a force's year of rows
 * measured a fifth of the whole command's time in garbage.
 */
export class LsoaTally {
  private readonly forces = new Map<string, ForceTally>();
  private readonly names = new Map<string, string>();
  private keys = 0;
  // A download's files each hold one force and month, sorted by LSOA: the last force, month and
  // LSOA looked up are nearly always the next record's, and are compared before any lookup.
  private lastForce = "";
  private last: ForceTally | null = null;
  private lastMonth = NaN;
  private lastMonthly: [number, number] = [0, 0];
  private lastLsoa = "";
  private lastCounts: [number, number] | null = null;

  /** One record: its force, LSOA (empty when it has none), month, whether it is ASB, and whether it has a location. */
  add(force: string, lsoaCode: string, lsoaName: string, month: number, antisocial: boolean, located: boolean): void {
    const same = force === this.lastForce && this.last !== null && month === this.lastMonth;
    const tally = same ? (this.last as ForceTally) : this.forceTally(force);
    let monthly = same ? this.lastMonthly : tally.months.get(month);
    if (!monthly) tally.months.set(month, (monthly = [0, 0]));
    monthly[0] += 1;
    if (!located) monthly[1] += 1;
    if (!same) this.lastLsoa = "";
    this.lastMonth = month;
    this.lastMonthly = monthly;
    if (!lsoaCode) return;
    if (lsoaCode === this.lastLsoa && this.lastCounts) {
      this.lastCounts[antisocial ? 1 : 0] += 1;
      return;
    }
    let months = tally.lsoas.get(lsoaCode);
    let counts = months?.get(month);
    if (!counts) {
      if (this.keys >= KEYS_LIMIT) return;
      this.keys += 1;
      if (!months) tally.lsoas.set(lsoaCode, (months = new Map()));
      months.set(month, (counts = [0, 0]));
      if (!this.names.has(lsoaCode)) this.names.set(lsoaCode, lsoaName);
    }
    counts[antisocial ? 1 : 0] += 1;
    this.lastLsoa = lsoaCode;
    this.lastCounts = counts;
  }

  private forceTally(force: string): ForceTally {
    if (this.last && force === this.lastForce) return this.last;
    let tally = this.forces.get(force);
    if (!tally) this.forces.set(force, (tally = { months: new Map(), lsoas: new Map() }));
    this.lastForce = force;
    this.last = tally;
    return tally;
  }

  counts(): ForceWideCounts {
    const lsoaMonths: LsoaMonth[] = [];
    const forceMonths: ForceMonth[] = [];
    for (const [force, tally] of this.forces) {
      for (const [lsoaCode, months] of tally.lsoas) {
        const lsoaName = this.names.get(lsoaCode) ?? "";
        for (const [month, [crime, antisocialBehaviour]] of months)
          lsoaMonths.push({ force, lsoaCode, lsoaName, month, crime, antisocialBehaviour });
      }
      for (const [month, [records, unlocated]] of tally.months) forceMonths.push({ force, month, records, unlocated });
    }
    forceMonths.sort((a, b) => (a.force < b.force ? -1 : a.force > b.force ? 1 : a.month - b.month));
    return { lsoaMonths, forceMonths };
  }
}
