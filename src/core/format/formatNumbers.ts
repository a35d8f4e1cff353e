// Numbers as the seed writes them: 1,934; 23.9%; -1.7%. Written by hand, not with
// Intl.NumberFormat, so output is identical in Node, every browser and Excel's webview.

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `1934 -> "1,934"`, `-297 -> "-297"`, `3.7 -> "3.7"` (up to `maxDecimals`, trailing zeros dropped). */
export function formatCount(value: number, maxDecimals = 2): string {
  const fixed = Math.abs(value).toFixed(maxDecimals).replace(/\.?0+$/, "");
  const [whole, fraction] = fixed.split(".");
  const text = groupThousands(whole) + (fraction ? `.${fraction}` : "");
  return value < 0 && text !== "0" ? `-${text}` : text;
}

/** `0.239 -> "23.9%"`, `-0.017 -> "-1.7%"` (a fraction in, percentage out). */
export function formatPercent(fraction: number, decimals = 1): string {
  const text = (Math.abs(fraction) * 100).toFixed(decimals);
  const negative = fraction < 0 && Number(text) !== 0;
  return `${negative ? "-" : ""}${groupThousands(text.split(".")[0])}${decimals > 0 ? `.${text.split(".")[1]}` : ""}%`;
}

/** `76 -> "+76"`, `-8 -> "-8"`, `0 -> "0"`: a change with its sign, as the seed's tables write it. */
export function formatSignedCount(value: number): string {
  return value > 0 ? `+${formatCount(value)}` : formatCount(value);
}

/** `1 error`, `2 errors`: a count with its noun, plural when it is not one. */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : plural}`;
}
