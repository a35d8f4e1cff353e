/**
 * `JSON.stringify(object, null, 2)` written piece by piece: the arrays named in `streamed` are
 * produced item by item (each item serialised and let go), so a result with a hundred thousand
 * table rows never holds its whole JSON text, nor all its row objects, at once. The text is the
 * same, byte for byte, as stringifying the whole (a test holds it to that).
 */
export function* jsonChunks(
  object: Record<string, unknown>,
  streamed: ReadonlyMap<string, () => Iterable<unknown>>,
): Generator<string> {
  const nested = (value: unknown, indent: string): string =>
    (JSON.stringify(value, null, 2) ?? "null").replace(/\n/g, `\n${indent}`);
  const keys = Object.keys(object).filter(
    (k) => streamed.has(k) || (object[k] !== undefined && typeof object[k] !== "function"),
  );
  if (keys.length === 0) {
    yield "{}";
    return;
  }
  yield "{";
  for (let k = 0; k < keys.length; k += 1) {
    const key = keys[k];
    yield `${k === 0 ? "" : ","}\n  ${JSON.stringify(key)}: `;
    const items = streamed.get(key);
    if (!items) {
      yield nested(object[key], "  ");
      continue;
    }
    let first = true;
    for (const item of items()) {
      yield `${first ? "[" : ","}\n    ${nested(item === undefined || typeof item === "function" ? null : item, "    ")}`;
      first = false;
    }
    yield first ? "[]" : "\n  ]";
  }
  yield "\n}";
}
