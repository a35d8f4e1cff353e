// A SYNTHETIC police extract, one row per crime, whose totals match the figures the Strategic
// Assessment publishes: all crime 17,244 -> 16,947; drug offences 318 -> 394; violent crime
// 7,000 -> 6,860 (down 140, 2%); sexual offences down 8%; public order down 30%; vehicle
// interference up 26; domestic abuse 16% of all crime and 32% of violent crime (Nov 18 – Oct 19);
// and, for the Town Centre team (section 7.2, from 12/10/2019), High Street theft 165 -> 307
// between 12/10 and 19/02 a year apart. It runs on to 19/02/2020, the seed's extraction date.
// Dates, times, wards and the split of the remaining crime are invented and say so in the file;
// domestic abuse is weighted towards weekends, evenings and the dates the seed names as peaks.
import { dayNumber, namedDates, weekdayOf } from "../src/core/calendar/namedDates";

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

/** High Street theft in the Town Centre team's before and after periods (seed section 7.2). */
export const TOWN_CENTRE = { start: "2019-10-12", end: "2020-02-19", before: 165, after: 307 } as const;

const WARDS = [
  "High Street",
  "Park Wood",
  "North",
  "East",
  "Shepway North",
  "Fant",
  "Shepway South",
  "Bridge",
  "South",
  "Marden and Yalding",
  "Heath",
  "Allington",
  "Barming",
  "Boxley",
  "Staplehurst",
  "Harrietsham and Lenham",
  "Coxheath and Hunton",
  "Headcorn",
  "Downswood and Otham",
  "Bearsted",
  "Boughton Monchelsea and Chart Sutton",
  "Sutton Valence and Langley",
  "Loose",
  "Detling and Thurnham",
  "Leeds",
  "North Downs",
];

// Relative frequency by hour: crime through the day and evening; domestic abuse in the evening and night.
const HOURS_ALL = [3, 2, 2, 1, 1, 1, 2, 3, 5, 6, 7, 8, 8, 8, 8, 9, 9, 9, 8, 7, 6, 6, 5, 4];
const HOURS_DA = [6, 5, 3, 2, 1, 1, 1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 6, 7, 9, 10, 11, 11, 10, 8];
const WEEKDAY_DA = [1, 0.95, 0.95, 1, 1.15, 1.45, 1.35];

const iso = (day: number): string => new Date(day * 86400000).toISOString().slice(0, 10);
const dayOf = (text: string): number => Math.round(Date.parse(`${text}T00:00:00Z`) / 86400000);

