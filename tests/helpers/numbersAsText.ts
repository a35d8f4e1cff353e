// A workbook's numbers stored as text, as a script that writes every value as a string leaves
// them: each number cell of each sheet becomes an inline string of the same digits. Built at
// test time from the file given (the shared files are never copied into the project).
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/** Cells of the form `<c …><v>12.5</v></c>` with no type (numbers) and no formula. */
const NUMBER_CELL = /<c ((?:(?!\bt=)[^>])*?)><v>([^<]*)<\/v><\/c>/g;

/** The workbook with every number cell turned into text, and how many were turned. */
export function withNumbersAsText(xlsx: Uint8Array): { bytes: Uint8Array; count: number } {
  const parts = unzipSync(xlsx);
  let count = 0;
  for (const name of Object.keys(parts)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(parts[name]).replace(NUMBER_CELL, (_, attributes: string, digits: string) => {
      count += 1;
      return `<c ${attributes} t="inlineStr"><is><t>${digits}</t></is></c>`;
    });
    parts[name] = strToU8(xml);
  }
  return { bytes: zipSync(parts), count };
}
