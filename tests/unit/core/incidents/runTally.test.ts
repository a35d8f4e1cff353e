import fc from "fast-check";
import { RunTally, TextMemo } from "../../../../src/core/incidents/runTally";

describe("RunTally", () => {
  it("counts as a Map would, whatever the order and runs of keys", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("Kent Police", "Essex Police", "", "E01023987", "E01024001")), (keys) => {
        const tally = new RunTally<string>();
        const oracle = new Map<string, number>();
        for (const key of keys) {
          expect(tally.add(key)).toBe(!oracle.has(key));
          oracle.set(key, (oracle.get(key) ?? 0) + 1);
          expect(tally.get(key)).toBe(oracle.get(key));
        }
        expect(tally.entries()).toEqual([...oracle]);
        expect(tally.keys()).toEqual([...oracle.keys()]);
        // Reading the counts ends the run under way but loses nothing.
        if (keys.length > 0) {
          tally.add(keys[keys.length - 1]);
          oracle.set(keys[keys.length - 1], (oracle.get(keys[keys.length - 1]) ?? 0) + 1);
        }
        expect(tally.entries()).toEqual([...oracle]);
      }),
    );
  });

  it("takes no new key past its limit, and still counts the keys it holds", () => {
    const tally = new RunTally<number>(2);
    for (const key of [7, 7, 8, 9, 9, 7, 8, 9]) tally.add(key);
    expect(tally.entries()).toEqual([
      [7, 3],
      [8, 2],
    ]);
    expect(tally.get(9)).toBe(0);
  });
});

describe("TextMemo", () => {
  it("reads each distinct text once, and anything not text every time", () => {
    const read = jest.fn((v: unknown) => (typeof v === "string" ? v.toUpperCase() : null));
    const memo = new TextMemo(read);
    const texts = ["a", "a", "b", "a", "b", "b", "c"];
    expect(texts.map((t) => memo.get(t))).toEqual(["A", "A", "B", "A", "B", "B", "C"]);
    expect(read).toHaveBeenCalledTimes(3);
    expect(memo.get(5)).toBeNull();
    expect(memo.get(5)).toBeNull();
    expect(read).toHaveBeenCalledTimes(5);
  });

  it("remembers a reading of null as well as any other, and stops remembering past its limit", () => {
    const read = jest.fn(() => null);
    const memo = new TextMemo<null>(read, 1);
    for (const t of ["x", "x", "y", "x"]) memo.get(t);
    // "x" kept (read once), "y" past the limit: read again whenever it is not the last text.
    expect(read).toHaveBeenCalledTimes(2);
    memo.get("y");
    memo.get("x");
    memo.get("y");
    expect(read).toHaveBeenCalledTimes(4);
  });
});
