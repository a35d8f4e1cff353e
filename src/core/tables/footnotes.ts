/** Text with the footnote markers a publication glued to it taken off, and what was taken. */
export interface Footnoted {
  readonly text: string;
  /** The markers as written: `7,8`, `note 3`, `x`. */
  readonly notes: readonly string[];
}

// ONS and Home Office tables glue footnote numbers to the word before them ("Surrey7",
// "ENGLAND AND WALES7,8", "(excluding fraud3)", "(mid-2017)3") and write newer notes in brackets
// ("[note 3]", "[x]"). A glued number follows a word of three letters or more, or a closing
// bracket, so "Table P1", "A229",
// "M25" and "Q1" keep theirs; a number after a space or a hyphen ("Year 10", "Mid-2019",
// "Under 18") is never a marker.
// A footnote number never starts with 0: "2017-1800" is a span of years, not 2017-18 and note 00.
const NOTE = "[1-9]\\d?(?:\\s?,\\s?[1-9]\\d?)*";
const GLUED = new RegExp(`([A-Za-z]{3,}|\\))(${NOTE})(?=$|[\\s)\\].,;:])`, "g");
const BRACKETED = /\s*\[(note\s*\d+(?:\s*,\s*\d+)*|[a-z]{1,3})\]/gi;
const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
// A year glued to its notes after a month: "December 20191,2" is 2019 and notes 1,2;
// "December 181,2" is '18 and notes 1,2 (a year of two digits, then the notes).
const MONTH_YEAR = new RegExp(`\\b(${MONTH}\\s+'?)((?:19|20)\\d{2}|\\d{2})(${NOTE})(?=$|[\\s)\\].,;:])`, "gi");

// Notes glued to a financial year are written tight ("2018/193"); "2019 - 200" is two numbers.
const YEAR_SPAN_NOTES = new RegExp(`\\b((?:19|20)\\d{2})([-/])(\\d{2}${NOTE})(?=$|[\\s)\\].,;:])`, "g");
const YEAR_AT_END = new RegExp(`(?<=\\bto\\s+|[-\\u2013]\\s*)((?:19|20)\\d{2})(${NOTE})$`, "i");

/**
 * Takes footnote markers off a label, header or title as ONS and the Home Office publish them,
 * and folds its white space (published headers break lines inside cells).
 *
 * @example
 * stripFootnotes("ENGLAND AND WALES7,8") //= { text: "ENGLAND AND WALES", notes: ["7,8"] }
 * stripFootnotes("Table P1") //= { text: "Table P1", notes: [] }
 */
export function stripFootnotes(raw: string): Footnoted {
  const notes: string[] = [];
  let text = raw.replace(/\s+/g, " ").trim();
  if (!/\d|\[/.test(text)) return { text, notes };
  text = text.replace(BRACKETED, (_, note: string) => {
    notes.push(note.trim());
    return "";
  });
  text = text.replace(MONTH_YEAR, (whole, month: string, year: string, note: string) => {
    // Only a month and a year of 19xx/20xx (or two digits) followed by more digits: otherwise as written.
    if (year.length === 2 && /^(19|20)$/.test(year) && note.length >= 2) return whole;
    // Two digits then more are a year and notes only when the year is marked ("Dec '181") or the
    // notes are a list ("December 181,2"): "Oct 100" is as written.
    if (year.length === 2 && !month.endsWith("'") && !note.includes(",")) return whole;
    notes.push(note.replace(/\s/g, ""));
    return `${month}${year}`;
  });
  // A financial year with notes after it: "2018/193" is 2018/19 and note 3 ("2018/2019" stays).
  text = text.replace(YEAR_SPAN_NOTES, (whole, start: string, separator: string, rest: string) => {
    const end = rest.slice(0, 2);
    const consecutive = (Number(start.slice(2)) + 1) % 100 === Number(end);
    const fourDigit = rest.length === 4 && Number(rest) === Number(start) + 1;
    // Four digits after the separator are a year ("2019 - 2000"), never a year and its notes.
    if (!consecutive || fourDigit || rest.length < 3 || /^(19|20)\d\d$/.test(rest)) return whole;
    notes.push(rest.slice(2).replace(/\s/g, ""));
    return `${start}${separator}${end}`;
  });
  // A closing year with notes after it: "2002 to 20161" is 2016 and note 1.
  text = text.replace(YEAR_AT_END, (_, year: string, note: string) => {
    notes.push(note.replace(/\s/g, ""));
    return year;
  });
  text = text.replace(GLUED, (_, word: string, note: string) => {
    notes.push(note.replace(/\s/g, ""));
    return word;
  });
  return { text: text.replace(/\s+/g, " ").trim(), notes };
}

/**
 * Text with a publication's footnote markers taken off ("Surrey7", "Total3", "2018/19 [x]").
 * Only text where a digit follows a letter, a bracket or an apostrophe, three digits run
 * together or a bracket opens can hold one: anything else ("Category 12") is returned as it
 * is, on the per-row path.
 */
const MAY_HAVE_NOTES = /[A-Za-z)'’]\d|\d{3}|\[/;
export const withoutFootnotes = (text: string): string =>
  MAY_HAVE_NOTES.test(text) ? stripFootnotes(text).text : text;

/** A GSS code: the ONS code of a ward, district, CSP, force, region or country (a letter, then eight digits). */
export const GSS_CODE = /^[EWSNK]\d{8}$/;
// A code with a note's number written straight after it ("E230000118": E23000011 and note 8;
// "W150000041,2": W15000004 and notes 1,2), as ONS tables sometimes print them.
const GLUED_CODE = new RegExp(`^([EWSNK]\\d{8})(${NOTE})$`);

/**
 * An area code as ONS and the Home Office print it, with any footnote number glued to it taken
 * off; null for text that is not a code.
 *
 * @example
 * areaCode("E230000118") //= { code: "E23000011", notes: ["8"] }
 * areaCode(" E07000110 ") //= { code: "E07000110", notes: [] }
 * areaCode("Kent") //= null
 */
export function areaCode(raw: string): { readonly code: string; readonly notes: readonly string[] } | null {
  const text = raw.trim();
  if (GSS_CODE.test(text)) return { code: text, notes: [] };
  const glued = GLUED_CODE.exec(text);
  return glued ? { code: glued[1], notes: [glued[2].replace(/\s/g, "")] } : null;
}
