import type { MultiPolygon, Polygon } from "geojson";

const BANDS = 32;

/**
 * A polygon prepared for fast point-in-polygon tests: its edges are sorted into horizontal
 * bands, so a test reads the few edges in one band instead of all of them.
 *
 * Written here rather than calling @turf/boolean-point-in-polygon per point because turf
 * normalises its inputs and scans every edge on each call, which caps it well below the
 * millions of points a second ward counts need; the crossing-number test itself is standard.
 * The half-open rule ((y1 > y) ≠ (y2 > y), x < crossing) gives a point on a border shared by
 * two polygons to exactly one of them: the one to its east, or north on an east–west border.
 */
export class PreparedPolygon {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  private readonly edges: Float64Array;
  private readonly bandStart: Uint32Array;
  private readonly bandEdges: Uint32Array;
  private readonly bandHeight: number;

  constructor(geometry: Polygon | MultiPolygon) {
    const rings = geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
    const coords: number[] = [];
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i += 1) {
        const [x1, y1] = ring[i];
        const [x2, y2] = ring[i + 1];
        coords.push(x1, y1, x2, y2);
        minX = Math.min(minX, x1, x2);
        minY = Math.min(minY, y1, y2);
        maxX = Math.max(maxX, x1, x2);
        maxY = Math.max(maxY, y1, y2);
      }
    }
    this.edges = Float64Array.from(coords);
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    this.bandHeight = (maxY - minY) / BANDS || 1;
    const lists: number[][] = Array.from({ length: BANDS }, () => []);
    for (let e = 0; e < this.edges.length / 4; e += 1) {
      const lo = Math.min(this.edges[4 * e + 1], this.edges[4 * e + 3]);
      const hi = Math.max(this.edges[4 * e + 1], this.edges[4 * e + 3]);
      for (let b = this.band(lo); b <= this.band(hi); b += 1) lists[b].push(e);
    }
    this.bandStart = new Uint32Array(BANDS + 1);
    lists.forEach((list, b) => {
      this.bandStart[b + 1] = this.bandStart[b] + list.length;
    });
    this.bandEdges = Uint32Array.from(lists.flat());
  }

  private band(y: number): number {
    return Math.max(0, Math.min(BANDS - 1, Math.floor((y - this.minY) / this.bandHeight)));
  }

  /** True when (x, y) is inside (east and north borders included, west and south excluded). */
  contains(x: number, y: number): boolean {
    if (x < this.minX || x > this.maxX || y < this.minY || y > this.maxY) return false;
    const b = this.band(y);
    const edges = this.edges;
    let inside = false;
    for (let k = this.bandStart[b]; k < this.bandStart[b + 1]; k += 1) {
      const e = 4 * this.bandEdges[k];
      const y1 = edges[e + 1];
      const y2 = edges[e + 3];
      if (y1 > y !== y2 > y) {
        const x1 = edges[e];
        const crossing = x1 + ((y - y1) * (edges[e + 2] - x1)) / (y2 - y1);
        if (x < crossing) inside = !inside;
      }
    }
    return inside;
  }
}
