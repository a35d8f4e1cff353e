import type { Finding } from "../core/findings";

/** A finding as written to JSON: one shape for a workbook's run, an extract's and the wards command's (the sheet is part of `cell`). */
export function findingJson(f: Finding): Record<string, unknown> {
  return {
    cell: f.cell,
    severity: f.severity,
    kind: f.kind,
    stated: f.stated,
    computed: f.computed,
    message: f.message,
  };
}
