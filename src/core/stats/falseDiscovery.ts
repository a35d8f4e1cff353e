/**
 * Benjamini–Hochberg adjusted p-values, in the order given: each the smallest false discovery
 * rate at which its test would be called. Written here because simple-statistics has no
 * multiple-testing correction and it is a sort and one pass.
 *
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03]) //= [0.03, 0.04, 0.04]
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const n = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(n);
  let running = 1;
  for (let k = n - 1; k >= 0; k -= 1) {
    running = Math.min(running, (order[k].p * n) / (k + 1));
    adjusted[order[k].i] = Math.min(1, running);
  }
  return adjusted;
}
