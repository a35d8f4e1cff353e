// The model's own file, not its index: see "Hot paths" in docs/ARCHITECTURE.md.
import { type CellValue, isCellError } from "../../model/cellValue";

/** A number read from a cell, with what the analyst wrote about its precision. */
export interface ParsedNumber {
  readonly kind: "number";
  readonly value: number;
  /** True when written or formatted as a percentage: `value` is then a fraction (29% -> 0.29). */
  readonly isPercent: boolean;
  /** Decimal places shown, in the units shown (percentage points for a percentage). */
  readonly decimals: number;
}

/** A cell that holds no usable number: empty, suppressed (`*`, `<5`), text, or an Excel error. */
export interface ParsedMissing {
  readonly kind: "missing";
  readonly reason: "empty" | "suppressed" | "text" | "error";
  readonly text: string;
}

export type ParsedCell = ParsedNumber | ParsedMissing;

// Markers partner data and publications use for suppressed or unavailable figures; they mean
// "unknown", never zero. ONS writes newer ones in brackets ("[x]", "[c]", "[z]", "[low]") and some
// tables put a trend arrow where a comparison cannot be made.
const SUPPRESSED =
  /^(\*+|<\s*\d+|[-\u2013\u2014]|n\/?a|n\.a\.?|\.\.?|x|:|n\/?k|~|\[[a-z]{1,4}\]|[\u2190-\u2199\u25b2\u25b3\u25bc\u25bd]|not available|suppressed|redacted|unknown)$/i;
// The exponent is how programs write a float as text ("1e-05", "2.5E+07"), as scripts that
// save numbers as text do.
const NUMBER_TEXT = /^([+-]?)\s*(?:£|\$|€)?\s*(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(?:([eE][+-]?\d{1,3}))?\s*(%)?$/;

function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const text = value.toPrecision(12);
  const dot = text.indexOf(".");
  if (dot < 0) return 0;
  let end = text.length; // trailing zeros are not decimals shown
  while (text.charCodeAt(end - 1) === 48) end -= 1;
  return Math.min(end - dot - 1, 10);
}

/**
 * Decimal places a number format shows (`"0.0%"` -> 1), or `null` when it does not say.
 *
 * @example
 * formatDecimals("0.0%") //= 1
 * formatDecimals("General") //= null
 */
export function formatDecimals(format: string | null): number | null {
  if (!format || /^general$/i.test(format)) return null;
  const section = format.split(";")[0].replace(/"[^"]*"/g, "");
  const match = /[0#?]\.([0#?]+)/.exec(section);
  if (match) return match[1].length;
  return /[0#?]/.test(section) ? 0 : null;
}

/**
 * True when a number format displays the value as a percentage.
 *
 * @example
 * isPercentFormat("0.0%") //= true
 * isPercentFormat("#,##0") //= false
 */
export function isPercentFormat(format: string | null): boolean {
  return !!format && /%/.test(format.split(";")[0].replace(/"[^"]*"/g, ""));
}

const EMPTY: ParsedMissing = Object.freeze({ kind: "missing", reason: "empty", text: "" });

/** What a number format says, worked out once per format (a workbook uses a handful across many cells). */
const FORMAT_FACTS = new Map<string, { isPercent: boolean; decimals: number | null }>();
const NO_FORMAT = Object.freeze({ isPercent: false, decimals: null });
function formatFacts(format: string | null): { isPercent: boolean; decimals: number | null } {
  if (format === null) return NO_FORMAT;
  let facts = FORMAT_FACTS.get(format);
  if (!facts) {
    facts = { isPercent: isPercentFormat(format), decimals: formatDecimals(format) };
    if (FORMAT_FACTS.size < 1000) FORMAT_FACTS.set(format, facts);
  }
  return facts;
}

// Small whole numbers, read without a format, as shared objects: most cells of a partnership's
// tables are counts, and a large workbook would otherwise keep one object for each.
const COUNT_CACHE_FROM = -1000;
const WHOLE_COUNTS: ParsedNumber[] = Array.from({ length: 11000 }, (_, i) =>
  Object.freeze({ kind: "number", value: COUNT_CACHE_FROM + i, isPercent: false, decimals: 0 }),
);

function wholeCount(value: number): ParsedNumber | undefined {
  return Number.isInteger(value) && !Object.is(value, -0) ? WHOLE_COUNTS[value - COUNT_CACHE_FROM] : undefined;
}

/**
 * Reads a number the way an analyst means it: `1,934`, `+23`, `-8`, `- 9.7%`, `29%`, `(5)`,
 * `−8` (Unicode minus); numbers in cells keep the precision their format shows.
 * Suppressed or missing markers become `missing`, never zero.
 *
 * @example
 * parseNumberCell("1,934", null) //= { kind: "number", value: 1934, isPercent: false, decimals: 0 }
 * parseNumberCell("29%", null)   //= { kind: "number", value: 0.29, isPercent: true, decimals: 0 }
 * parseNumberCell("<5", null)    //= { kind: "missing", reason: "suppressed", text: "<5" }
 */
export function parseNumberCell(value: CellValue, format: string | null): ParsedCell {
  if (value === null) return EMPTY;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "missing", reason: "error", text: String(value) };
    const { isPercent, decimals: shown } = formatFacts(format);
    if (!isPercent && (shown ?? 0) === 0) {
      const count = wholeCount(value); // a whole number shows no decimals
      if (count) return count;
    }
    const decimals = shown ?? decimalsOf(isPercent ? value * 100 : value);
    return { kind: "number", value, isPercent, decimals };
  }
  if (typeof value === "boolean" || value instanceof Date) {
    return { kind: "missing", reason: "text", text: String(value) };
  }
  if (isCellError(value)) return { kind: "missing", reason: "error", text: value.error };

  const text = value.replace(/[\u00a0\u2009\u202f]/g, " ").trim();
  if (text === "") return EMPTY;
  if (SUPPRESSED.test(text)) return { kind: "missing", reason: "suppressed", text };

  let body = text.replace(/^[\u2212\u2013]/, "-");
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(body);
  if (bracketed) {
    body = bracketed[1].trim();
    negative = true;
  }
  const match = NUMBER_TEXT.exec(body);
  if (!match || (match[2] === undefined && match[3] === undefined)) {
    return { kind: "missing", reason: "text", text };
  }
  const [, sign, whole, fraction, exponent, percent] = match;
  let number = Number((whole ?? "0").replace(/,/g, "") + (fraction ?? "") + (exponent ?? ""));
  if (!Number.isFinite(number)) return { kind: "missing", reason: "text", text };
  if (sign === "-") negative = !negative;
  if (negative) number = -number;
  const decimals = exponent ? decimalsOf(number) : fraction ? fraction.length - 1 : 0;
  if (percent) return { kind: "number", value: number / 100, isPercent: true, decimals };
  return (
    (decimals === 0 ? wholeCount(number) : undefined) ?? { kind: "number", value: number, isPercent: false, decimals }
  );
}
