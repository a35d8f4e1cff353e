/** A cell value as the Excel API gives it. */
export type HostValue = string | number | boolean;

/**
 * The Office host a browser test gives the stand-in (and reads back from it): the workbook's
 * sheets and names, the document settings saved with it, its custom XML parts, and the
 * requirement sets the host supports (the highest version of each).
 */
export interface HostState {
  readonly sheets: readonly { readonly name: string; readonly values: HostValue[][]; readonly formats?: string[][] }[];
  readonly names: readonly { readonly name: string; readonly formula: string }[];
  readonly settings: Readonly<Record<string, unknown>>;
  readonly customXml: readonly { readonly id: string; readonly namespace: string; readonly xml: string }[];
  readonly requirements: Readonly<Record<string, string>>;
  readonly platform?: "OfficeOnline" | "PC" | "Mac";
}
