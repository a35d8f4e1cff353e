import { gregorianEaster } from "date-easter";

/** A day in the calendar, as the extract's dates are read (month 1–12). */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A date with a name that may change how many incidents are reported on it. */
export interface NamedDate extends CalendarDay {
  readonly name: string;
  readonly bankHoliday: boolean;
}

/** Days since 1970-01-01 (UTC), so dates compare and subtract as whole numbers. */
export const dayNumber = (d: CalendarDay): number => Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86400000);

/**
 * The calendar day of a day number.
 *
 * @example
 * calendarDay(18000) //= { year: 2019, month: 4, day: 14 }
 */
export function calendarDay(day: number): CalendarDay {
  const date = new Date(day * 86400000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Monday 0 … Sunday 6, the order UK week tables use. */
export const weekdayOf = (day: number): number => (((day + 3) % 7) + 7) % 7;

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** `Jan` … `Dec`, as period labels and small tables write them. */
export const SHORT_MONTHS = MONTH_NAMES.map((m) => m.slice(0, 3));

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = dayNumber({ year, month, day: 1 });
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
}

function lastWeekday(year: number, month: number, weekday: number): number {
  const last = dayNumber({ year, month: month + 1, day: 1 }) - 1;
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

// Bank holidays moved or added by proclamation; no rule predicts these, so they are listed.
// Source: GOV.UK bank holidays and the Banking and Financial Dealings Act 1971 proclamations.
const MOVED: Readonly<Record<string, string>> = {
  "1995 Early May bank holiday": "1995-05-08",
  "2020 Early May bank holiday": "2020-05-08",
  "2002 Spring bank holiday": "2002-06-04",
  "2012 Spring bank holiday": "2012-06-04",
  "2022 Spring bank holiday": "2022-06-02",
};
const EXTRA: readonly [string, string][] = [
  ["1999-12-31", "Millennium Eve"],
  ["2002-06-03", "Golden Jubilee"],
  ["2011-04-29", "Royal wedding"],
  ["2012-06-05", "Diamond Jubilee"],
  ["2022-06-03", "Platinum Jubilee"],
  ["2022-09-19", "State funeral of Queen Elizabeth II"],
  ["2023-05-08", "Coronation of King Charles III"],
];

const parseIso = (iso: string): number => {
  const [y, m, d] = iso.split("-").map(Number);
  return dayNumber({ year: y, month: m, day: d });
};

/**
 * Bank holidays in England and Wales for any year: the statutory rules (New Year's Day, Good
 * Friday, Easter Monday, the first Monday of May, the last Mondays of May and August,
 * Christmas Day and Boxing Day, with substitute days when these fall at a weekend) plus the
 * holidays moved or added by proclamation. Written here rather than taken from date-holidays
 * because that package carries every country's data (1.5 MB) into the task pane; the tests
 * check these rules against it year by year.
 *
 * @example
 * englandAndWalesBankHolidays(2019).length //= 8
 */
export function englandAndWalesBankHolidays(year: number): NamedDate[] {
  const days: { day: number; name: string }[] = [];
  const add = (name: string, day: number): void => {
    const moved = MOVED[`${year} ${name}`];
    days.push({ day: moved ? parseIso(moved) : day, name });
  };
  const newYear = dayNumber({ year, month: 1, day: 1 });
  add("New Year's Day", newYear);
  if (weekdayOf(newYear) >= 5)
    days.push({ day: newYear + (weekdayOf(newYear) === 5 ? 2 : 1), name: "New Year's Day (substitute day)" });
  const easter = gregorianEaster(year);
  const easterDay = dayNumber({ year, month: easter.month, day: easter.day });
  add("Good Friday", easterDay - 2);
  add("Easter Monday", easterDay + 1);
  add("Early May bank holiday", nthWeekday(year, 5, 0, 1));
  add("Spring bank holiday", lastWeekday(year, 5, 0));
  add("Summer bank holiday", lastWeekday(year, 8, 0));
  const christmas = dayNumber({ year, month: 12, day: 25 });
  add("Christmas Day", christmas);
  add("Boxing Day", christmas + 1);
  // Christmas on Saturday: both move to Monday and Tuesday. On Sunday: Boxing Day stays on
  // Monday and Christmas moves to Tuesday. On Friday: Boxing Day moves to Monday.
  const christmasWeekday = weekdayOf(christmas);
  if (christmasWeekday === 5) {
    days.push(
      { day: christmas + 2, name: "Christmas Day (substitute day)" },
      { day: christmas + 3, name: "Boxing Day (substitute day)" },
    );
  } else if (christmasWeekday === 6) {
    days.push({ day: christmas + 2, name: "Christmas Day (substitute day)" });
  } else if (christmasWeekday === 4) {
    days.push({ day: christmas + 3, name: "Boxing Day (substitute day)" });
  }
  for (const [iso, name] of EXTRA) if (iso.startsWith(`${year}-`)) days.push({ day: parseIso(iso), name });
  return days.sort((a, b) => a.day - b.day).map((d) => ({ ...calendarDay(d.day), name: d.name, bankHoliday: true }));
}

/**
 * The dates the seed names as domestic-abuse peaks, for one year: every bank holiday,
 * Valentine's Day, Father's Day (third Sunday of June), Christmas Eve, New Year's Eve.
 *
 * @example
 * namedDates(2019)[1] //= { year: 2019, month: 2, day: 14, name: "Valentine's Day", bankHoliday: false }
 */
export function namedDates(year: number): NamedDate[] {
  const others: NamedDate[] = [
    { year, month: 2, day: 14, name: "Valentine's Day", bankHoliday: false },
    { ...calendarDay(nthWeekday(year, 6, 6, 3)), name: "Father's Day", bankHoliday: false },
    { year, month: 12, day: 24, name: "Christmas Eve", bankHoliday: false },
    { year, month: 12, day: 31, name: "New Year's Eve", bankHoliday: false },
  ];
  const all = [...englandAndWalesBankHolidays(year), ...others];
  return all.sort((a, b) => dayNumber(a) - dayNumber(b));
}
