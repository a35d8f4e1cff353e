// A small recording fake of the Excel JavaScript API subset the office adapter uses
// (src/adapters/office/excelApi.ts). office-addin-mock cannot model collections, so this one
// keeps a real backing store of sheets, cells and names, enforces load-then-sync before reads,
// and records syncs, Range objects and request/response bytes per sync.
import type {
  ExcelChart,
  ExcelContext,
  ExcelCustomXmlPart,
  ExcelCustomXmlPartCollection,
  ExcelNamedItem,
  ExcelNamedItemCollection,
  ExcelRange,
  ExcelRunner,
  ExcelWorksheet,
  ExcelWorksheetCollection,
} from "../../src/adapters/office";
import { FakeRange, Loadable, LoadedItems, OP_BYTES } from "./fakeRange";

type Value = string | number | boolean;

/** One sheet of the backing store: rows of values and formats (sparse rows allowed). */
export interface FakeSheet {
  name: string;
  values: Value[][];
  formats: string[][];
  frozenRows: number;
  charts: { type: string; title: string; marked: { series: number; point: number; style: string }[] }[];
  styled: { address: string; bold?: boolean; italic?: boolean; fill?: string; width?: number }[];
}

/** What the fake saw. */
export interface FakeStats {
  syncs: number;
  requestBytes: number[];
  /** Sizes of the responses delivered (a refused one is counted in refusedResponses instead). */
  responseBytes: number[];
  refusedResponses: number;
  rangesCreated: number;
  singleCellRanges: number;
  suspendCalls: number;
}

export interface FakeOptions {
  /** Refuse a sync whose response is larger than this (Excel on the web: 5 MB). */
  responseLimitBytes?: number;
  /** Refuse a sync whose request is larger than this (Excel on the web: 5 MB). */
  requestLimitBytes?: number;
  /** Make the n-th sync (1-based) fail, to test failure part-way. */
  failAtSync?: number;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly names: { name: string; formula: string }[] = [];
  /** The workbook's custom XML parts, in the order they were added. */
  readonly customXml: { id: string; namespace: string; xml: string }[] = [];
  readonly stats: FakeStats = {
    syncs: 0,
    requestBytes: [],
    responseBytes: [],
    refusedResponses: 0,
    rangesCreated: 0,
    singleCellRanges: 0,
    suspendCalls: 0,
  };

  constructor(readonly options: FakeOptions = {}) {}