/** Draws an index in proportion to `weights` (cumulative search). */
function drawer(weights: readonly number[], random: () => number): () => number {
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative[cumulative.length - 1];
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

interface Draft {
  day: number;
  category: string;
  da: boolean;
  minutes: number;
  ward: string;
}

/** The extract's rows (header first), deterministic; a few deliberately bad rows at the end. */
export function syntheticExtractRows(): string[][] {
  let seed = 2020;
  const random = (): number => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  // Periods: Nov 17 – Oct 18, Nov 18 – Oct 19, and 01/11/2019 – 19/02/2020 (extraction date).
  const spans: [number, number][] = [
    [dayOf("2017-11-01"), dayOf("2018-10-31")],
    [dayOf("2018-11-01"), dayOf("2019-10-31")],
    [dayOf("2019-11-01"), dayOf(TOWN_CENTRE.end)],
  ];
  const drafts: Draft[] = [];
  const hourAll = drawer(HOURS_ALL, random);
  const hourDa = drawer(HOURS_DA, random);
  spans.forEach(([from, to], period) => {
    const days = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const named = new Set(namedDatesIn(from, to));
    const summer = (d: number): number => ([5, 6, 7].includes(new Date(d * 86400000).getUTCMonth()) ? 1.15 : 1);
    const anyDay = drawer(
      days.map(() => 1),
      random,
    );
    const daDay = drawer(
      days.map((d) => WEEKDAY_DA[weekdayOf(d)] * summer(d) * (named.has(d) ? 1.8 : 1)),
      random,
    );
    // The third span is a part year: about the later year's rate for its 111 days.
    const share = period < 2 ? 1 : days.length / 365;
    let daViolent: number = period < 2 ? SYNTHETIC_DA.violent[period] : Math.round(SYNTHETIC_DA.violent[1] * share);
    let daOther: number = period < 2 ? SYNTHETIC_DA.other[period] : Math.round(SYNTHETIC_DA.other[1] * share);
    for (const [category, ...counts] of SYNTHETIC_COUNTS) {
      const violent = category === "Violence against the person" || category === "Sexual offences";
      const n = period < 2 ? counts[period] : Math.round(counts[1] * share);
      for (let i = 0; i < n; i += 1) {
        let da = false;
        if (violent && daViolent > 0 && random() < 0.5) {
          da = true;
          daViolent -= 1;
        } else if (
          !violent &&
          daOther > 0 &&
          ["Criminal damage and arson", "Theft", "Other crime"].includes(category) &&
          random() < 0.15
        ) {
          da = true;
          daOther -= 1;
        }
        const day = days[da ? daDay() : anyDay()];
        const minutes = (da ? hourDa() : hourAll()) * 60 + Math.floor(random() * 60);
        // Wards weighted towards the town centre (squared index spreads them like recorded crime);
        // High Street theft is placed below to match the seed's Town Centre figures.
        const ward =
          category === "Theft"
            ? WARDS[1 + Math.floor(random() * random() * (WARDS.length - 1))]
            : WARDS[Math.floor(random() * random() * WARDS.length)];
        drafts.push({ day, category, da, minutes, ward });
      }
    }
    if (period < 2 && (daViolent !== 0 || daOther !== 0))
      throw new Error(`synthetic DA flags not all placed (${daViolent}, ${daOther})`);
  });
  placeTownCentreTheft(drafts, random);

  const rows: string[][] = [["Crime Reference", "Committed Date", "Committed Time", "Crime Type", "Ward", "DA Flag"]];
  drafts.sort((a, b) => a.day - b.day || a.minutes - b.minutes);
  drafts.forEach((d, i) => {
    const ref = i + 1;
    const [y, m, dd] = iso(d.day).split("-");
    const written = ref % 3 === 0 ? `${y}-${m}-${dd}` : `${dd}/${m}/${y}`;
    const time = `${String(Math.floor(d.minutes / 60)).padStart(2, "0")}:${String(d.minutes % 60).padStart(2, "0")}`;
    rows.push([`SYN/${String(ref).padStart(6, "0")}`, written, time, d.category, d.ward, d.da ? "Y" : "N"]);
  });
  rows.push(["SYN/BAD001", "31/02/2019", "12:00", "Theft", "High Street", "N"]);
  rows.push(["SYN/BAD002", "05/03/2019", "12:00", "Parking", "North", "N"]);
  rows.push(["SYN/BAD003", "01/05/2016", "12:00", "Theft", "North", "N"]);
  return rows;
}

/** Day numbers of every named date (bank holidays, Valentine's, Father's Day, Christmas, New Year) in a span. */
function namedDatesIn(from: number, to: number): number[] {
  const years = [new Date(from * 86400000).getUTCFullYear(), new Date(to * 86400000).getUTCFullYear()];
  const days: number[] = [];
  for (let y = years[0]; y <= years[1]; y += 1) for (const d of namedDates(y)) days.push(dayNumber(d));
  return days.filter((d) => d >= from && d <= to);
}

/**
 * Makes exactly `before` thefts High Street's in 12/10/2018 – 19/02/2019 and `after` in
 * 12/10/2019 – 19/02/2020; elsewhere about one theft in nine is High Street's, like the before period.
 */
function placeTownCentreTheft(drafts: Draft[], random: () => number): void {
  const start = dayOf(TOWN_CENTRE.start);
  const end = dayOf(TOWN_CENTRE.end);
  const windows: [number, number, number][] = [
    [start - 365, end - 365, TOWN_CENTRE.before],
    [start, end, TOWN_CENTRE.after],
  ];
  const thefts = drafts.filter((d) => d.category === "Theft");
  for (const [from, to, count] of windows) {
    const inWindow = thefts.filter((d) => d.day >= from && d.day <= to);
    for (let i = inWindow.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [inWindow[i], inWindow[j]] = [inWindow[j], inWindow[i]];
    }
    inWindow.slice(0, count).forEach((d) => (d.ward = "High Street"));
  }
  const inAny = (d: Draft): boolean => windows.some(([from, to]) => d.day >= from && d.day <= to);
  for (const d of thefts) if (!inAny(d) && random() < 0.11) d.ward = "High Street";
}

/** The extract as CSV text (labelled synthetic by its SYN/ references and its file name). */
export function syntheticExtractCsv(): string {
  const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return (
    syntheticExtractRows()
      .map((r) => r.map(quote).join(","))
      .join("\n") + "\n"
  );
}
