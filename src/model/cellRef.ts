/** `0 -> A`, `25 -> Z`, `26 -> AA`: the column letters of a zero-based column index. */
export function columnLetters(columnIndex: number): string {
  let letters = "";
  let n = columnIndex + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `A1` style address of a zero-based row and column. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** A sheet name as Excel writes it in a reference: quoted when it holds anything but letters, digits and `_`. */
export function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `'Youth offenders'!B19`: a sheet-qualified reference to one cell. */
export function sheetCellRef(sheet: string, row: number, column: number): string {
  return `${quoteSheetName(sheet)}!${cellAddress(row, column)}`;
}

/** `Sheet1!A1:D14`: a sheet-qualified reference to a rectangle. */
export function sheetRangeRef(sheet: string, top: number, left: number, bottom: number, right: number): string {
  return `${quoteSheetName(sheet)}!${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
}

/** The zero-based column of column letters (`A` is 0, `AA` is 26): the inverse of `columnLetters`. */
export function columnOfLetters(letters: string): number {
  let column = 0;
  for (let i = 0; i < letters.length; i += 1) column = column * 26 + letters.charCodeAt(i) - 64;
  return column - 1;
}
