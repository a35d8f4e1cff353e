import { isEmptyCell } from "../../model/cellValue";
import { parsePeriod } from "../parse/parsePeriod";
import { type Matrix, norm, range, rowCells, valueAt } from "./blockMatrix";

/**
 * Columns where a second table starts on the same header row (repeated label header or
 * periods). A period repeated after an empty spacer column is not a second table: with nothing
 * to label its rows, it is the same table's next group of columns.
 */
export function sideBySideSplits(m: Matrix, headerRow: number): number[] {
  const header = rowCells(m, headerRow);
  const spacer = (j: number): boolean =>
    range(headerRow, m.lines.length - 1).every((i) => isEmptyCell(valueAt(m, i, j)));
  const splits: number[] = [];
  let start = 0;
  const first = (): string => norm(header[start].value);
  for (let j = start + 1; j < header.length; j += 1) {
    const text = norm(header[j].value);
    if (text !== "" && text === first() && j > start + 1) {
      splits.push(j);
      start = j;
      continue;
    }
    const period = parsePeriod(header[j].value);
    if (!period) continue;
    for (let i = start + 1; i < j - 1; i += 1) {
      const earlier = parsePeriod(header[i].value);
      if (
        earlier &&
        earlier.order === period.order &&
        earlier.kind === period.kind &&
        !parsePeriod(header[j - 1].value) &&
        !spacer(j - 1)
      ) {
        splits.push(j - 1);
        start = j - 1;
        break;
      }
    }
  }
  return splits;
}
