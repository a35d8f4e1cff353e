// The part of the Excel JavaScript API the adapter uses, as structural types. The real
// `Excel.RequestContext` satisfies them (cast once where Excel.run hands it over), and the
// recording fake in tests/adapters implements exactly this, so tests exercise the same calls.
// Everything here is in ExcelApi 1.7 or earlier, the minimum the manifest declares.

export interface ExcelRangeFormat {
  font: { bold: boolean; italic: boolean; color: string };
  fill: { color: string };
  columnWidth: number;
  wrapText: boolean;
}

export interface ExcelRange {
  values: unknown[][];
  numberFormat: unknown[][];
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isNullObject: boolean;
  readonly format: ExcelRangeFormat;
  load(properties: string): ExcelRange;
  select(): void;
}

/** One point of a chart series, with its marker (ExcelApi 1.7). */
export interface ExcelChartPoint {
  markerStyle: string;
  markerSize: number;
  markerBackgroundColor: string;
  markerForegroundColor: string;
}

export interface ExcelChart {
  title: { text: string };
  setPosition(startCell: string, endCell?: string): void;
  readonly series: { getItemAt(index: number): { readonly points: { getItemAt(index: number): ExcelChartPoint } } };
}

export interface ExcelWorksheet {
  name: string;
  readonly isNullObject: boolean;
  load(properties: string): ExcelWorksheet;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): ExcelRange;
  getRange(address: string): ExcelRange;
  delete(): void;
  activate(): void;
  readonly freezePanes: { freezeRows(count: number): void };
  readonly charts: { add(type: string, sourceData: ExcelRange, seriesBy?: string): ExcelChart };
}

export interface ExcelWorksheetCollection {
  readonly items: ExcelWorksheet[];
  load(properties: string): ExcelWorksheetCollection;
  add(name: string): ExcelWorksheet;
  getItem(name: string): ExcelWorksheet;
}

export interface ExcelNamedItem {
  readonly name: string;
  readonly formula: string;
  delete(): void;
}

export interface ExcelNamedItemCollection {
  readonly items: ExcelNamedItem[];
  load(properties: string): ExcelNamedItemCollection;
  add(name: string, reference: string, comment?: string): ExcelNamedItem;
}

/** A custom XML part of the workbook (ExcelApi 1.5): data kept with the file, in no sheet. */
export interface ExcelCustomXmlPart {
  readonly id: string;
  getXml(): { readonly value: string };
  delete(): void;
}

export interface ExcelCustomXmlPartCollection {
  add(xml: string): ExcelCustomXmlPart;
  getByNamespace(namespaceUri: string): {
    readonly items: ExcelCustomXmlPart[];
    load(properties: string): unknown;
  };
}

export interface ExcelContext {
  readonly workbook: {
    readonly worksheets: ExcelWorksheetCollection;
    readonly names: ExcelNamedItemCollection;
    readonly customXmlParts: ExcelCustomXmlPartCollection;
    readonly application: { suspendApiCalculationUntilNextSync(): void };
  };
  sync(): Promise<void>;
}

/** `Excel.run`, or a fake of it: runs a batch against a fresh request context. */
export type ExcelRunner = <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;
