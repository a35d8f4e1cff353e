import { type CellValue } from "../../model";

/**
 * A reporting period read from a column header. `order` sorts periods in time: months since
 * year 0 for dated periods, and -1 / 0 for "Last year" / "This year".
 */
export interface Period {
  readonly label: string;
  readonly kind: "year" | "span" | "month" | "quarter" | "relative";
  readonly order: number;
  /** Approximate length in months (12 for a year), used for wording such as "year-to-year". */
  readonly months: number;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/**
 * The zero-based month of `"Oct"`, `"October"`, `"Sept"`; or `null`.
 *
 * @example
 * monthIndex("September") //= 8
 * monthIndex("Sept") //= 8
 */
export function monthIndex(text: string): number | null {
  const word = text.trim().toLowerCase().replace(/\.$/, "");
  if (word.length < 3) return null;
  if (word === "sept") return 8;
  for (let i = 0; i < 12; i += 1) {
    if (MONTH_NAMES[i].startsWith(word) && word.startsWith(MONTHS[i])) return i;
  }
  return null;
}

function fullYear(text: string): number {
  const n = Number(text);
  if (text.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

const plausible = (year: number): boolean => year >= 1950 && year <= 2100;

const MONTH_WORD = "([A-Za-z]{3,9})\\.?";
const YEAR = "('?\\d{2}|\\d{4})";
const SEP = "\\s*[-\\u2013\\u2014/'\\s]?\\s*";
const MONTH_YEAR = `${MONTH_WORD}${SEP}${YEAR}`;
const RANGE = new RegExp(`^${MONTH_YEAR}\\s*(?:to|-|\\u2013|\\u2014|until)\\s*${MONTH_YEAR}$`, "i");
const SINGLE_MONTH = new RegExp(`^${MONTH_YEAR}$`, "i");
const YEAR_SPAN = /^(?:FY\s*|financial year\s*)?(\d{4})\s*[-\u2013\u2014/]\s*(\d{2}|\d{4})$/i;
const QUARTER = /^(?:Q([1-4])\s*(\d{4})|(\d{4})\s*Q([1-4]))$/i;
// ONS and Home Office write a year by its last month ("year ending December 2019", "12 months
// to Sep 2019"), a mid-year estimate by its year ("Mid-2023"), and quarters of financial years.
const YEAR_ENDING = new RegExp(
  `^(?:the\\s+)?(?:year|12\\s*months)\\s+(?:ending|ended|to)\\s+${MONTH_WORD}\\s*${YEAR}$`,
  "i",
);
const MID_YEAR = /^mid[-\s]?(?:year\s+)?(\d{4})$/i;
const FINANCIAL_QUARTER = /^Q([1-4])\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/i;
const PREVIOUS = /^(last|previous|prior|past)\s+(year|period|12\s*months|reporting\s+(?:year|period))$/i;
const CURRENT = /^(this|current|latest)\s+(year|period|12\s*months|reporting\s+(?:year|period))$/i;

function year(text: string): number {
  return fullYear(text.replace(/^'/, ""));
}

/**
 * Reads a period from a header cell, written the way the seed and partner data write them:
 * `2017/18`, `2017/2018`, `2018-19`, `2019`, `Sep-17 to Aug-18`, `Oct 17 - Sep 18`,
 * `October-18 to September-19`, `Nov 18 – Oct 19`, `Q3 2019`, `Oct-19`, a date,
 * `Last Year` / `This Year`, `Previous year` / `Current year`, and as ONS and the Home Office
 * publish them: `year ending December 2019`, `12 months to Sep 2019`, `Mid-2023`, `Q1 2019/20`.
 * Returns `null` for anything else.
 *
 * @example
 * parsePeriod("Sep-17 to Aug-18") //= { label: "Sep-17 to Aug-18", kind: "span", order: 24212, months: 12 }
 */
export function parsePeriod(value: CellValue): Period | null {
  if (value instanceof Date) {
    const label = `${MONTHS[value.getUTCMonth()][0].toUpperCase()}${MONTHS[value.getUTCMonth()].slice(1)} ${value.getUTCFullYear()}`;
    return { label, kind: "month", order: value.getUTCFullYear() * 12 + value.getUTCMonth(), months: 1 };
  }
  if (typeof value === "number") {
    return Number.isInteger(value) && plausible(value)
      ? { label: String(value), kind: "year", order: value * 12, months: 12 }
      : null;
  }
  if (typeof value !== "string") return null;
  const label = value.replace(/\s+/g, " ").trim();
  if (label === "") return null;

  if (/^\d{4}$/.test(label)) {
    const y = Number(label);
    return plausible(y) ? { label, kind: "year", order: y * 12, months: 12 } : null;
  }
  const span = YEAR_SPAN.exec(label);
  if (span) {
    const start = Number(span[1]);
    const end = span[2].length === 2 ? Math.floor(start / 100) * 100 + Number(span[2]) : Number(span[2]);
    if (!plausible(start) || end <= start || end - start > 5) return null;
    return { label, kind: "span", order: start * 12 + 3, months: (end - start) * 12 };
  }
  const range = RANGE.exec(label);
  if (range) {
    const m1 = monthIndex(range[1]);
    const m2 = monthIndex(range[3]);
    if (m1 === null || m2 === null) return null;
    const y1 = year(range[2]);
    const y2 = year(range[4]);
    const months = (y2 - y1) * 12 + (m2 - m1) + 1;
    if (!plausible(y1) || months < 1 || months > 60) return null;
    return { label, kind: "span", order: y1 * 12 + m1, months };
  }
  const quarter = QUARTER.exec(label);
  if (quarter) {
    const q = Number(quarter[1] ?? quarter[4]);
    const y = Number(quarter[2] ?? quarter[3]);
    return { label, kind: "quarter", order: y * 12 + (q - 1) * 3, months: 3 };
  }
  const ending = YEAR_ENDING.exec(label);
  if (ending) {
    const m = monthIndex(ending[1]);
    const y = year(ending[2]);
    if (m !== null && plausible(y)) return { label, kind: "span", order: y * 12 + m - 11, months: 12 };
  }
  const mid = MID_YEAR.exec(label);
  if (mid && plausible(Number(mid[1]))) return { label, kind: "year", order: Number(mid[1]) * 12 + 5, months: 12 };
  const financial = FINANCIAL_QUARTER.exec(label);
  if (financial && plausible(Number(financial[2]))) {
    // Q1 of 2019/20 is April to June 2019.
    return { label, kind: "quarter", order: Number(financial[2]) * 12 + 3 + (Number(financial[1]) - 1) * 3, months: 3 };
  }
  const single = SINGLE_MONTH.exec(label);
  if (single) {
    const m = monthIndex(single[1]);
    const y = year(single[2]);
    if (m !== null && plausible(y)) return { label, kind: "month", order: y * 12 + m, months: 1 };
  }
  if (PREVIOUS.test(label)) return { label, kind: "relative", order: -1, months: 12 };
  if (CURRENT.test(label)) return { label, kind: "relative", order: 0, months: 12 };
  if (/^year before last$/i.test(label)) return { label, kind: "relative", order: -2, months: 12 };
  return null;
}

/**
 * True when at least six distinct labels are month names (a month-by-month table).
 *
 * @example
 * looksLikeMonths(["Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]) //= true
 * looksLikeMonths(["High Street", "Park Wood"]) //= false
 */
export function looksLikeMonths(labels: readonly string[]): boolean {
  return new Set(labels.map(monthIndex).filter((m) => m !== null)).size >= 6;
}
