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

/**
 * A choice made for the run that the data cannot take (a category the extract does not have):
 * the command line reports it as a wrong call, the pane as a message beside the choice.
 */
export class OptionError extends Error {
  /**
   * @param message in the data's terms ("the category to profile must be one of: …")
   * @param option the run's choice it is about (`category`), for a host to name its own control
   */
  constructor(
    message: string,
    readonly option: string | null = null,
  ) {
    super(message);
    this.name = "OptionError";
  }
}
