/** How much a finding matters: an error is a wrong figure, a warning a doubtful one, info a note. */
export type Severity = "error" | "warning" | "info";

/** Something the analyst should know about one cell, with what was stated and what we computed. */
export interface Finding {
  readonly sheet: string;
  /** Sheet-qualified cell, `'Youth offenders'!B19`; empty when the finding is about a whole sheet. */
  readonly cell: string;
  readonly severity: Severity;
  readonly kind: string;
  readonly stated: number | string | null;
  readonly computed: number | string | null;
  /** The message, starting with the cell: `'Youth offenders'!B19: stated total 35 ...` */
  readonly message: string;
}

/**
 * Builds a finding whose message starts with its cell, in the project's one format.
 *
 * @example
 * finding("Crime", "Crime!B4", "warning", "not-a-number", '"x" is not a number').message //= 'Crime!B4: "x" is not a number'
 */
export function finding(
  sheet: string,
  cell: string,
  severity: Severity,
  kind: string,
  text: string,
  stated: number | string | null = null,
  computed: number | string | null = null,
): Finding {
  return { sheet, cell, severity, kind, stated, computed, message: cell ? `${cell}: ${text}` : `${sheet}: ${text}` };
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Errors first, then warnings, then info; stable within each.
 *
 * @example
 * sortFindings([finding("S", "S!A2", "info", "k", "a"), finding("S", "S!A1", "error", "k", "b")]).map((f) => f.cell) //= ["S!A1", "S!A2"]
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}
