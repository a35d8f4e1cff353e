import { type Pause, type ResultSheet, pacer } from "../../model";
import { type DeflateCodec, webDeflateCodec } from "./deflateCodec";
import { UnreadablePart } from "./sheetCells";
import { type Declined, PackageEdit } from "./packageEdit";
import { ZipPackage } from "./zipPackage";

/** What was written: the package's bytes, the names the result sheets took, and what was left out. */
export interface PackageWrite {
  readonly bytes: Uint8Array;
  readonly names: string[];
  /** Damaged parts nothing needs, left out of the output, each said in a clause. */
  readonly notes: string[];
}

/** Why the package writer leaves a workbook to ExcelJS. */
export type PackageDecline = Declined;

/**
 * Writes result sheets straight into the workbook's own .xlsx package: the analyst's parts are
 * copied byte for byte (still compressed, each checked against its CRC-32), our marked sheets
 * from an earlier run are removed with whatever hangs off them alone (the charts and pictures
 * Excel put on them: drawings, charts, media, their relationships and content types), and
 * ours are added as new worksheet parts, with styles appended to styles.xml and repeated text
 * to the shared-string table (`SharedStrings`). This is why a large workbook takes seconds
 * rather than minutes (ExcelJS re-serialises every cell of every sheet). Written here because
 * no maintained library edits a package in place; the tests read every result back through
 * ExcelJS and LibreOffice.
 * @returns what was written, or why this writer leaves the package to ExcelJS
 * @throws DamagedPart when a damaged part is one the workbook needs
 */
export async function packageWrite(
  input: Uint8Array | ZipPackage,
  sheets: readonly ResultSheet[],
  codec: DeflateCodec = webDeflateCodec,
  checkOnly = false,
  pause?: Pause,
): Promise<PackageWrite | PackageDecline> {
  try {
    return await writeParts(input, sheets, codec, checkOnly, pacer(pause));
  } catch (error) {
    // A part it must read that is not laid out as it reads (a relationships part that is not
    // well-formed, say): ExcelJS gets the workbook, and the reason is said.
    if (error instanceof UnreadablePart) return { declined: error.message };
    throw error;
  }
}

async function writeParts(
  input: Uint8Array | ZipPackage,
  sheets: readonly ResultSheet[],
  codec: DeflateCodec,
  checkOnly: boolean,
  turn: () => Promise<void> | null,
): Promise<PackageWrite | PackageDecline> {
  const zip = input instanceof ZipPackage ? input : ZipPackage.inspect(input);
  if (!(zip instanceof ZipPackage)) return zip;
  const edit = await PackageEdit.open(zip, codec);
  if ("declined" in edit) return edit;
  const earlier = edit.removeEarlierResults();
  if ("declined" in earlier) return earlier;
  await edit.leaveOutDamaged(earlier.removedParts);
  const styles = await edit.openStyles();
  if ("declined" in styles) return styles;
  const strings = await edit.openStrings(checkOnly);
  if ("declined" in strings) return strings;
  const { notes } = edit;
  if (checkOnly || strings.strings === true) return { bytes: new Uint8Array(0), names: [], notes };
  const names = await edit.addSheets(sheets, earlier.kept, styles.styled, strings.strings, turn);
  return { bytes: await edit.assemble(styles, strings.strings, strings.part), names, notes };
}

/**
 * Whether `packageWrite` would write into this package, without writing: why not, or the notes
 * it would make (damaged parts it would leave out).
 */
export async function packageWriteCheck(
  zip: ZipPackage,
  codec: DeflateCodec,
): Promise<PackageDecline | { notes: string[] }> {
  const checked = await packageWrite(zip, [], codec, true);
  return "declined" in checked ? checked : { notes: checked.notes };
}

/** As `packageWrite`, with null where it declines (the caller then writes through ExcelJS). */
export async function writeIntoPackage(
  input: Uint8Array | ZipPackage,
  sheets: readonly ResultSheet[],
  codec: DeflateCodec = webDeflateCodec,
): Promise<PackageWrite | null> {
  const written = await packageWrite(input, sheets, codec);
  return "declined" in written ? null : written;
}
