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

// Keys joined with a character no force, code or month holds.
const SEP = "\u0001";
// Distinct force-LSOA-month keys kept; past this a column is not LSOAs.
const KEYS_LIMIT = 500000;

/**
 * Counts every record of a download, inside the borough or not, by force, LSOA and month: the
 * force's districts are made of LSOAs (`districtPicture`), and coverage is judged per force and
 * month. Kept apart from the borough's counts, which only hold the borough's wards.
 */
export class LsoaTally {
  private readonly lsoa = new Map<string, [number, number]>();
  private readonly names = new Map<string, string>();
  private readonly forces = new Map<string, [number, number]>();

  /** One record: its force, LSOA (empty when it has none), month, whether it is ASB, and whether it has a location. */
  add(force: string, lsoaCode: string, lsoaName: string, month: number, antisocial: boolean, located: boolean): void {
    const forceKey = `${force}${SEP}${month}`;
    const tally = this.forces.get(forceKey) ?? [0, 0];
    tally[0] += 1;
    if (!located) tally[1] += 1;
    this.forces.set(forceKey, tally);
    if (!lsoaCode) return;
    const key = `${force}${SEP}${lsoaCode}${SEP}${month}`;
    let counts = this.lsoa.get(key);
    if (!counts) {
      if (this.lsoa.size >= KEYS_LIMIT) return;
      counts = [0, 0];
      this.lsoa.set(key, counts);
      if (!this.names.has(lsoaCode)) this.names.set(lsoaCode, lsoaName);
    }
    counts[antisocial ? 1 : 0] += 1;
  }

  counts(): ForceWideCounts {
    const lsoaMonths: LsoaMonth[] = [];
    for (const [key, [crime, antisocialBehaviour]] of this.lsoa) {
      const [force, lsoaCode, month] = key.split(SEP);
      lsoaMonths.push({
        force,
        lsoaCode,
        lsoaName: this.names.get(lsoaCode) ?? "",
        month: Number(month),
        crime,
        antisocialBehaviour,
      });
    }
    const forceMonths: ForceMonth[] = [];
    for (const [key, [records, unlocated]] of this.forces) {
      const [force, month] = key.split(SEP);
      forceMonths.push({ force, month: Number(month), records, unlocated });
    }
    forceMonths.sort((a, b) => (a.force < b.force ? -1 : a.force > b.force ? 1 : a.month - b.month));
    return { lsoaMonths, forceMonths };
  }
}
