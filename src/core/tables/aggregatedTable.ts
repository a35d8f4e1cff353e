import type { Period } from "../parse/parsePeriod";
import type { DiscoveredTable, SourceCell } from "./table";

/** One row of counts added up from a sheet's records or cells. */
export interface AggregatedRow {
  readonly label: string;
  readonly values: readonly number[];
  readonly aggregate?: boolean;
  /** The area's GSS code, when the rows are areas given by code as well as by name. */
  readonly code?: string;
  /** Where the row's label was first read, when it was read from a cell. */
  readonly labelCell?: SourceCell;
}

/** Where an aggregated table stands: its range, and the cell its values are counted from. */
export interface AggregatedPlace {
  readonly range: string;
  readonly origin: SourceCell;
}

// Aggregated tables have no cell of their own for a value: every value points at the origin
// (the records' first cell, or the column whose cells were added up), and nothing is audited,
// since nothing was typed.
const RECORDS_ORIGIN: SourceCell = { row: 0, column: 0 };

/**
 * A table the core computes like any discovered one, from counts added up from a sheet: a
 * record-level extract's records, or the month columns of a published table.
 */
export function aggregatedTable(
  sheet: string,
  title: string,
  labelHeader: string,
  periods: readonly Period[],
  rows: readonly AggregatedRow[],
  place: AggregatedPlace = { range: `${sheet} (records)`, origin: RECORDS_ORIGIN },
  kind: DiscoveredTable["kind"] = "periods",
): DiscoveredTable {
  const { origin } = place;
  return {
    sheet,
    range: place.range,
    title,
    labelHeader,
    kind,
    transposed: false,
    columns: periods.map((period) => ({ header: period.label, headerCell: origin, period, nonCount: false })),
    derived: [],
    rows: rows.map((row) => ({
      label: row.label,
      labelCell: row.labelCell ?? origin,
      aggregate: row.aggregate ?? false,
      values: row.values.map((value) => ({ kind: "number", value, isPercent: false, decimals: 0 })),
      valueCells: row.values.map(() => origin),
      derived: [],
      derivedCells: [],
      ...(row.code ? { code: row.code } : {}),
    })),
    findings: [],
  };
}
