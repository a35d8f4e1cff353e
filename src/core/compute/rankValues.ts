/**
 * Competition ranks ("1224") of values, highest first; `null` values get no rank. Ties share
 * a rank, and the order among tied values is their order in the input, so a rerun agrees.
 *
 * @example
 * rankValues([4, 9, 4, null, 1]) //= [2, 1, 2, null, 4]
 */
export function rankValues(values: readonly (number | null)[]): (number | null)[] {
  const order = values
    .map((value, index) => ({ value, index }))
    .filter((e): e is { value: number; index: number } => e.value !== null)
    .sort((a, b) => b.value - a.value || a.index - b.index);
  const ranks: (number | null)[] = values.map(() => null);
  order.forEach((e, position) => {
    const previous = order[position - 1];
    ranks[e.index] = previous && previous.value === e.value ? (ranks[previous.index] as number) : position + 1;
  });
  return ranks;
}

/**
 * For each value, the share of the total held by it and every value ranked above it
 * ("these six wards accounted for 42.5%"), following the rank order.
 */
export function cumulativeShares(values: readonly (number | null)[], ranks: readonly (number | null)[]): (number | null)[] {
  const total = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  const result: (number | null)[] = values.map(() => null);
  if (!(total > 0) || !Number.isFinite(total)) return result;
  const order = values
    .map((value, index) => ({ value, index, rank: ranks[index] }))
    .filter((e) => e.value !== null && e.rank !== null)
    .sort((a, b) => (a.rank as number) - (b.rank as number) || a.index - b.index);
  let running = 0;
  for (const e of order) {
    running += e.value as number;
    result[e.index] = Number.isFinite(running) ? running / total : null;
  }
  return result;
}
