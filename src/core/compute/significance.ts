import { poissonComparisonPValue } from "../stats/poissonComparison";
import { formatCount } from "../format/formatNumbers";

/** Whether a change between two counts is more than chance would give, in words an analyst can quote. */
export interface Significance {
  readonly pValue: number;
  readonly significant: boolean;
  /** "a rise of 26 is within normal year-to-year variation (p = 0.15)" */
  readonly wording: string;
}

/** The level below which a change is called more than normal variation. */
export const SIGNIFICANCE_LEVEL = 0.05;

/**
 * Formats a p-value as analysts read them: `p = 0.004`, `p = 0.051`, `p = 0.15`, `p < 0.001`.
 *
 * @example
 * formatPValue(0.0049) //= "p = 0.005"
 * formatPValue(0.0004) //= "p < 0.001"
 */
export function formatPValue(p: number): string {
  if (p < 0.001) return "p < 0.001";
  if (p < 0.1) return `p = ${p.toFixed(3)}`;
  return `p = ${p.toFixed(2)}`;
}

/**
 * A count comparison's result. The wording is put together when it is read (for the headline,
 * the JSON, the task pane), not kept: a large workbook has a hundred thousand of them.
 */
class CountSignificance implements Significance {
  readonly #change: number;
  readonly #variation: string;

  constructor(
    readonly pValue: number,
    readonly significant: boolean,
    change: number,
    variation: string,
  ) {
    this.#change = change;
    this.#variation = variation;
  }

  get wording(): string {
    const change = this.#change;
    const variation = this.#variation;
    const what = change === 0 ? "no change" : `a ${change > 0 ? "rise" : "fall"} of ${formatCount(Math.abs(change))}`;
    // A plain template: the string is read once, into a headline that is joined flat anyway.
    return this.significant
      ? `${what} is more than normal ${variation} variation would explain (${formatPValue(this.pValue)})`
      : `${what} is within normal ${variation} variation (${formatPValue(this.pValue)})`;
  }

  toJSON(): Significance {
    return { pValue: this.pValue, significant: this.significant, wording: this.wording };
  }
}

/**
 * Tests a change between two counts (exact Poisson comparison) and words the result.
 * `variation` names the comparison: "year-to-year" for annual periods.
 *
 * @example
 * countSignificance(318, 394, "year-to-year").wording //= "a rise of 76 is more than normal year-to-year variation would explain (p = 0.005)"
 */
export function countSignificance(previous: number, latest: number, variation: string): Significance {
  const pValue = poissonComparisonPValue(previous, latest);
  return new CountSignificance(pValue, pValue < SIGNIFICANCE_LEVEL, latest - previous, variation);
}
