import type { EmergingWard } from "./emergingHotspots";

/** What a layer is made from: its counts by ward (aligned with the boundaries) and what they are of. */
export interface LayerInput {
  readonly id: string;
  readonly title: string;
  readonly sheet: string;
  readonly period: string | null;
  readonly source: "ward table" | "points";
  readonly counts: readonly number[];
  /** Wards the data does not mention (null count on the map, "no data"), by index. */
  readonly noData: readonly number[];
  /** The located records of a points layer (for drawing), weighted. */
  readonly points: readonly {
    readonly longitude: number;
    readonly latitude: number;
    readonly weight: number;
    readonly label: string;
  }[];
  /** Records outside every ward. */
  readonly outside: number;
  /** Emerging hot and cold spots, for a ward table of four periods or more: each ward's pattern over them. */
  readonly emerging: { readonly periods: readonly string[]; readonly wards: readonly EmergingWard[] } | null;
}

/**
 * Each period's counts by ward for a table that has fewer than four periods of its own (an
 * extract's crime by ward, which the extract also counts month by month), found by its title.
 */
export interface PeriodCounts {
  readonly title: string;
  readonly periods: readonly string[];
  readonly wards: readonly { readonly name: string; readonly counts: readonly number[] }[];
}
