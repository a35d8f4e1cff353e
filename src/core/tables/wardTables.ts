import type { DiscoveredTable } from "./table";

/** A label column of wards ("Ward", "Ward name", "WD22NM" aside, which codes catch). */
const WARD_HEADER = /\bwards?\b/i;
/**
 * A title that says its rows are wards ("Crime by ward", "Wards of Maidstone"), not one about a
 * single ward, as an intervention's tables are ("Town Centre team: High Street (intervention
 * ward)"): their rows are crime groups.
 */
const TITLE_OF_WARDS = /\b(?:by|per|each|every|across|all|in|of) wards?\b|\bwards\b/i;

/**
 * Whether a table says its rows are wards: by its label column, its title, or ward codes in its rows.
 *
 * @example
 * saysWards({ labelHeader: "Crime group", title: "Town Centre team: High Street (intervention ward)", rows: [] }) //= false
 * saysWards({ labelHeader: "Area", title: "Young offenders by ward", rows: [] }) //= true
 */
export function saysWards(table: Pick<DiscoveredTable, "labelHeader" | "title" | "rows">): boolean {
  return (
    WARD_HEADER.test(table.labelHeader) ||
    TITLE_OF_WARDS.test(table.title ?? "") ||
    table.rows.some((r) => /^[EW]05\d{6}$/.test(r.code ?? r.label))
  );
}
