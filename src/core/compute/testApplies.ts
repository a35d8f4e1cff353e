// The exact Poisson test compares two counts of independent events (crimes, admissions,
// referrals). It says nothing useful about a duration, an average, a rate, money, a caseload
// carried from one year to the next, or items found in batches (one needle find can hold dozens
// of needles): those changes are given with their size only. docs/KEY_FINDINGS.md lists the rule.

/** What a table or row measures when it is not a count of events, and the words that say so. */
const NOT_EVENTS: readonly { readonly what: string; readonly words: RegExp }[] = [
  {
    what: "durations",
    words: /\b(days|hours|hrs|minutes|mins|weeks|nights|duration|time in situ|length of stay)\b/i,
  },
  { what: "averages", words: /\b(avg|average|mean|median)\b/i },
  {
    what: "rates or percentages",
    words: /\b(rates?|per [\d,]+|ratio|proportion|percentage|per ?cent)\b|%/i,
  },
  { what: "money", words: /£|\b(cost|costs|spend|spending|budget|funding|income|pounds)\b/i },
  {
    what: "caseloads or cohorts",
    words:
      /\b(caseloads?|cohorts?|iom|integrated offender management|open cases|nominals|(?:in|structured) treatment(?! starts?))\b/i,
  },
  { what: "items found or collected in batches", words: /\b(needles?|syringes?|sharps|tonnes?|kg|bags)\b/i },
];

/**
 * Why changes described by these words get no test of chance (`"durations"`), or null when they
 * count events and the exact test applies.
 *
 * @example
 * notEventsReason("Total Days") //= "durations"
 * notEventsReason("IOM cohort") //= "caseloads or cohorts"
 * notEventsReason("Structured treatment starts, Kent") //= null
 * notEventsReason("Drug offences") //= null
 */
export function notEventsReason(...texts: readonly (string | null | undefined)[]): string | null {
  const words = texts.filter((t): t is string => !!t).join(" \u2022 ");
  if (!words) return null;
  for (const rule of NOT_EVENTS) if (rule.words.test(words)) return rule.what;
  return null;
}
