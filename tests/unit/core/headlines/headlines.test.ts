import { computeTable, discoverTables, writeHeadlines } from "../../../../src/core";
import { sheet } from "../../../helpers/grids";

const headlines = (rows: Parameters<typeof sheet>[1]) =>
  writeHeadlines(computeTable(discoverTables(sheet("H", rows))[0])).map((h) => h.text);

describe("writeHeadlines", () => {
  it("words a rise as the seed does, with the significance after it", () => {
    const [text] = headlines([
      ["Crime", "Nov 17 – Oct 18", "Nov 18 – Oct 19"],
      ["Drug offences", 318, 394],
    ]);
    expect(text).toBe(
      "Drug offences rose by 23.9%, from 318 to 394 (+76); a rise of 76 is more than normal year-to-year variation would explain (p = 0.005).",
    );
  });

  it("says a change is within normal variation when it is", () => {
    const [text] = headlines([
      ["District", "Sep-17 to Aug-18", "Sep-18 to Aug-19"],
      ["Maidstone", 139, 165],
    ]);
    expect(text).toContain("a rise of 26 is within normal year-to-year variation");
  });

  it("words falls, no change, a zero base and non-count rows", () => {
    expect(
      headlines([
        ["X", "2018", "2019"],
        ["All crime", 17244, 16947],
        ["Age prejudice", 3, 3],
        ["New thing", 0, 5],
        ["Avg Time in Situ", 3.7, 1],
        ["Missing", null, 4],
      ]),
    ).toEqual([
      "All crime fell by 1.7%, from 17,244 to 16,947 (-297); a fall of 297 is within normal year-to-year variation (p = 0.11).",
      "Age prejudice was unchanged at 3.",
      "New thing rose from 0 to 5 (+5; no % change from a zero base); a rise of 5 is within normal year-to-year variation (p = 0.063).",
      "Avg Time in Situ fell by 73.0%, from 3.7 to 1 (-2.7).",
    ]);
  });

  it("names a generic total after the table and adds the peak months of a month series", () => {
    const texts = headlines([
      ["Burglaries"],
      [null, "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Total"],
      ["2017/2018", 125, 73, 283, 126, 218, 106, 931],
      ["2018/2019", 283, 381, 196, 143, 164, 84, 1251],
    ]);
    expect(texts).toContain(
      "Burglaries (total) rose by 34.4%, from 931 to 1,251 (+320); a rise of 320 is more than normal year-to-year variation would explain (p < 0.001).",
    );
    // A month row names its month and the year it falls in: a year from October puts January in 2019.
    expect(texts).toContain(
      "Burglaries in January 2019 rose by 13.5%, from 126 to 143 (+17); a rise of 17 is within normal year-to-year variation (p = 0.33).",
    );
    expect(texts[texts.length - 1]).toBe("Burglaries peaked in Dec (283) in 2017/2018 and in Nov (381) in 2018/2019.");
  });

  it("gives items found in batches, durations and caseloads their change without a test of chance", () => {
    const texts = headlines([
      ["Needle finds"],
      [null, "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Total"],
      ["2017/2018", 125, 73, 283, 126, 218, 106, 931],
      ["2018/2019", 283, 381, 196, 143, 164, 84, 1251],
    ]);
    expect(texts).toContain("Needle finds (total) rose by 34.4%, from 931 to 1,251 (+320).");
    expect(texts.join(" ")).not.toMatch(/variation|p [=<]/);
    expect(
      headlines([
        ["Unauthorised encampments"],
        ["Measure", "2018", "2019"],
        ["No. Encampments", 12, 30],
        ["Total Days", 37, 11],
        ["IOM cohort", 60, 41],
      ]),
    ).toEqual([
      "No. Encampments rose by 150.0%, from 12 to 30 (+18); a rise of 18 is more than normal year-to-year variation would explain (p = 0.008).",
      "Total Days fell by 70.3%, from 37 to 11 (-26).",
      "IOM cohort fell by 31.7%, from 60 to 41 (-19).",
    ]);
  });
});
