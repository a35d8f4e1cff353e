// A SYNTHETIC police extract, one row per crime, whose totals match the figures the Strategic
// Assessment publishes: all crime 17,244 -> 16,947; drug offences 318 -> 394; violent crime
// 7,000 -> 6,860 (down 140, 2%); sexual offences down 8%; public order down 30%; vehicle
// interference up 26; domestic abuse 16% of all crime and 32% of violent crime (Nov 18 – Oct 19).
// Dates, wards and the split of the remaining crime are invented and say so in the file.

/** Category counts per period: [Nov 17 – Oct 18, Nov 18 – Oct 19]. */
export const SYNTHETIC_COUNTS: readonly (readonly [string, number, number])[] = [
  ["Violence against the person", 6500, 6400],
  ["Sexual offences", 500, 460],
  ["Drug offences", 318, 394],
  ["Vehicle interference", 153, 179],
  ["Public order offences", 1200, 840],
  ["Possession of weapons", 130, 190],
  ["Theft", 4200, 4300],
  ["Burglary", 1300, 1250],
  ["Criminal damage and arson", 2000, 1950],
  ["Robbery", 150, 160],
  ["Other crime", 793, 824],
];

/** Domestic-abuse flagged crimes per period: violent (VAP and sexual offences) and other. */
export const SYNTHETIC_DA = { violent: [2160, 2195], other: [490, 517] } as const;

const WARDS = ["High Street", "Park Wood", "North", "East", "Shepway North", "Fant", "Shepway South", "Bridge", "South", "Marden and Yalding", "Heath", "Allington", "Barming", "Boxley", "Staplehurst", "Harrietsham and Lenham", "Coxheath and Hunton", "Headcorn", "Downswood and Otham", "Bearsted", "Boughton Monchelsea and Chart Sutton", "Sutton Valence and Langley", "Loose", "Detling and Thurnham", "Leeds", "North Downs"];

/** The extract's rows (header first), deterministic; a few deliberately bad rows at the end. */
export function syntheticExtractRows(): string[][] {
  let seed = 2020;
  const random = (): number => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const rows: string[][] = [["Crime Reference", "Committed Date", "Crime Type", "Ward", "DA Flag"]];
  const periodStart = [Date.UTC(2017, 10, 1), Date.UTC(2018, 10, 1)];
  const days = [365, 365];
  let ref = 0;
  for (const period of [0, 1] as const) {
    let daViolent: number = SYNTHETIC_DA.violent[period];
    let daOther: number = SYNTHETIC_DA.other[period];
    for (const [category, ...counts] of SYNTHETIC_COUNTS) {
      const violent = category === "Violence against the person" || category === "Sexual offences";
      for (let i = 0; i < counts[period]; i += 1) {
        ref += 1;
        const date = new Date(periodStart[period] + Math.floor(random() * days[period]) * 86400000);
        const dd = String(date.getUTCDate()).padStart(2, "0");
        const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
        const written = ref % 3 === 0 ? `${date.getUTCFullYear()}-${mm}-${dd}` : `${dd}/${mm}/${date.getUTCFullYear()}`;
        // Wards weighted towards the town centre (squared index spreads them like recorded crime).
        const ward = WARDS[Math.floor(random() * random() * WARDS.length)];
        let da = "N";
        if (violent && daViolent > 0 && random() < 0.5) {
          da = "Y";
          daViolent -= 1;
        } else if (!violent && daOther > 0 && ["Criminal damage and arson", "Theft", "Other crime"].includes(category) && random() < 0.15) {
          da = "Y";
          daOther -= 1;
        }
        rows.push([`SYN/${String(ref).padStart(6, "0")}`, written, category, ward, da]);
      }
    }
    if (daViolent !== 0 || daOther !== 0) throw new Error(`synthetic DA flags not all placed (${daViolent}, ${daOther})`);
  }
  rows.push(["SYN/BAD001", "31/02/2019", "Theft", "High Street", "N"]);
  rows.push(["SYN/BAD002", "05/03/2019", "Parking", "North", "N"]);
  rows.push(["SYN/BAD003", "01/05/2016", "Theft", "North", "N"]);
  return rows;
}

/** The extract as CSV text (labelled synthetic by its SYN/ references and its file name). */
export function syntheticExtractCsv(): string {
  const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return syntheticExtractRows().map((r) => r.map(quote).join(",")).join("\n") + "\n";
}
