import type { ParsedCell } from "../parse/parseNumber";
import type { Finding } from "../findings";
import type { Period } from "../parse/parsePeriod";

/** Where a value came from on the sheet (zero-based), so every finding can name its cell. */
export interface SourceCell {
  readonly row: number;
  readonly column: number;
}

/** A value column: a period (`2018/19`) or a category (`Female`, `Count`). */
export interface ValueColumn {
  readonly header: string;
  readonly headerCell: SourceCell;
  readonly period: Period | null;
  /** True when the header marks a rate, average or percentage, so no count test applies. */
  readonly nonCount: boolean;
  /** What the numbers are, from a published units row ("Numbers", "Rate per 1,000 population"). */
  readonly unit?: string | null;
  /** The group the column stands under in a two-row header ("Victim-based crime"). */
  readonly group?: string | null;
}

/** A derived column the analyst typed: a difference or a % change between the last two periods. */
export interface DerivedColumn {
  readonly header: string;
  readonly role: "difference" | "pctChange";
  readonly headerCell: SourceCell;
}

/** One row of a discovered table. */
export interface TableRow {
  readonly label: string;
  readonly labelCell: SourceCell;
  readonly aggregate: boolean;
  /** True for a total the core worked out because none was typed (see `withComputedTotal`). */
  readonly computed?: boolean;
  /** Parsed values aligned with the table's `columns`, and the cell each came from. */
  readonly values: readonly ParsedCell[];
  readonly valueCells: readonly SourceCell[];
  /** Stated derived values aligned with the table's `derived` columns. */
  readonly derived: readonly ParsedCell[];
  readonly derivedCells: readonly SourceCell[];
  /** The area's GSS code, when the table gives codes beside names (the label is then the name). */
  readonly code?: string;
  /** Footnote markers taken off the label ("7,8" of "ENGLAND AND WALES7,8"). */
  readonly notes?: readonly string[];
}

/** The one place a table's rows are about, and what it is to the partnership (an intervention's ward). */
export interface TablePlace {
  readonly name: string;
  /** "a comparison ward for the Town Centre team": said in each of its rows' sentences. */
  readonly role: string;
  /** True for a place the partnership's own changes are measured against: its sentences come after theirs. */
  readonly comparison: boolean;
}

/**
 * A table found on a sheet: a label column and value columns, in time order when the
 * columns are periods. `kind` is `months` when the rows are calendar months (a month series).
 */
export interface DiscoveredTable {
  readonly sheet: string;
  /** Sheet-qualified range of the table (header and rows, title excluded). */
  readonly range: string;
  readonly title: string | null;
  readonly labelHeader: string;
  readonly kind: "periods" | "categories" | "months";
  /** True when the sheet had periods down the rows and the table was turned round. */
  readonly transposed: boolean;
  readonly columns: readonly ValueColumn[];
  readonly derived: readonly DerivedColumn[];
  readonly rows: readonly TableRow[];
  /** What was noticed while reading it: missing, suppressed or unreadable values. */
  readonly findings: readonly Finding[];
  /** The table's unit, from a published units row. */
  readonly unit?: string;
  /** Footnote markers taken off its title, headers and labels. */
  readonly notes?: readonly string[];
  /** The one place its rows are about, when that is not the whole partnership. */
  readonly place?: TablePlace;
  /** True for a table of places compared for an evaluation (an intervention's wards), not the partnership's own. */
  readonly evaluation?: boolean;
}
