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
      yield* valueChunks(object[key], "  ");
      continue;
    }
    let first = true;
    for (const item of items()) {
      yield `${first ? "[" : ","}\n    `;
      yield* valueChunks(item === undefined || typeof item === "function" ? null : item, "    ");
      first = false;
    }
    yield first ? "[]" : "\n  ]";
  }
  yield "\n}";
}

/** Arrays longer than this are written an item at a time (each item's JSON made and let go). */
const LONG = 64;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** A value that holds a long array, where writing it whole would make one large string. */
function holdsLongArray(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > LONG;
  return isPlainObject(value) && Object.values(value).some((v) => Array.isArray(v) && v.length > LONG);
}

/**
 * `JSON.stringify(value, null, 2)` at `indent`, in pieces: a long array, or a plain object
 * holding one (a table and its rows), is written member by member, so no piece is larger than
 * one row's JSON; anything else is stringified whole, natively. A large table's JSON text as
 * one string, with its indented copy, went straight to V8's large-object space and stayed
 * there until a full collection: a tenth of a gigabyte more at the peak for a large workbook.
 */
function* valueChunks(value: unknown, indent: string): Generator<string> {
  if (!holdsLongArray(value)) {
    yield (JSON.stringify(value, null, 2) ?? "null").replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    yield "[";
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      yield `${i === 0 ? "" : ","}\n${inner}`;
      yield* valueChunks(item === undefined || typeof item === "function" ? null : item, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).filter((k) => object[k] !== undefined && typeof object[k] !== "function");
  yield "{";
  for (let i = 0; i < keys.length; i += 1) {
    yield `${i === 0 ? "" : ","}\n${inner}${JSON.stringify(keys[i])}: `;
    yield* valueChunks(object[keys[i]], inner);
  }
  yield `\n${indent}}`;
}
