import { MORILE_TEMPLATE_HEADER, assessmentOptions, computeAssessment, keyFindings } from "../../../src/core";
import type { CellValue } from "../../../src/model";
import { sheet } from "../../helpers/grids";
import { HIGH_LEVELS, LOW_LEVELS } from "../../helpers/morileLevels";

// The order of key findings (docs/KEY_FINDINGS.md) on made-up partnership workbooks.

const ranked = (sheets: [string, CellValue[][]][], homeArea?: string) =>
  keyFindings(
    computeAssessment(
      { sheets: sheets.map(([name, rows]) => sheet(name, rows)) },
      undefined,
      assessmentOptions({ homeArea }),
    ),
  );

const YEARS = ["2018/19", "2019/20"];

describe("keyFindings", () => {
  it("leads with the partnership's all-crime change, whatever its significance", () => {
    const found = ranked([
      ["Other", [["Dog fouling complaints"], ["Complaint", ...YEARS], ["Dog fouling", 41, 13]]],
      [
        "Crime",
        [
          ["Police recorded crime, Ashvale"],
          ["Crime type", ...YEARS],
          ["All crime", 17244, 16947],
          ["Drug offences", 318, 394],
        ],
      ],
    ]);
    expect(found[0].text).toMatch(/^All crime fell by 1\.7%, from 17,244 to 16,947/);
    expect(found[0].significant).toBe(false);
    expect(found[1].significant).toBe(true);
  });

  it("never puts an insignificant change above a significant one, however large its percentage", () => {
    const found = ranked([
      [
        "Indicators",
        [
          ["Partnership indicators"],
          ["Indicator", ...YEARS],
          ["Community Trigger applications", 1, 5],
          ["Section 136 detentions", 112, 142],
          ["Street drinking reports", 300, 360],
          ["Begging reports", 31, 1],
        ],
      ],
    ]);
    const significant = found.map((f) => f.significant);
    const firstNot = significant.indexOf(false);
    expect(firstNot).toBeGreaterThan(0);
    expect(significant.slice(firstNot)).not.toContain(true);
    // Beyond chance, the further beyond chance first: 31 to 1 before 300 to 360.
    expect(found[0].label).toBe("Begging reports");
    expect(found[1].label).toBe("Street drinking reports");
  });

  it("lets a computed total lead only when it is the partnership's all crime", () => {
    const crimeTypes = ranked([
      [
        "Crime",
        [
          ["Crime type", ...YEARS],
          ["Burglary", 420, 410],
          ["Robbery", 60, 62],
          ["Shoplifting", 500, 620],
        ],
      ],
    ]);
    expect(crimeTypes[0].text).toMatch(/^All crime rose by 11\.4%, from 980 to 1,092/);

    const treatment = ranked([
      [
        "Treatment",
        [
          ["People starting a course by age"],
          ["Age", ...YEARS],
          ["18 - 24", 46, 32],
          ["25 - 34", 117, 128],
          ["35 - 44", 151, 160],
        ],
      ],
      ["Complaints", [["Noise complaints"], ["Kind", ...YEARS], ["Amplified music", 728, 587]]],
    ]);
    expect(treatment[0].label).toBe("Amplified music");
    const total = treatment.find((f) => f.label === "Total");
    expect(total?.text).toMatch(/^People starting a course \(total\) rose by 1\.9%/);
    expect(treatment.indexOf(total!)).toBeGreaterThan(0);
  });

  it("says each change once: a sentence copied into another sheet, or a subtype that equals its type", () => {
    const found = ranked([
      [
        "Crime",
        [
          ["Police recorded crime, Ashvale"],
          ["Crime type", ...YEARS],
          ["All crime", 17244, 16947],
          ["Possession of weapons", 130, 190],
        ],
      ],
      ["Crime copy", [["Police recorded crime, Ashvale"], ["Crime type", ...YEARS], ["All crime", 17244, 16947]]],
      [
        "Force file",
        [
          ["Crime by type"],
          ["Type", ...YEARS],
          ["Possession of weapons", 130, 190],
          ["Drug offences", 100, 101],
          [],
          ["Crime by subtype"],
          ["Subtype", ...YEARS],
          ["Possession of weapons offences", 130, 190],
          ["Trafficking of drugs", 90, 95],
        ],
      ],
    ]);
    const texts = found.map((f) => f.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.filter((t) => /^All crime fell/.test(t))).toHaveLength(1);
    // The force file's type and subtype are one change; the borough table's own row stays, in its own sheet.
    expect(texts.filter((t) => /^Possession of weapons offences/.test(t))).toHaveLength(0);
  });

  it("orders changes beyond chance by their theme's MoRiLE rank, then by how far beyond chance", () => {
    const found = ranked([
      [
        "MoRiLE",
        [
          [...MORILE_TEMPLATE_HEADER],
          ["Anti-social behaviour", ...LOW_LEVELS, "", ""],
          ["Domestic abuse", ...HIGH_LEVELS, "", ""],
        ],
      ],
      [
        "Indicators",
        [
          ["Partnership indicators"],
          ["Indicator", ...YEARS],
          ["Noise complaints", 728, 587],
          ["MARAC referrals", 150, 190],
        ],
      ],
    ]);
    expect(found.map((f) => [f.label, f.theme])).toEqual([
      ["MARAC referrals", "Domestic abuse"],
      ["Noise complaints", "Anti-social behaviour"],
    ]);
  });

  it("puts an intervention's comparison wards and other areas' rows after the partnership's own changes", () => {
    const found = ranked([
      [
        "Districts",
        [
          ["Burglary in the county's districts"],
          ["District", ...YEARS],
          ["Canterbury", 100, 190],
          ["Dover", 80, 82],
          ["Swale", 90, 95],
        ],
      ],
      [
        "Crime",
        [
          ["Police recorded crime, Ashvale"],
          ["Crime type", ...YEARS],
          ["Drug offences", 318, 394],
          ["Robbery", 60, 55],
        ],
      ],
    ]);
    const own = found.findIndex((f) => f.label === "Robbery");
    const other = found.findIndex((f) => f.label === "Canterbury");
    expect(own).toBeLessThan(other);
    expect(found[other].significant).toBe(true);
  });
});
