import Flatbush from "flatbush";
import type { WardBoundaries } from "./boundaries";
import { PreparedPolygon } from "./preparedPolygon";

/** A point to count in a ward: a record, or a row standing for several (`weight`). */
export interface WeightedPoint {
  readonly longitude: number;
  readonly latitude: number;
  readonly weight?: number;
  /** The cell it was read from, named when it lies in no ward. */
  readonly cell?: string;
}

/** Points counted by ward. */
export interface WardCounts {
  readonly counts: number[];
  readonly outside: number;
  readonly outsideCells: readonly string[];
}

/**
 * Assigns points to wards: a flatbush R-tree over ward bounding boxes narrows each point to a
 * few candidates, then an exact point-in-polygon test (PreparedPolygon) decides. A point on a
 * border shared by two wards goes to exactly one of them (the one to its east, or north),
 * the same every time. Cost: O(log W + candidates × edges in one band) per point.
 */
export class WardLocator {
  private readonly index: Flatbush;
  private readonly polygons: PreparedPolygon[];

  constructor(private readonly boundaries: WardBoundaries) {
    this.polygons = boundaries.wards.map((w) => new PreparedPolygon(w.geometry));
    this.index = new Flatbush(Math.max(1, boundaries.wards.length));
    for (const ward of boundaries.wards) this.index.add(ward.bbox[0], ward.bbox[1], ward.bbox[2], ward.bbox[3]);
    if (boundaries.wards.length === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
  }

  /** The index of the ward holding (longitude, latitude), or -1 when the point is in no ward. */
  locate(longitude: number, latitude: number): number {
    const candidates = this.index.search(longitude, latitude, longitude, latitude);
    for (const i of candidates) {
      if (this.polygons[i]?.contains(longitude, latitude)) return i;
    }
    return -1;
  }

  /**
   * Counts points (or `[longitude, latitude]` pairs) per ward, aligned with the boundaries'
   * wards, each by its weight (1 when it has none), and those in no ward, with the cells of the
   * first few for a finding.
   */
  count(points: Iterable<WeightedPoint | readonly [number, number]>): WardCounts {
    const counts = new Array<number>(this.boundaries.wards.length).fill(0);
    let outside = 0;
    const outsideCells: string[] = [];
    for (const item of points) {
      const p: WeightedPoint = "longitude" in item ? item : { longitude: item[0], latitude: item[1] };
      const ward = this.locate(p.longitude, p.latitude);
      const weight = p.weight ?? 1;
      if (ward >= 0) counts[ward] += weight;
      else {
        outside += weight;
        if (p.cell && outsideCells.length < 3) outsideCells.push(p.cell);
      }
    }
    return { counts, outside, outsideCells };
  }
}
