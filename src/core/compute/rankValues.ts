/** Indexes of the non-null values, in input order. */
function presentIndexes(values: readonly (number | null)[]): number[] {
  const indexes: number[] = [];
  for (let i = 0; i < values.length; i += 1) if (values[i] !== null) indexes.push(i);
  return indexes;
}

/**
 * Competition ranks ("1224") of values, highest first; `null` values get no rank. Ties share
 * a rank, and the order among tied values is their order in the input, so a rerun agrees.
 *
 * @example
 * rankValues([4, 9, 4, null, 1]) //= [2, 1, 2, null, 4]
 */
export function rankValues(values: readonly (number | null)[]): (number | null)[] {
  // Indexes sorted, not {value, index} pairs: tables run to a hundred thousand rows. The sort
  // is stable, so tied values keep their input order.
  const order = presentIndexes(values).sort((a, b) => (values[b] as number) - (values[a] as number));
  const ranks: (number | null)[] = new Array<number | null>(values.length).fill(null);
  order.forEach((index, position) => {
    const previous = order[position - 1];
    ranks[index] = previous !== undefined && values[previous] === values[index] ? ranks[previous] : position + 1;
  });
  return ranks;
}

/**
 * For each value, the share of the total held by it and every value ranked above it
 * ("these six wards accounted for 42.5%"), following the rank order.
 *
 * @example
 * cumulativeShares([50, 30, 20], [1, 2, 3]) //= [0.5, 0.8, 1]
 */
export function cumulativeShares(
  values: readonly (number | null)[],
  ranks: readonly (number | null)[],
): (number | null)[] {
  const total = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  const result: (number | null)[] = new Array<number | null>(values.length).fill(null);
  if (!(total > 0) || !Number.isFinite(total)) return result;
  const ranked = values.map((v, i) => (ranks[i] === null ? null : v));
  const order = presentIndexes(ranked).sort((a, b) => (ranks[a] as number) - (ranks[b] as number));
  let running = 0;
  for (const index of order) {
    running += values[index] as number;
    result[index] = Number.isFinite(running) ? running / total : null;
  }
  return result;
}
