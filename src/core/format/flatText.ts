/**
 * A template literal built as one flat string: `flat\`${name} rose by ${pct}\``.
 *
 * Plain template literals and `+` leave V8 a rope of linked pieces (cons strings), a dozen
 * per sentence. A large workbook keeps a hundred thousand headline sentences until they are
 * written, and as ropes they are over a million objects for the garbage collector to trace;
 * `join` copies the pieces into one string instead.
 */
export function flat(strings: TemplateStringsArray, ...values: readonly (string | number)[]): string {
  const parts: (string | number)[] = [strings[0]];
  for (let i = 0; i < values.length; i += 1) parts.push(values[i], strings[i + 1]);
  return parts.join("");
}
