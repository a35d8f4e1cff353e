import type { CellValue, ResultChart, ResultColumn, ResultRowKind, ResultSheet } from "../model";
import type { RowResult } from "../core/compute/tableResult";

/** A row that takes every column's own number format. */
const NO_FORMATS: readonly (string | null)[] = Object.freeze([]);

/**
 * A result sheet's rows built one at a time, with each row's kind and number formats. With a
 * `width`, every row is padded to it (so section fills run across the block).
 */
export class SheetBuilder {
  readonly rows: CellValue[][] = [];
  readonly kinds: ResultRowKind[] = [];
  readonly formats: (readonly (string | null)[])[] = [];

  constructor(private readonly width = 0) {}

  /**
   * Adds a row and returns its index in `rows`. `formats` may be shared between rows (it is
   * only read): a large sheet then keeps one array, not one per row.
   */
  add(kind: ResultRowKind, cells: CellValue[], formats: readonly (string | null)[] = NO_FORMATS): number {
    const padding = Math.max(0, this.width - cells.length);
    this.rows.push(padding > 0 ? [...cells, ...Array<CellValue>(padding).fill(null)] : cells);
    this.kinds.push(kind);
    this.formats.push(formats);
    return this.rows.length - 1;
  }

  /** The finished sheet: these rows under `columns`, with any charts. */
  sheet(name: string, columns: readonly ResultColumn[], charts?: readonly ResultChart[]): ResultSheet {
    return {
      name,
      columns,
      rows: this.rows,
      rowKinds: this.kinds,
      cellFormats: this.formats,
      ...(charts ? { charts } : {}),
    };
  }
}

/** The Significance column's words for a computed row. */
export function significanceLabel(row: RowResult): string {
  if (row.significance) return row.significance.significant ? "Beyond normal variation" : "Within normal variation";
  return row.status === "new" ? "New (zero base)" : "";
}
