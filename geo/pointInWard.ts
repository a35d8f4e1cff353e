import Flatbush from "flatbush";
import type { WardBoundaries } from "./boundaries";
import { PreparedPolygon } from "./preparedPolygon";

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

  /** Counts points per ward (aligned with the boundaries' wards) and those in no ward. */
  count(points: Iterable<readonly [number, number]>): { counts: number[]; outside: number } {
    const counts = new Array<number>(this.boundaries.wards.length).fill(0);
    let outside = 0;
    for (const [lon, lat] of points) {
      const ward = this.locate(lon, lat);
      if (ward < 0) outside += 1;
      else counts[ward] += 1;
    }
    return { counts, outside };
  }
}
