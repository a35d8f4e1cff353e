/**
 * Bad input that the analyst can fix: it names the sheet and cell, so the message can be
 * shown as it is (`"'Youth offenders'!B19: a total requires numbers"`).
 */
export class InputError extends Error {
  readonly cell: string | null;

  constructor(cell: string | null, message: string) {
    super(cell ? `${cell}: ${message}` : message);
    this.name = "InputError";
    this.cell = cell;
  }
}
