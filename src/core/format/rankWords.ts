/**
 * "1st", "2nd", "11th", "23rd".
 *
 * @example
 * ordinal(23) //= "23rd"
 */
export function ordinal(n: number): string {
  const tens = n % 100;
  return tens >= 11 && tens <= 13 ? `${n}th` : `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

/**
 * A rank as it reads in a sentence, 1 the highest of `of`.
 *
 * @example
 * rankWords(3, 13) //= "3rd highest"
 */
export function rankWords(rank: number, of: number): string {
  return rank === 1 ? "the highest" : rank === of ? "the lowest" : `${ordinal(rank)} highest`;
}

/**
 * What a rank interval says when chance alone could move the rank, as a sentence; "" when the
 * interval is one place.
 *
 * @example
 * rankIntervalSentence([2, 4], 13) //= " Allowing for chance variation in counts of this size, it ranks between 2nd and 4th highest."
 */
export function rankIntervalSentence(interval: readonly [number, number] | null, of: number): string {
  if (!interval || interval[0] === interval[1]) return "";
  const [lo, hi] = interval;
  return ` Allowing for chance variation in counts of this size, it ranks between ${lo === 1 ? "the highest" : ordinal(lo)} and ${rankWords(hi, of)}.`;
}
