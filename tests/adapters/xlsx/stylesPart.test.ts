// The styles writer reads the analyst's number formats as the reader does: attributes in any
// order or quote style, entities decoded. Before, a format written formatCode-first went unseen,
// its id was given to one of ours, and an analyst's 0.000 cell read back as 0.0%.
import { customNumberFormats } from "../../../src/adapters/xlsx/numberFormats";
import { addResultStyles } from "../../../src/adapters/xlsx/stylesPart";

const styles = (numFmts: string): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  `<numFmts count="2">${numFmts}</numFmts>` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border/></borders>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs>' +
  "</styleSheet>";

describe("our styles beside the analyst's number formats", () => {
  it.each([
    [
      "formatCode first",
      `<numFmt formatCode="0.000" numFmtId="164"/><numFmt formatCode="&quot;£&quot;#,##0" numFmtId="165"/>`,
    ],
    ["single quotes", `<numFmt numFmtId='164' formatCode='0.000'/><numFmt numFmtId='165' formatCode='"£"#,##0'/>`],
    [
      "the usual order",
      `<numFmt numFmtId="164" formatCode="0.000"/><numFmt numFmtId="165" formatCode="&quot;£&quot;#,##0"/>`,
    ],
  ])("keeps every id of theirs, whatever the attributes' %s", (_how, numFmts) => {
    const result = addResultStyles(styles(numFmts));
    expect(result).not.toBeNull();
    result!.styleOf({ kind: "data", numFmt: "0.0%" });
    result!.styleOf({ kind: "data", numFmt: '"£"#,##0' });
    const formats = customNumberFormats(result!.xml());
    // Theirs are unchanged; ours took a new id, and theirs is reused, not duplicated.
    expect(formats.get(164)).toBe("0.000");
    expect(formats.get(165)).toBe('"£"#,##0');
    expect([...formats.values()].filter((f) => f === "0.0%")).toHaveLength(1);
    expect([...formats.entries()].find(([, f]) => f === "0.0%")?.[0]).toBeGreaterThan(165);
    expect([...formats.values()].filter((f) => f === '"£"#,##0')).toHaveLength(1);
  });
});
