import { IncidentAggregator, comparisonWindows, crimeGroupOf, findRecordColumns, parseRecordDate } from "../../../src/core";

describe("parseRecordDate", () => {
  it("reads Excel serials, dates, ISO text and UK dd/mm/yyyy, with times", () => {
    expect(parseRecordDate(43577)).toEqual({ year: 2019, month: 4, day: 22, minutes: null });
    expect(parseRecordDate(43577.75)).toEqual({ year: 2019, month: 4, day: 22, minutes: 1080 });
    expect(parseRecordDate("2019-04-22T18:30")).toEqual({ year: 2019, month: 4, day: 22, minutes: 1110 });
    expect(parseRecordDate("05/03/2019")).toEqual({ year: 2019, month: 3, day: 5, minutes: null });
    expect(parseRecordDate("22/04/2019 18:30")).toMatchObject({ month: 4, day: 22, minutes: 1110 });
    expect(parseRecordDate(new Date(Date.UTC(2019, 11, 25)))).toEqual({ year: 2019, month: 12, day: 25, minutes: null });
  });

  it("refuses what is not a real date, and never reads month-first", () => {
    expect(parseRecordDate("31/02/2019")).toBeNull();
    expect(parseRecordDate("04/22/2019")).toBeNull();
    expect(parseRecordDate("yesterday")).toBeNull();
    expect(parseRecordDate(null)).toBeNull();
  });
});

describe("comparisonWindows", () => {
  it("gives the seed's November to October years, financial years and calendar years", () => {
    expect(comparisonWindows("nov-oct", { year: 2019, month: 10 }).labels).toEqual(["Nov 17 – Oct 18", "Nov 18 – Oct 19"]);
    expect(comparisonWindows("nov-oct", { year: 2020, month: 2 }).labels).toEqual(["Nov 17 – Oct 18", "Nov 18 – Oct 19"]);
    expect(comparisonWindows("apr-mar", { year: 2020, month: 3 }).labels).toEqual(["Apr 18 – Mar 19", "Apr 19 – Mar 20"]);
    expect(comparisonWindows("calendar", { year: 2019, month: 12 }).labels).toEqual(["Jan 18 – Dec 18", "Jan 19 – Dec 19"]);
  });
});

describe("crime groups and record columns", () => {
  it("maps police categories to groups, the analyst's mapping first", () => {
    expect(crimeGroupOf("Violence with injury", new Map())).toBe("Violence against the person");
    expect(crimeGroupOf("  DRUG   offences ", new Map())).toBe("Drug offences");
    expect(crimeGroupOf("Parking", new Map())).toBeNull();
    expect(crimeGroupOf("Parking", new Map([["parking", "Other crime"]]))).toBe("Other crime");
  });

  it("finds the columns police extracts name", () => {
    expect(findRecordColumns(["Crime Reference", "Committed Date", "Crime Type", "Ward", "DA Flag"])).toEqual({ date: 1, category: 2, ward: 3, domesticAbuse: 4 });
    expect(findRecordColumns(["Ref", "Date", "Offence"])).toEqual({ date: 1, category: 2, ward: null, domesticAbuse: null });
    expect(findRecordColumns(["Ward", "Count"])).toBeNull();
  });
});

describe("IncidentAggregator", () => {
  it("compares two periods by group and ward, gives domestic abuse shares, and counts what it cannot use by reason", () => {
    const agg = new IncidentAggregator({ date: 0, category: 1, ward: 2, domesticAbuse: 3 });
    const rows: [string, string, string, string][] = [
      ["01/12/2017", "Violence with injury", "High Street", "Y"],
      ["01/12/2018", "Violence with injury", "High Street", "Y"],
      ["02/12/2018", "Violence without injury", "North", "N"],
      ["03/12/2018", "Shoplifting", "North", "Y"],
      ["05/10/2019", "Drug offences", "High Street", "N"],
      ["31/02/2019", "Theft", "North", "N"],
      ["05/03/2019", "Parking", "North", "N"],
      ["01/01/2015", "Theft", "North", "N"],
    ];
    rows.forEach((r, i) => agg.add(r, `row ${i + 2}`));
    const s = agg.summary("nov-oct");
    expect(s.periods).toEqual(["Nov 17 – Oct 18", "Nov 18 – Oct 19"]);
    expect(s.allCrime).toEqual([1, 4]);
    expect(s.byGroup.find((g) => g.group === "Violence against the person")).toEqual({ group: "Violence against the person", values: [1, 2], pctChange: 1 });
    expect(s.byWard).toEqual([{ name: "High Street", values: [1, 2] }, { name: "North", values: [0, 2] }]);
    expect(s.daShareAll).toBe(0.5);
    expect(s.daShareViolence).toBe(0.5);
    expect(s.rejected).toEqual({
      count: 3,
      reasons: { "unreadable date": 1, "unknown category": 1, "outside both periods": 1 },
      examples: { "unreadable date": ["row 7"], "unknown category": ["row 8"] },
    });
  });
});
