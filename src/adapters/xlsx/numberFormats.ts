import { attributeOf } from "./xmlText";
// Number formats as SpreadsheetML stores them: a cell's style points at a format id, which is
// either written in styles.xml (ids from 164) or one of the built-in ids below.

/** The built-in formats with a fixed code (ECMA-376 Part 1, §18.8.30); the others depend on locale. */
/**
 * A styles part's custom number formats by id, read with the package's one attribute reader
 * (attributes in any order or quote style, entities decoded), for the reader and the writer alike.
 */
export function customNumberFormats(stylesXml: string): Map<number, string> {
  const custom = new Map<number, string>();
  for (const [element] of stylesXml.matchAll(/<numFmt\s[^>]*>/g)) {
    const id = attributeOf(element, "numFmtId");
    const code = attributeOf(element, "formatCode");
    if (id !== null && code !== null && /^\d+$/.test(id)) custom.set(Number(id), code);
  }
  return custom;
}

export const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Built-in ids by format code, for writing. */
export const BUILT_IN_FORMAT_IDS: ReadonlyMap<string, number> = new Map(
  Object.entries(BUILT_IN_FORMATS).map(([id, code]) => [code, Number(id)]),
);

/**
 * True when a format shows a number as a date or time: it has a date or time letter once
 * colours, conditions, locales (`[...]`) and quoted text are taken out. This is the rule
 * ExcelJS applies, so both readers turn the same cells into dates.
 */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}
