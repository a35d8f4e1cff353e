import type { Finding } from "../findings";
import type { DiscoveredTable } from "../tables/table";
import type { ChangeStatus } from "./compareValues";
import type { MonthSeries } from "./monthSeries";
import type { Significance } from "./significance";

// What computing a table gives: values only, so the steps after it (the audit, the home area's
// standing) make new results rather than change these, and nothing here imports a step.

/** One row of a table with everything the core works out for it. */
export interface RowResult {
  readonly label: string;
  readonly aggregate: boolean;
  /** Values aligned with the table's columns (periods in time order); `null` when missing. */
  readonly values: readonly (number | null)[];
  /** Newest period against the one before (null for category tables). */
  readonly change: number | null;
  readonly pctChange: number | null;
  readonly status: ChangeStatus;
  /** Changes between every pair of consecutive periods, oldest first. */
  readonly steps: readonly {
    readonly change: number | null;
    readonly pctChange: number | null;
    readonly status: ChangeStatus;
  }[];
  /** Share of the latest total of the data rows (aggregate rows get none). */
  readonly share: number | null;
  readonly rank: number | null;
  readonly cumulativeShare: number | null;
  readonly significance: Significance | null;
}

/** A discovered table with its computed rows, audit findings and, for month tables, the series. */
export interface TableResult {
  readonly table: DiscoveredTable;
  readonly rows: readonly RowResult[];
  /** Sum of the data rows per column (what an aggregate row should say). */
  readonly columnTotals: readonly (number | null)[];
  readonly months: MonthSeries | null;
  /** The table's own findings and, for a table the analyst typed, its audit (`auditedTable`). */
  readonly findings: readonly Finding[];
  /** Where the run's home area stands in this table of areas, when it is one of its rows. */
  readonly homeArea?: HomeAreaStanding;
}

/** Where the home area stands in one table of areas (the seed's "highest in the whole of Kent"). */
/**
 * Where the partnership's own area stands among its peers, in one shape for both: a table of
 * areas (`HomeAreaStanding`) and a force's districts from record-level data (`DistrictStanding`).
 */
export interface AreaStanding {
  /** Among the areas, 1 the highest, of `of`. */
  readonly rank: number;
  readonly of: number;
  /** A 95% interval for the rank from the Poisson uncertainty of the counts; null when they are not counts. */
  readonly rankInterval: readonly [number, number] | null;
  /** The sentence that says the standing, as the headlines and the report give it. */
  readonly sentence: string;
}

export interface HomeAreaStanding extends AreaStanding {
  readonly label: string;
  readonly code: string | null;
  /** The column ranked: the newest period, or a one-period table's first column. */
  readonly column: string;
  readonly value: number;
  readonly pctChange: number | null;
  readonly change: number | null;
  /** The table's total row, or the parent area's row (England and Wales for a force). */
  readonly aggregateLabel: string | null;
  readonly aggregateValue: number | null;
  readonly aggregatePctChange: number | null;
}