  /** Adds a sheet of values (row arrays; "" for empty; a row never written, which JSON carries as null, is empty) with optional formats. */
  addSheet(name: string, values: Value[][], formats?: string[][]): FakeSheet {
    const sheet: FakeSheet = {
      name,
      values: values.map((r) => [...(r ?? [])]),
      formats: formats ? formats.map((r) => [...(r ?? [])]) : values.map((r) => (r ?? []).map(() => "General")),
      frozenRows: 0,
      charts: [],
      styled: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** A deep copy of every sheet's values, formats and names, to compare before and after. */
  snapshot(filter: (name: string) => boolean = () => true): string {
    return JSON.stringify({
      sheets: this.sheets.filter((s) => filter(s.name)).map((s) => [s.name, s.values, s.formats]),
    });
  }

  /** Excel.run over this workbook. */
  readonly run: ExcelRunner = async (batch) => {
    const context = new FakeContext(this);
    const result = await batch(context);
    if (context.pendingBytes > 0) await context.sync();
    return result;
  };

  resetStats(): void {
    Object.assign(this.stats, {
      syncs: 0,
      requestBytes: [],
      responseBytes: [],
      refusedResponses: 0,
      rangesCreated: 0,
      singleCellRanges: 0,
      suspendCalls: 0,
    });
  }
}

export class FakeContext implements ExcelContext {
  pendingBytes = 0;
  private loads: (() => number)[] = [];
  readonly workbook: ExcelContext["workbook"];

  constructor(readonly excel: FakeExcel) {
    this.workbook = {
      worksheets: new FakeWorksheets(this),
      names: new FakeNames(this),
      customXmlParts: new FakeCustomXmlParts(this),
      application: {
        suspendApiCalculationUntilNextSync: () => {
          excel.stats.suspendCalls += 1;
          this.queue(OP_BYTES);
        },
      },
    };
  }

  queue(bytes: number): void {
    this.pendingBytes += bytes;
  }

  onSync(load: () => number): void {
    this.loads.push(load);
    this.queue(OP_BYTES);
  }

  async sync(): Promise<void> {
    const stats = this.excel.stats;
    stats.syncs += 1;
    const request = this.pendingBytes;
    this.pendingBytes = 0;
    const loads = this.loads;
    this.loads = [];
    if (this.excel.options.failAtSync === stats.syncs)
      throw Object.assign(new Error("GeneralException: the fake was told to fail here"), { code: "GeneralException" });
    if (this.excel.options.requestLimitBytes && request > this.excel.options.requestLimitBytes) {
      throw Object.assign(new Error("The request payload size has exceeded the limit"), {
        code: "RequestPayloadSizeLimitExceeded",
      });
    }
    const response = loads.reduce((sum, load) => sum + load(), 0);
    stats.requestBytes.push(request);
    if (this.excel.options.responseLimitBytes && response > this.excel.options.responseLimitBytes) {
      stats.refusedResponses += 1;
      throw Object.assign(new Error("The response payload size has exceeded the limit"), {
        code: "ResponsePayloadSizeLimitExceeded",
      });
    }
    stats.responseBytes.push(response);
  }
}

class FakeWorksheet extends Loadable implements ExcelWorksheet {
  readonly freezePanes;
  readonly charts;

  constructor(
    private readonly context: FakeContext,
    readonly sheet: FakeSheet,
  ) {
    super();
    this.freezePanes = {
      freezeRows: (n: number) => {
        sheet.frozenRows = n;
        context.queue(OP_BYTES);
      },
    };
    this.charts = {
      add: (type: string, source: ExcelRange): ExcelChart => {
        void source;
        const chart = { type, title: "", marked: [] as { series: number; point: number; style: string }[] };
        sheet.charts.push(chart);
        context.queue(OP_BYTES);
        return {
          title: {
            set text(t: string) {
              chart.title = t;
            },
            get text() {
              return chart.title;
            },
          },
          setPosition: () => context.queue(OP_BYTES),
          series: {
            getItemAt: (series: number) => ({
              points: {
                getItemAt: (point: number) => {
                  const mark = { series, point, style: "" };
                  chart.marked.push(mark);
                  context.queue(OP_BYTES);
                  return {
                    set markerStyle(style: string) {
                      mark.style = style;
                    },
                    get markerStyle() {
                      return mark.style;
                    },
                    markerSize: 0,
                    markerBackgroundColor: "",
                    markerForegroundColor: "",
                  };
                },
              },
            }),
          },
        };
      },
    };
  }

  get name(): string {
    return this.sheet.name;
  }
  set name(value: string) {
    this.sheet.name = value;
    this.context.queue(OP_BYTES);
  }
  get isNullObject(): boolean {
    return false;
  }
  load(): ExcelWorksheet {
    this.context.onSync(() => 32);
    return this;
  }
  getUsedRangeOrNullObject(): ExcelRange {
    return new FakeRange(this.context, this.sheet, null, true);
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): ExcelRange {
    return new FakeRange(this.context, this.sheet, [row, column, rows, columns]);
  }
  getRange(address: string): ExcelRange {
    const whole = /^([A-Z]+):\1$/.exec(address);
    if (!whole) throw new Error(`the fake only knows whole-column addresses, not ${address}`);
    const column = [...whole[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return new FakeRange(this.context, this.sheet, [0, column, 1048576, 1]);
  }
  delete(): void {
    const excel = this.context.excel;
    excel.sheets.splice(excel.sheets.indexOf(this.sheet), 1);
    this.context.queue(OP_BYTES);
  }
  activate(): void {
    this.context.queue(OP_BYTES);
  }
}

class FakeWorksheets implements ExcelWorksheetCollection {
  private readonly loaded = new LoadedItems<ExcelWorksheet>("worksheets.items");
  constructor(private readonly context: FakeContext) {}
  get items(): ExcelWorksheet[] {
    return this.loaded.items;
  }
  load(): ExcelWorksheetCollection {
    this.loaded.loadAtSync(
      this.context,
      () => this.context.excel.sheets.map((s) => new FakeWorksheet(this.context, s)),
      40,
    );
    return this;
  }
  add(name: string): ExcelWorksheet {
    const excel = this.context.excel;
    if (excel.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
    this.context.queue(OP_BYTES);
    return new FakeWorksheet(this.context, excel.addSheet(name, []));
  }
  getItem(name: string): ExcelWorksheet {
    const sheet = this.context.excel.sheet(name);
    if (!sheet) throw new Error(`ItemNotFound: ${name}`);
    return new FakeWorksheet(this.context, sheet);
  }
}

class FakeNames implements ExcelNamedItemCollection {
  private readonly loaded = new LoadedItems<ExcelNamedItem>("names.items");
  constructor(private readonly context: FakeContext) {}
  get items(): ExcelNamedItem[] {
    return this.loaded.items;
  }
  load(): ExcelNamedItemCollection {
    const names = this.context.excel.names;
    const item = (n: (typeof names)[number]): ExcelNamedItem => ({
      name: n.name,
      formula: n.formula,
      delete: () => {
        names.splice(names.indexOf(n), 1);
        this.context.queue(OP_BYTES);
      },
    });
    this.loaded.loadAtSync(this.context, () => names.map(item), 60);
    return this;
  }
  add(name: string, reference: string): ExcelNamedItem {
    const names = this.context.excel.names;
    if (names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`ItemAlreadyExists: name ${name}`);
    const item = { name, formula: reference };
    names.push(item);
    this.context.queue(OP_BYTES + reference.length);
    return { ...item, delete: () => names.splice(names.indexOf(item), 1) };
  }
}

/** Custom XML parts (ExcelApi 1.5): a part's namespace is its root element's, as Office reads it. */
class FakeCustomXmlParts implements ExcelCustomXmlPartCollection {
  constructor(private readonly context: FakeContext) {}

  add(xml: string): ExcelCustomXmlPart {
    const namespace = /^\s*(?:<\?xml[^>]*\?>\s*)?<[^>\s]+[^>]*\sxmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
    const entry = { id: `{${String(this.context.excel.customXml.length + 1).padStart(8, "0")}}`, namespace, xml };
    this.context.queue(OP_BYTES + xml.length);
    this.context.excel.customXml.push(entry);
    return this.part(entry);
  }

  getByNamespace(namespaceUri: string): { readonly items: ExcelCustomXmlPart[]; load(properties: string): unknown } {
    const loaded = new LoadedItems<ExcelCustomXmlPart>("customXmlParts.items");
    const { context } = this;
    const list = (): ExcelCustomXmlPart[] =>
      context.excel.customXml.filter((p) => p.namespace === namespaceUri).map((p) => this.part(p));
    const collection = {
      get items(): ExcelCustomXmlPart[] {
        return loaded.items;
      },
      load: () => {
        loaded.loadAtSync(context, list, OP_BYTES);
        return collection;
      },
    };
    return collection;
  }

  private part(entry: { id: string; namespace: string; xml: string }): ExcelCustomXmlPart {
    const context = this.context;
    return {
      id: entry.id,
      getXml: () => {
        let loaded = false;
        const result: { value: string } = {
          get value(): string {
            if (!loaded) throw new Error("PropertyNotLoaded: getXml's value was read before sync()");
            return entry.xml;
          },
        };
        context.onSync(() => {
          loaded = true;
          return entry.xml.length;
        });
        return result;
      },
      delete: () => {
        context.queue(OP_BYTES);
        const list = context.excel.customXml;
        const at = list.indexOf(entry);
        if (at >= 0) list.splice(at, 1);
      },
    };
  }
}
