/**
 * Words that mark a row as an aggregate of the rows around it, never a data row. Any run of
 * white space may stand between words and around them, so labels need no tidying first
 * (this is tested on every row of every table).
 */
const AGGREGATE =
  /^\s*(total|totals|grand\s+total|sub-?total|overall(?:\s+total)?|sum|all|all\s+(?:kent|districts|boroughs|wards|areas|ages|persons|people|categories|types)|kent|kent\s+total|borough\s+total|county\s+total|district\s+total|[\s\S]+\s+total)\s*$/i;

/**
 * True for `Total`, `TOTAL`, `All Kent`, `Grand total`, `Borough total`, ...
 *
 * @example
 * isAggregateLabel("All Kent") //= true
 * isAggregateLabel("Ashford") //= false
 */
export function isAggregateLabel(label: string): boolean {
  return AGGREGATE.test(label);
}

/**
 * True for a grand total (a total over every data row, even where subtotals stand above it).
 *
 * @example
 * isGrandTotalLabel("Grand total") //= true
 * isGrandTotalLabel("Sub-total") //= false
 */
export function isGrandTotalLabel(label: string): boolean {
  return /^(grand total|all kent|kent|kent total|overall(?: total)?)$/i.test(label.trim());
}

/** What a non-period column header says the column holds. */
export type HeaderRole = "difference" | "pctChange" | "comment" | "coordinate" | null;

/**
 * Reads `Difference`, `Change`, `% change`, `% change from previous year`, `Comments`, ...
 *
 * @example
 * headerRole("% change") //= "pctChange"
 * headerRole("Difference") //= "difference"
 * headerRole("Comments") //= "comment"
 */
export function headerRole(header: string): HeaderRole {
  const h = header.replace(/\s+/g, " ").trim().toLowerCase();
  if (h === "") return null;
  // Coordinates locate records for the map; they are not figures to compare.
  if (/^(lat|latitude|lon|long|lng|longitude|easting|eastings|northing|northings|x|y)$/.test(h)) return "coordinate";
  const percent = /%|per ?cent|percentage/.test(h);
  const change =
    /\b(change|difference|diff|increase|decrease|variance|var|movement)\b/.test(h) || /^\+\/[-\u2212]/.test(h);
  if (percent && change) return "pctChange";
  if (change && !percent) return "difference";
  if (/\b(comments?|notes?|update|status|remarks?|explanation|context|source|rationale|measure|narrative)\b/.test(h))
    return "comment";
  return null;
}

/**
 * True when a header marks the column as a rate, average or percentage rather than a count.
 *
 * @example
 * isNonCountHeader("Rate per 1,000") //= true
 * isNonCountHeader("Offences") //= false
 */
export function isNonCountHeader(header: string): boolean {
  return /\b(avg|average|mean|rate|per|ratio|median|index)\b|%|percent/i.test(header);
}
