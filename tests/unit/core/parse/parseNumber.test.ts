import { formatDecimals, parseNumberCell } from "../../../../src/core";

describe("parseNumberCell", () => {
  it.each([
    ["1,934", 1934, false, 0],
    ["+23", 23, false, 0],
    ["-8", -8, false, 0],
    ["- 9.7%", -0.097, true, 1],
    ["−8", -8, false, 0],
    ["29%", 0.29, true, 0],
    ["(5)", -5, false, 0],
    ["5,290", 5290, false, 0],
    ["3.7", 3.7, false, 1],
    ["£1,250.50", 1250.5, false, 2],
    // Numbers a script stored as text: Python's str(float), padded, and its exponent form.
    ["10.319662893213325", 10.319662893213325, false, 15],
    [" 12 ", 12, false, 0],
    ["-5.2%", -0.052, true, 1],
    ["1e-05", 0.00001, false, 5],
    ["2.5E+07", 25000000, false, 0],
  ])("reads %p as %p", (text, value, isPercent, decimals) => {
    const parsed = parseNumberCell(text, null);
    expect(parsed.kind).toBe("number");
    if (parsed.kind !== "number") return;
    expect(parsed.value).toBeCloseTo(value, 12);
    expect(parsed.isPercent).toBe(isPercent);
    expect(parsed.decimals).toBe(decimals);
  });

  it.each(["*", "<5", "< 10", "-", "–", "n/a", "N/A", "..", "x"])(
    "reads suppressed marker %p as missing, never zero",
    (text) => {
      expect(parseNumberCell(text, null)).toEqual({ kind: "missing", reason: "suppressed", text });
    },
  );

  it("reads an empty cell as missing", () => {
    expect(parseNumberCell(null, null)).toEqual({ kind: "missing", reason: "empty", text: "" });
    expect(parseNumberCell("   ", null).kind).toBe("missing");
  });

  it("reads words and Excel errors as missing with the reason", () => {
    expect(parseNumberCell("twelve", null)).toMatchObject({ kind: "missing", reason: "text" });
    expect(parseNumberCell({ error: "#DIV/0!" }, null)).toMatchObject({ kind: "missing", reason: "error" });
  });

  it("takes the precision of a number from its format", () => {
    expect(parseNumberCell(0.187, "0%")).toEqual({ kind: "number", value: 0.187, isPercent: true, decimals: 0 });
    expect(parseNumberCell(0.187, "0.0%")).toMatchObject({ isPercent: true, decimals: 1 });
    expect(parseNumberCell(1934, "#,##0")).toMatchObject({ isPercent: false, decimals: 0 });
    expect(parseNumberCell(3.75, "General")).toMatchObject({ decimals: 2 });
  });
});

describe("formatDecimals", () => {
  it.each([
    ["0%", 0],
    ["0.0%", 1],
    ["#,##0.00", 2],
    ["General", null],
    [null, null],
    ['0.0"x"', 1],
  ])("%p shows %p decimals", (format, decimals) => {
    expect(formatDecimals(format)).toBe(decimals);
  });
});
