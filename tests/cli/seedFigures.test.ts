// Every comparison in the seed's numeric tables, recomputed from the sample workbook and
// checked against the figure the Strategic Assessment publishes.
import type { Assessment } from "../../src/core";
import { assessSample, roundsTo, rowOf, tableOf } from "../helpers/sample";

let assessment: Assessment;
beforeAll(async () => {
  ({ assessment } = await assessSample());
});

// District | Difference | % change from previous year, as the seed prints them.
const ALCOHOL: [string, number, string][] = [
  ["Ashford", 12, "29%"],
  ["Canterbury", 44, "86%"],
  ["Dartford", -17, "-27%"],
  ["Dover", 30, "81%"],
  ["Gravesham", -7, "-11%"],
  ["Maidstone", 26, "19%"],
  ["Sevenoaks", -18, "-30%"],
  ["Shepway", 16, "42%"],
  ["Swale", 1, "2%"],
  ["Thanet", 44, "66%"],
  ["Tonbridge & Malling", -26, "-27%"],
  ["Tunbridge Wells", 8, "11%"],
  ["All Kent", 113, "14%"],
];
const PSYCHOACTIVE: [string, number, string][] = [
  ["Ashford", 56, "18%"],
  ["Canterbury", 26, "5%"],
  ["Dartford", -18, "-5%"],
  ["Dover", 61, "15%"],
  ["Gravesham", -8, "-2%"],
  ["Maidstone", -54, "-8%"],
  ["Sevenoaks", -4, "-1%"],
  ["Shepway", 47, "11%"],
  ["Swale", -16, "-4%"],
  ["Thanet", 180, "29%"],
  ["Tonbridge & Malling", 4, "1%"],
  ["Tunbridge Wells", 64, "17%"],
  ["All Kent", 338, "6%"],
];

