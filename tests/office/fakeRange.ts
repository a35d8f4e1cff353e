// The fake's Range: values and formats read only after load() and sync(), writes recorded as requests.
import type { ExcelRange } from "../../src/adapters/office";
import type { FakeContext, FakeSheet } from "./fakeExcel";

type Value = string | number | boolean;
export const OP_BYTES = 120;

/** A proxy property that must be loaded and synced before it is read, as in office-js. */
export class Loadable {
  protected loaded = new Set<string>();

  protected need(property: string): void {
    if (!this.loaded.has(property)) throw new Error(`PropertyNotLoaded: ${property} was read before load() and sync()`);
  }
}

/** A collection's items, readable only once a load() has been synced, as in office-js. */
export class LoadedItems<T> {
  private listed: T[] | null = null;

  constructor(private readonly what: string) {}

  get items(): T[] {
    if (!this.listed) throw new Error(`PropertyNotLoaded: ${this.what} was read before load() and sync()`);
    return this.listed;
  }

  /** Lists the items at the next sync, each costing `bytesEach` of the response. */
  loadAtSync(context: FakeContext, list: () => T[], bytesEach: number): void {
    context.onSync(() => {
      this.listed = list();
      return bytesEach * this.listed.length;
    });
  }
}

export class FakeRange extends Loadable implements ExcelRange {
  private snapshot: { values: Value[][]; formats: string[][]; bounds: [number, number, number, number] | null } | null =
    null;
  readonly format;

  constructor(
    private readonly context: FakeContext,
    private readonly sheet: FakeSheet,
    private bounds: [number, number, number, number] | null,
    private readonly used = false,
  ) {
    super();
    const excel = context.excel;
    excel.stats.rangesCreated += 1;
    if (bounds && bounds[2] === 1 && bounds[3] === 1) excel.stats.singleCellRanges += 1;
    const style = (patch: FakeSheet["styled"][number]): void => {
      sheet.styled.push(patch);
      context.queue(OP_BYTES);
    };
    const address = (): string => JSON.stringify(this.bounds);
    this.format = {
      font: {
        set bold(v: boolean) {
          style({ address: address(), bold: v });
        },
        get bold(): boolean {
          throw new Error("write-only in the fake");
        },
        set italic(v: boolean) {
          style({ address: address(), italic: v });
        },
        get italic(): boolean {
          throw new Error("write-only in the fake");
        },
        set color(_v: string) {
          context.queue(OP_BYTES);
        },
        get color(): string {
          throw new Error("write-only in the fake");
        },
      },
      fill: {
        set color(v: string) {
          style({ address: address(), fill: v });
        },
        get color(): string {
          throw new Error("write-only in the fake");
        },
      },
      set columnWidth(v: number) {
        style({ address: address(), width: v });
      },
      get columnWidth(): number {
        throw new Error("write-only in the fake");
      },
      set wrapText(_v: boolean) {
        context.queue(OP_BYTES);
      },
      get wrapText(): boolean {
        throw new Error("write-only in the fake");
      },
    };
  }

  private usedBounds(): [number, number, number, number] | null {
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    this.sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "" || v === undefined || v === null) return;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }),
    );
    return bottom < 0 ? null : [top, left, bottom - top + 1, right - left + 1];
  }

  load(properties: string): ExcelRange {
    const wanted = properties.split(",").map((p) => p.trim());
    this.context.onSync(() => {
      if (this.used && !this.snapshot) this.bounds = this.usedBounds();
      const b = this.bounds;
      const values = b
        ? Array.from({ length: b[2] }, (_, r) =>
            Array.from({ length: b[3] }, (_, c) => this.sheet.values[b[0] + r]?.[b[1] + c] ?? ""),
          )
        : [];
      const formats = b
        ? Array.from({ length: b[2] }, (_, r) =>
            Array.from({ length: b[3] }, (_, c) => this.sheet.formats[b[0] + r]?.[c + b[1]] ?? "General"),
          )
        : [];
      this.snapshot = { values, formats, bounds: b };
      wanted.forEach((p) => this.loaded.add(p));
      let bytes = 64;
      if (wanted.includes("values")) bytes += JSON.stringify(values).length;
      if (wanted.includes("numberFormat")) bytes += JSON.stringify(formats).length;
      return bytes;
    });
    return this;
  }

  private box(): [number, number, number, number] {
    const b = this.snapshot?.bounds ?? this.bounds;
    if (!b) throw new Error("the fake range is a null object");
    return b;
  }

  get isNullObject(): boolean {
    this.need("isNullObject");
    return this.snapshot?.bounds === null;
  }
  get rowIndex(): number {
    this.need("rowIndex");
    return this.box()[0];
  }
  get columnIndex(): number {
    this.need("columnIndex");
    return this.box()[1];
  }
  get rowCount(): number {
    this.need("rowCount");
    return this.box()[2];
  }
  get columnCount(): number {
    this.need("columnCount");
    return this.box()[3];
  }
  get values(): unknown[][] {
    this.need("values");
    return this.snapshot?.values ?? [];
  }
  get numberFormat(): unknown[][] {
    this.need("numberFormat");
    return this.snapshot?.formats ?? [];
  }

  set values(rows: unknown[][]) {
    this.write(rows, "values");
  }
  set numberFormat(rows: unknown[][]) {
    this.write(rows, "formats");
  }

  private write(rows: unknown[][], what: "values" | "formats"): void {
    const [top, left, height, width] = this.box();
    if (rows.length !== height || rows.some((r) => r.length !== width))
      throw new Error(`InvalidArgument: ${rows.length}×${rows[0]?.length} array for a ${height}×${width} range`);
    this.context.queue(JSON.stringify(rows).length + OP_BYTES);
    const target = what === "values" ? this.sheet.values : this.sheet.formats;
    rows.forEach((row, r) => {
      target[top + r] ??= [];
      row.forEach((v, c) => {
        target[top + r][left + c] = v as never;
      });
    });
  }

  select(): void {
    this.context.queue(OP_BYTES);
  }
}
