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

// The answer grid: GRID × GRID cells over the wards' extent. A cell no edge of any ward crosses
// lies wholly inside one ward (or wholly outside them all), so its points need no polygon test.
const GRID = 256;
const MIXED = -2;

interface AnswerGrid {
  readonly x0: number;
  readonly y0: number;
  readonly perX: number;
  readonly perY: number;
  /** Per cell: the ward every point of it lies in, -1 for none, or MIXED (an edge crosses it). */
  readonly cells: Int16Array;
}

/**
 * Marks every cell an edge's bounding box touches as mixed (an edge lies within its own box, so
 * a cell left unmarked has no edge in it), then answers each other cell by its centre.
 */
function answerGrid(boundaries: WardBoundaries, exactly: (x: number, y: number) => number): AnswerGrid {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const w of boundaries.wards) {
    x0 = Math.min(x0, w.bbox[0]);
    y0 = Math.min(y0, w.bbox[1]);
    x1 = Math.max(x1, w.bbox[2]);
    y1 = Math.max(y1, w.bbox[3]);
  }
  const cells = new Int16Array(GRID * GRID).fill(MIXED);
  if (!(x1 > x0 && y1 > y0)) return { x0: 0, y0: 0, perX: 0, perY: 0, cells };
  const perX = GRID / (x1 - x0);
  const perY = GRID / (y1 - y0);
  const clamp = (v: number): number => Math.min(GRID - 1, Math.max(0, v));
  const edged = new Uint8Array(GRID * GRID);
  for (const w of boundaries.wards) {
    const rings = w.geometry.type === "Polygon" ? w.geometry.coordinates : w.geometry.coordinates.flat();
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i += 1) {
        const [ax, ay] = ring[i];
        const [bx, by] = ring[i + 1];
        const c0 = clamp(Math.floor((Math.min(ax, bx) - x0) * perX));
        const c1 = clamp(Math.floor((Math.max(ax, bx) - x0) * perX));
        const r0 = clamp(Math.floor((Math.min(ay, by) - y0) * perY));
        const r1 = clamp(Math.floor((Math.max(ay, by) - y0) * perY));
        for (let r = r0; r <= r1; r += 1) for (let c = c0; c <= c1; c += 1) edged[r * GRID + c] = 1;
      }
    }
  }
  for (let r = 0; r < GRID; r += 1) {
    for (let c = 0; c < GRID; c += 1) {
      if (!edged[r * GRID + c]) cells[r * GRID + c] = exactly(x0 + (c + 0.5) / perX, y0 + (r + 0.5) / perY);
    }
  }
  return { x0, y0, perX, perY, cells };
}

/**
 * Assigns points to wards: a flatbush R-tree over ward bounding boxes narrows each point to a
 * few candidates, then an exact point-in-polygon test (PreparedPolygon) decides. A point on a
 * border shared by two wards goes to exactly one of them (the one to its east, or north),
 * the same every time. Cost: O(log W + candidates × edges in one band) per point, and for most
 * points none of it: a grid of answers over the wards' extent gives the ward of any point in a
 * cell that no border crosses straight away.
 */
export class WardLocator {
  private readonly index: Flatbush;
  private readonly polygons: PreparedPolygon[];
  private readonly grid: AnswerGrid;

  constructor(private readonly boundaries: WardBoundaries) {
    this.polygons = boundaries.wards.map((w) => new PreparedPolygon(w.geometry));
    this.index = new Flatbush(Math.max(1, boundaries.wards.length));
    for (const ward of boundaries.wards) this.index.add(ward.bbox[0], ward.bbox[1], ward.bbox[2], ward.bbox[3]);
    if (boundaries.wards.length === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
    this.grid = answerGrid(boundaries, (x, y) => this.exactly(x, y));
  }

  /** The index of the ward holding (longitude, latitude), or -1 when the point is in no ward. */
  locate(longitude: number, latitude: number): number {
    const g = this.grid;
    const column = Math.floor((longitude - g.x0) * g.perX);
    const row = Math.floor((latitude - g.y0) * g.perY);
    if (column >= 0 && column < GRID && row >= 0 && row < GRID) {
      const answer = g.cells[row * GRID + column];
      if (answer !== MIXED) return answer;
    }
    return this.exactly(longitude, latitude);
  }

  /** The exact test: the R-tree's candidates, then each one's prepared polygon. */
  private exactly(longitude: number, latitude: number): number {
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
