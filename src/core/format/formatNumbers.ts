// Numbers as the seed writes them: 1,934; 23.9%; -1.7%. Written by hand, not with
// Intl.NumberFormat, so output is identical in Node, every browser and Excel's webview.

function groupThousands(digits: string): string {
  return digits.length > 3 ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : digits;
}

/**
 * `1934 -> "1,934"`, `-297 -> "-297"`, `3.7 -> "3.7"` (up to `maxDecimals`, trailing zeros dropped).
 *
 * @example
 * formatCount(1934) //= "1,934"
 * formatCount(3.7) //= "3.7"
 */
export function formatCount(value: number, maxDecimals = 2): string {
  const magnitude = Math.abs(value);
  // Whole numbers (most counts) need no rounding; headlines format hundreds of thousands.
  let text = Number.isInteger(magnitude) && magnitude < 1e21 ? String(magnitude) : magnitude.toFixed(maxDecimals);
  const dot = text.indexOf(".");
  if (dot >= 0) text = text.replace(/\.?0+$/, "");
  const end = dot >= 0 && dot < text.length ? dot : text.length;
  text = groupThousands(text.slice(0, end)) + text.slice(end);
  return value < 0 && text !== "0" ? `-${text}` : text;
}

/**
 * `0.239 -> "23.9%"`, `-0.017 -> "-1.7%"` (a fraction in, percentage out).
 *
 * @example
 * formatPercent(0.239) //= "23.9%"
 * formatPercent(-0.017) //= "-1.7%"
 */
export function formatPercent(fraction: number, decimals = 1): string {
  const text = (Math.abs(fraction) * 100).toFixed(decimals);
  const dot = text.indexOf(".");
  const whole = dot < 0 ? text : text.slice(0, dot);
  const negative = fraction < 0 && /[1-9]/.test(text);
  return `${negative ? "-" : ""}${groupThousands(whole)}${dot < 0 ? "" : text.slice(dot)}%`;
}

/**
 * `76 -> "+76"`, `-8 -> "-8"`, `0 -> "0"`: a change with its sign, as the seed's tables write it.
 *
 * @example
 * formatSignedCount(76) //= "+76"
 * formatSignedCount(-8) //= "-8"
 */
export function formatSignedCount(value: number): string {
  return value > 0 ? `+${formatCount(value)}` : formatCount(value);
}

/**
 * `1 error`, `2 errors`: a count with its noun, plural when it is not one.
 *
 * @example
 * countOf(1, "error") //= "1 error"
 * countOf(2, "error") //= "2 errors"
 */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : plural}`;
}
