// What a file given as a workbook really is, when it is not an .xlsx package: analysts rename
// files, and save-as menus offer a dozen look-alikes. Each answer is the end of a sentence that
// starts with the file's name, and says what to do.

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** The Compound File Binary header: old .xls files and password-encrypted .xlsx alike. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Whether the bytes hold a UTF-16LE name, as the directory of a compound file stores its streams'. */
function holdsUtf16(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i += 1) pattern[i * 2] = name.charCodeAt(i);
  const first = pattern[0];
  for (let at = bytes.indexOf(first); at >= 0 && at + pattern.length <= bytes.length; at = bytes.indexOf(first, at + 1))
    if (pattern.every((b, k) => bytes[at + k] === b)) return true;
  return false;
}

/** Whether the bytes are text rather than binary: no NUL, and a UTF-8 or single-byte start. */
function looksLikeText(head: Uint8Array): boolean {
  return head.length > 0 && !head.includes(0);
}

/**
 * Why bytes that are not a zip are not an .xlsx workbook, or null when they are a zip (its
 * entries are looked at by `whyNotWorkbookPackage`).
 */
export function whyNotZip(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ZIP_MAGIC)) return null;
  if (bytes.length === 0) return "is empty";
  if (startsWith(bytes, EMPTY_ZIP_MAGIC)) return "is an empty zip archive, not an .xlsx workbook";
  if (startsWith(bytes, CFB_MAGIC)) {
    if (holdsUtf16(bytes, "EncryptionInfo"))
      return "is protected with a password to open; open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password) and save it as .xlsx";
    if (holdsUtf16(bytes, "Workbook") || holdsUtf16(bytes, "Book"))
      return "is an Excel 97–2003 .xls workbook, not .xlsx; open it in Excel and save it as an Excel Workbook (.xlsx)";
    return "is password-protected or an old .xls file; save it as an unprotected .xlsx workbook and try again";
  }
  const head = bytes.subarray(0, 4096);
  if (!looksLikeText(head)) return "is not an .xlsx workbook (it is not a zip package)";
  // Text under a workbook's name: what kind of text says what to do.
  const text = new TextDecoder("utf-8", { fatal: false }).decode(head).replace(/^\uFEFF/, "");
  if (/^\s*<\?xml[\s\S]*urn:schemas-microsoft-com:office:spreadsheet/.test(text))
    return "is an XML Spreadsheet 2003 file, not an .xlsx workbook; open it in Excel and save it as an Excel Workbook (.xlsx)";
  if (/^\s*(<!doctype html|<html|<table|<\?xml)/i.test(text))
    return "is a web page (HTML or XML) saved under a spreadsheet's name, not an .xlsx workbook; open it in Excel and save it as an Excel Workbook (.xlsx)";
  if (/[,;\t]/.test(text.split(/\r?\n/)[0] ?? ""))
    return "is not an .xlsx workbook: it is CSV text under a workbook's name; give it a .csv name, or open it in Excel and save it as .xlsx";
  return "is not an .xlsx workbook";
}

/**
 * Why a zip package is not an .xlsx workbook (an .xlsb, .ods, Word or other package), or null
 * when it has a workbook part where an .xlsx has one, or any part an .xlsx might point to.
 */
export function whyNotWorkbookPackage(names: readonly string[], mimetype: string | null): string | null {
  const has = new Set(names.map((n) => n.toLowerCase()));
  if (mimetype?.startsWith("application/vnd.oasis.opendocument.spreadsheet"))
    return "is an OpenDocument spreadsheet (.ods), not an .xlsx workbook; open it in LibreOffice or Excel and save it as .xlsx";
  if (mimetype?.startsWith("application/vnd.oasis.opendocument"))
    return "is an OpenDocument file, not an .xlsx workbook";
  if (has.has("xl/workbook.bin"))
    return "is an Excel binary workbook (.xlsb), not .xlsx; open it in Excel and save it as an Excel Workbook (.xlsx)";
  if (has.has("word/document.xml")) return "is a Word document, not an .xlsx workbook";
  if (has.has("ppt/presentation.xml")) return "is a PowerPoint file, not an .xlsx workbook";
  if (!has.has("[content_types].xml"))
    return "is a zip archive but not an .xlsx workbook (it has no [Content_Types].xml)";
  return null;
}
