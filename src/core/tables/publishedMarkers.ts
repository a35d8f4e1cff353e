import { sheetRangeRef } from "../../model/cellRef";
import { type Finding, finding } from "../findings";
import type { ParsedCell } from "../parse/parseNumber";

/**
 * A bound on a small count ("<5", "< 10") says something about that one cell, so it is named
 * cell by cell; the publication's markers for figures not available (`..`, `-`, `:`, `x`,
 * `[c]`, arrows) fill whole columns of published tables and are counted once per table.
 */
const BOUND = /^<\s*\d/;

/** True for a cell holding a publication's marker in place of a number. */
export function isPublishedMarker(cell: ParsedCell): boolean {
  return cell.kind === "missing" && cell.reason === "suppressed" && !BOUND.test(cell.text);
}

/** Marker texts seen in one table, and how often each. */
export class MarkerTally {
  readonly #counts = new Map<string, number>();

  add(text: string): void {
    this.#counts.set(text, (this.#counts.get(text) ?? 0) + 1);
  }

  get size(): number {
    return this.#counts.size;
  }

  /** The table's one finding for its markers, over the range of its values, or null when it had none. */
  finding(sheet: string, top: number, left: number, bottom: number, right: number): Finding | null {
    if (this.#counts.size === 0) return null;
    const count = [...this.#counts.values()].reduce((a, b) => a + b, 0);
    const what = [...this.#counts.keys()].map((m) => `"${m}"`).join(", ");
    const cells =
      count === 1 ? "1 cell holds the publication's marker" : `${count} cells hold the publication's markers`;
    return finding(
      sheet,
      sheetRangeRef(sheet, top, left, bottom, right),
      "info",
      "published-markers",
      `${cells} for figures not available or suppressed (${what}): read as missing, not zero`,
      count,
      null,
    );
  }
}