describe("the seed's figures, reproduced from the sample workbook", () => {
  it("police crime: all crime -1.7% from 17,244 to 16,947; drug offences +23.9% (+76)", () => {
    const t = tableOf(assessment, "Police crime", "Police recorded crime");
    expect(rowOf(t, "All crime").values).toEqual([17244, 16947]);
    expect(roundsTo(rowOf(t, "All crime").pctChange, "-1.7%")).toBe(true);
    expect(rowOf(t, "Drug offences").change).toBe(76);
    expect(roundsTo(rowOf(t, "Drug offences").pctChange, "23.9%")).toBe(true);
    expect(roundsTo(rowOf(t, "Vehicle interference").pctChange, "17%")).toBe(true);
    expect(rowOf(t, "Vehicle interference").significance?.wording).toMatch(
      /^a rise of 26 is within normal year-to-year variation/,
    );
    expect(t.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("headline sentences read as the seed writes them", () => {
    const texts = assessment.headlines.map((h) => h.text);
    expect(texts.some((t) => t.startsWith("Drug offences rose by 23.9%, from 318 to 394 (+76)"))).toBe(true);
    expect(texts.some((t) => t.startsWith("All crime fell by 1.7%, from 17,244 to 16,947 (-297)"))).toBe(true);
    expect(
      texts.some((t) =>
        t.startsWith(
          "Needle finds removed by the council's waste management service (total) rose by 5.3%, from 1,934 to 2,036 (+102)",
        ),
      ),
    ).toBe(true);
  });

  it("alcohol related admissions: every district's difference and % change, Maidstone +18.7%, Kent +14.4%", () => {
    const t = tableOf(assessment, "Alcohol admissions", "Alcohol related");
    for (const [district, difference, pct] of ALCOHOL) {
      expect([district, rowOf(t, district).change]).toEqual([district, difference]);
      expect([district, roundsTo(rowOf(t, district).pctChange, pct)]).toEqual([district, true]);
    }
    expect(roundsTo(rowOf(t, "Maidstone").pctChange, "18.7%")).toBe(true);
    expect(roundsTo(rowOf(t, "All Kent").pctChange, "14.4%")).toBe(true);
    expect(rowOf(t, "Maidstone").rank).toBe(1);
    expect(t.findings).toEqual([]);
  });

  it("psychoactive substance admissions: every district, Maidstone -7.8%, Kent 5,290 to 5,628", () => {
    const t = tableOf(assessment, "Psychoactive admissions", "psychoactive");
    for (const [district, difference, pct] of PSYCHOACTIVE) {
      expect([district, rowOf(t, district).change]).toEqual([district, difference]);
      expect([district, roundsTo(rowOf(t, district).pctChange, pct)]).toEqual([district, true]);
    }
    expect(roundsTo(rowOf(t, "Maidstone").pctChange, "-7.8%")).toBe(true);
    expect(rowOf(t, "All Kent").values).toEqual([5290, 5628]);
    // The sample types the Kent row as text ("5,290"), as a pasted table does: read, and said once.
    expect(t.findings.map((f) => [f.kind, f.stated])).toEqual([["numbers-as-text", 2]]);
  });

  it("structured treatment, both side-by-side tables: 508 to 513 (+5, 1%)", () => {
    const byAge = tableOf(assessment, "Substance treatment", "by age");
    const expected: [string, string][] = [
      ["17 and under", "-56%"],
      ["18 - 24", "-30%"],
      ["25 - 34", "9%"],
      ["35 - 44", "6%"],
      ["45 - 54", "3%"],
      ["55 - 64", "10%"],
      ["65+", "-14%"],
    ];
    for (const [age, pct] of expected) expect([age, roundsTo(rowOf(byAge, age).pctChange, pct)]).toEqual([age, true]);
    expect(byAge.columnTotals).toEqual([508, 513]);
    const bySubstance = tableOf(assessment, "Substance treatment", "by substance");
    const substances: [string, string][] = [
      ["Alcohol Only", "9%"],
      ["Non-Opiate Only", "-4%"],
      ["Non-Opiate & Alcohol", "-16%"],
      ["Opiate", "2%"],
      ["Total", "1%"],
    ];
    for (const [s, pct] of substances) expect([s, roundsTo(rowOf(bySubstance, s).pctChange, pct)]).toEqual([s, true]);
    expect(rowOf(bySubstance, "Total").change).toBe(5);
    // People in treatment are a caseload, not events: their changes are given without a test, and said so once a table.
    expect([...byAge.findings, ...bySubstance.findings].map((f) => f.kind)).toEqual(["no-count-test", "no-count-test"]);
  });

  it("needle finds: turned round, 1,934 to 2,036 (+5.3%), month totals and peaks", () => {
    const t = tableOf(assessment, "Needle finds", "Needle finds removed");
    expect(t.table.transposed).toBe(true);
    expect(t.table.kind).toBe("months");
    expect(t.months?.totals).toEqual([1934, 2036]);
    const total = rowOf(t, "Total");
    expect(total.change).toBe(102);
    expect(roundsTo(total.pctChange, "5.3%")).toBe(true);
    expect(roundsTo(total.pctChange, "5%")).toBe(true);
    expect(t.months?.peaks).toEqual([
      { month: "Sep", value: 468 },
      { month: "Nov", value: 381 },
    ]);
    expect(t.months?.seasonalIndex).toHaveLength(12);
    // One find can hold many needles: the change is given without a test, and the one finding says so.
    expect(t.findings.map((f) => f.kind)).toEqual(["no-count-test"]);
  });

  it("top needle-find locations: River Steps first in 2018-19, Lower Boxley Road in 2017-18", () => {
    const earlier = tableOf(assessment, "Needle finds", "October-17 to September-18");
    const later = tableOf(assessment, "Needle finds", "October-18 to September-19");
    expect(rowOf(earlier, "Lower Boxley Road").rank).toBe(1);
    expect(rowOf(later, "River Steps").rank).toBe(1);
    expect(later.table.columns[0].header).toBe("October-18 to September-19");
  });

  it("youth offending: the ward table's TOTAL of 35 is wrong (the rows sum to 34)", () => {
    const t = tableOf(assessment, "Youth offending", "Young offenders by ward");
    expect(t.findings).toEqual([
      expect.objectContaining({
        cell: "'Youth offending'!B19",
        severity: "error",
        kind: "total-mismatch",
        stated: 35,
        computed: 34,
      }),
    ]);
    expect(rowOf(t, "High Street").rank).toBe(1);
  });

  it("key indicators: Section 136 +27% (+30), referrals +5% and +11%, youth offences +13 (13%), offenders -31%, hate crime +15%", () => {
    const t = tableOf(assessment, "Key indicators", "Key partnership indicators");
    const checks: [string, number, string][] = [
      ["Section 136 detentions", 30, "27%"],
      ["Mental health referrals, young adults", 63, "5%"],
      ["Mental health referrals, older adults", 86, "11%"],
      ["Youth offences", 13, "13%"],
      ["Young people committing offences", -16, "-31%"],
      ["MARAC cases", -7, "-3%"],
      ["Hate crimes", 56, "15%"],
      ["Violent crimes by people on probation", -51, "-23%"],
      ["Structured treatment starts, Kent", 5, "1%"],
    ];
    for (const [label, change, pct] of checks) {
      expect([label, rowOf(t, label).change, roundsTo(rowOf(t, label).pctChange, pct)]).toEqual([label, change, true]);
    }
    // Only the IOM cohort (a caseload) is left untested, and the one finding says so.
    expect(t.findings.map((f) => [f.kind, /IOM cohort/.test(f.message)])).toEqual([["no-count-test", true]]);
  });

  it("One Stop Shop attendances: years down the rows, 259 to 262, a rise of 3", () => {
    const t = tableOf(assessment, "One Stop Shop", "One Stop Shop");
    expect(t.table.transposed).toBe(true);
    expect(rowOf(t, "Total").change).toBe(3);
    expect(rowOf(t, "Male").values).toEqual([12, 20]);
    expect(t.findings).toEqual([]);
  });

  it("ASB: complaints, warnings and notices (totals 48, 31, 6, 4 agree), encampments 10 to 7", () => {
    const complaints = tableOf(assessment, "ASB", "behaviour-based complaints");
    expect(rowOf(complaints, "All noise nuisance including amplified music and barking").change).toBe(-141);
    expect(rowOf(complaints, "Dog Fouling").change).toBe(-28);
    const warnings = tableOf(assessment, "ASB", "Warnings");
    const notices = tableOf(assessment, "ASB", "Notices");
    expect(rowOf(warnings, "Total").values).toEqual([48, 31]);
    expect(rowOf(notices, "Total").values).toEqual([6, 4]);
    expect([...warnings.findings, ...notices.findings]).toEqual([]);
    const encampments = tableOf(assessment, "ASB", "Unauthorised Encampments");
    expect(rowOf(encampments, "No. Encampments").values).toEqual([10, 7]);
    expect(rowOf(encampments, "Avg Time in Situ").significance).toBeNull();
    expect(encampments.findings.map((f) => f.kind)).toEqual(["missing-value", "missing-value", "no-count-test"]);
  });

  it("hate crime: This Year first on the sheet, put in time order; every typed change agrees", () => {
    const t = tableOf(assessment, "Hate crime", "Hate crime by strand");
    expect(t.table.columns.map((c) => c.header)).toEqual(["Last Year", "This Year"]);
    const changes: [string, number][] = [
      ["Race (Ethnic) prejudice", 23],
      ["Religion/faith/belief prejudice", 16],
      ["Gender prejudice", -8],
      ["Disability prejudice (inc mental)", 22],
      ["Age prejudice", 0],
      ["Transgender", 0],
      ["Sexual Orientation", 0],
    ];
    for (const [label, change] of changes) expect([label, rowOf(t, label).change]).toEqual([label, change]);
    expect(t.findings).toEqual([]);
  });

  it("illustrative DA by ward meets every stated fact: High Street first, Park Wood second, the six wards 42.5%", () => {
    const t = tableOf(assessment, "DA by ward (illustrative)", "ILLUSTRATIVE");
    expect(rowOf(t, "High Street").rank).toBe(1);
    expect(rowOf(t, "Park Wood").rank).toBe(2);
    const six = ["High Street", "North", "East", "Fant", "Bridge", "South"].reduce(
      (s, w) => s + (rowOf(t, w).share ?? 0),
      0,
    );
    expect(roundsTo(six, "42.5%")).toBe(true);
    const top10 = t.rows.filter((r) => (r.rank ?? 99) <= 10).map((r) => r.label);
    expect(top10).toEqual(expect.arrayContaining(["North", "East", "Fant", "Bridge", "South", "Marden and Yalding"]));
    expect(rowOf(t, "Marden and Yalding").cumulativeShare).not.toBeNull();
  });

  it("finds exactly one error in the whole sample: the youth table's total", () => {
    expect(assessment.findings.filter((f) => f.severity === "error").map((f) => f.cell)).toEqual([
      "'Youth offending'!B19",
    ]);
  });
});
