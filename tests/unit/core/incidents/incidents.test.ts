import {
  IncidentAggregator,
  type RecordColumns,
  type RecordLocator,
  analyseIncidents,
  comparisonWindows,
  crimeGroupOf,
  dayNumber,
  findRecordColumns,
  incidentSummary,
  interventionImpact,
  parseRecordDate,
  parseRecordTime,
  temporalPatterns,
  yearEarlier,
} from "../../../../src/core";

const COLUMNS: RecordColumns = {
  date: 0,
  category: 1,
  time: null,
  ward: null,
  domesticAbuse: null,
  latitude: null,
  longitude: null,
  easting: null,
  northing: null,
};
const day = (iso: string): number => {
  const [y, m, d] = iso.split("-").map(Number);
  return dayNumber({ year: y, month: m, day: d });
};
const isoOf = (n: number): string => new Date(n * 86400000).toISOString().slice(0, 10);

describe("parseRecordDate", () => {
  it("reads Excel serials, dates, ISO text and UK dd/mm/yyyy, with times", () => {
    expect(parseRecordDate(43577)).toEqual({ year: 2019, month: 4, day: 22, minutes: null });
    expect(parseRecordDate(43577.75)).toEqual({ year: 2019, month: 4, day: 22, minutes: 1080 });
    expect(parseRecordDate("2019-04-22T18:30")).toEqual({ year: 2019, month: 4, day: 22, minutes: 1110 });
    expect(parseRecordDate("05/03/2019")).toEqual({ year: 2019, month: 3, day: 5, minutes: null });
    expect(parseRecordDate("22/04/2019 18:30")).toMatchObject({ month: 4, day: 22, minutes: 1110 });
    expect(parseRecordDate(new Date(Date.UTC(2019, 11, 25)))).toEqual({
      year: 2019,
      month: 12,
      day: 25,
      minutes: null,
    });
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
    expect(comparisonWindows("nov-oct", { year: 2019, month: 10 }).labels).toEqual([
      "Nov 17 – Oct 18",
      "Nov 18 – Oct 19",
    ]);
    expect(comparisonWindows("nov-oct", { year: 2020, month: 2 }).labels).toEqual([
      "Nov 17 – Oct 18",
      "Nov 18 – Oct 19",
    ]);
    expect(comparisonWindows("apr-mar", { year: 2020, month: 3 }).labels).toEqual([
      "Apr 18 – Mar 19",
      "Apr 19 – Mar 20",
    ]);
    expect(comparisonWindows("calendar", { year: 2019, month: 12 }).labels).toEqual([
      "Jan 18 – Dec 18",
      "Jan 19 – Dec 19",
    ]);
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
    const none = {
      time: null,
      ward: null,
      domesticAbuse: null,
      latitude: null,
      longitude: null,
      easting: null,
      northing: null,
    };
    expect(findRecordColumns(["Crime Reference", "Committed Date", "Crime Type", "Ward", "DA Flag"])).toEqual({
      ...none,
      date: 1,
      category: 2,
      ward: 3,
      domesticAbuse: 4,
    });
    expect(findRecordColumns(["Ref", "Date", "Offence"])).toEqual({ ...none, date: 1, category: 2 });
    expect(findRecordColumns(["Date", "Time", "Offence", "Easting", "Northing"])).toEqual({
      ...none,
      date: 0,
      time: 1,
      category: 2,
      easting: 3,
      northing: 4,
    });
    // One coordinate without its partner locates nothing.
    expect(findRecordColumns(["Date", "Offence", "Latitude"])).toEqual({ ...none, date: 0, category: 1 });
    expect(findRecordColumns(["Ward", "Count"])).toBeNull();
  });
});

describe("IncidentAggregator", () => {
  it("compares two periods by group and ward, gives domestic abuse shares, and counts what it cannot use by reason", () => {
    const agg = new IncidentAggregator({ ...COLUMNS, date: 0, category: 1, ward: 2, domesticAbuse: 3 });
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
    const s = incidentSummary(agg.counts(), "nov-oct", null);
    expect(s.periods).toEqual(["Nov 17 – Oct 18", "Nov 18 – Oct 19"]);
    expect(s.allCrime).toEqual([1, 4]);
    expect(s.byGroup.find((g) => g.group === "Violence against the person")).toEqual({
      group: "Violence against the person",
      values: [1, 2],
      pctChange: 1,
    });
    expect(s.byWard).toEqual([
      { name: "High Street", values: [1, 2], domesticAbuse: [1, 1] },
      { name: "North", values: [0, 2], domesticAbuse: [0, 1] },
    ]);
    expect(s.daShareAll).toBe(0.5);
    expect(s.daShareViolence).toBe(0.5);
    expect(s.rejected).toEqual({
      count: 3,
      reasons: { "unreadable date": 1, "unknown category": 1, "outside both periods": 1 },
      examples: {
        "unreadable date": [{ where: "row 7", text: "31/02/2019 | Theft | North | N" }],
        "unknown category": [{ where: "row 8", text: "05/03/2019 | Parking | North | N" }],
        "outside both periods": [{ where: "row 9", text: "01/01/2015 | Theft | North | N" }],
      },
    });
  });
});

describe("temporal patterns", () => {
  // Two DA records every day of 2018, at 21:xx on Saturdays and 10:xx otherwise, plus eight
  // more on Christmas Day: Christmas stands out, nothing else does.
  const agg = new IncidentAggregator({ ...COLUMNS, domesticAbuse: 2, time: 3 });
  for (let d = day("2018-01-01"); d <= day("2018-12-31"); d += 1) {
    const saturday = new Date(d * 86400000).getUTCDay() === 6;
    for (let i = 0; i < 2; i += 1)
      agg.add([isoOf(d), "Violence with injury", "Y", saturday ? "21:15" : "10:05"], `row ${d}`);
  }
  for (let i = 0; i < 8; i += 1) agg.add(["25/12/2018 23:40", "Violence with injury", "Y", ""], "extra");
  agg.add(["03/03/2018", "Theft", "N", "12:00"], "not DA");
  const counts = agg.counts();
  const patterns = temporalPatterns(counts, "Domestic abuse", day("2018-01-01"), day("2018-12-31"))!;

  it("counts by month and weekday, and by hour from the date's time or the Time column", () => {
    expect(patterns.total).toBe(730 + 8);
    expect(patterns.monthWeekday[11][1]).toBe(4 * 2 + 8); // December 2018 had four Tuesdays; Christmas was one
    expect(patterns.hourWeekday![21][5]).toBe(52 * 2); // 52 Saturdays in 2018
    expect(patterns.hourWeekday![23][1]).toBe(8);
    expect(patterns.timedRecords).toBe(738);
    expect(patterns.weekdayAverage.every((a) => a === 2)).toBe(true);
  });

  it("tests each named date against the same weekday and finds only Christmas Day", () => {
    const christmas = patterns.namedDates.find((d) => d.name === "Christmas Day")!;
    expect(christmas).toMatchObject({ dates: ["25/12/2018"], observed: 10, expected: 2, ratio: 5, significant: true });
    expect(christmas.pValue).toBeLessThan(0.001);
    expect(christmas.wording).toBe(
      "10 records against 2 on the same weekdays: higher than normal day-to-day variation (p < 0.001)",
    );
    expect(patterns.namedDates.filter((d) => d.significant).map((d) => d.name)).toEqual(["Christmas Day"]);
    expect(patterns.namedDates.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        "Valentine's Day",
        "Father's Day",
        "Early May bank holiday",
        "Summer bank holiday",
        "New Year's Eve",
        "New Year's Day",
      ]),
    );
  });

  it("profiles a crime group on request, and says there is none for an unknown one", () => {
    expect(temporalPatterns(counts, "Theft", day("2018-01-01"), day("2018-12-31"))!.total).toBe(1);
    expect(temporalPatterns(counts, "Arson", day("2018-01-01"), day("2018-12-31"))).toBeNull();
    const noFlag = new IncidentAggregator(COLUMNS).counts();
    expect(temporalPatterns(noFlag, "Domestic abuse", 0, 10)).toBeNull();
  });

  it("reads separate time columns", () => {
    expect([parseRecordTime("18:30"), parseRecordTime(0.75), parseRecordTime("25:00"), parseRecordTime("")]).toEqual([
      1110,
      1080,
      null,
      null,
    ]);
  });
});

describe("intervention impact", () => {
  const agg = new IncidentAggregator({ ...COLUMNS, ward: 2 });
  const add = (date: string, category: string, ward: string, n: number): void => {
    for (let i = 0; i < n; i += 1) agg.add([date, category, ward], "row");
  };
  add("2018-11-01", "Shoplifting", "High Street", 165);
  add("2019-11-01", "Shoplifting", "High Street", 307);
  add("2018-10-11", "Shoplifting", "High Street", 50); // the day before the comparison period
  add("2019-12-01", "Drug offences", "High Street", 4);
  add("2019-01-05", "Violence with injury", "Bridge", 10);
  add("2020-01-05", "Violence with injury", "Bridge", 12);
  const impact = interventionImpact(agg.counts(), {
    name: "Town Centre team",
    wards: ["high street"],
    comparisonWards: ["Bridge", "Nowhere"],
    start: day("2019-10-12"),
    end: day("2020-02-19"),
  });

  it("compares the same dates a year earlier, by group, in the intervention and comparison wards", () => {
    expect(impact.periods).toEqual(["12/10/2018 – 19/02/2019", "12/10/2019 – 19/02/2020"]);
    const high = impact.wards[0];
    expect(high.ward).toBe("High Street");
    expect(high.role).toBe("intervention");
    expect(high.rows.slice(0, 2)).toEqual([
      { group: "All crime", aggregate: true, before: 165, after: 311 },
      { group: "Victim-based crime", aggregate: true, before: 165, after: 307 },
    ]);
    expect(high.rows.find((r) => r.group === "Theft")).toEqual({
      group: "Theft",
      aggregate: false,
      before: 165,
      after: 307,
    });
    expect(impact.wards[1]).toMatchObject({ ward: "Bridge", role: "comparison" });
    expect(impact.wards[1].rows[0]).toMatchObject({ before: 10, after: 12 });
    expect(impact.unknownWards).toEqual(["Nowhere"]);
  });

  it("takes 29 February back to 28 February", () => {
    expect(isoOf(yearEarlier(day("2020-02-29")))).toBe("2019-02-28");
  });
});

describe("records with coordinates", () => {
  // A stand-in for the GIS module's locator: wards are the halves of a box around Maidstone.
  const locator: RecordLocator = {
    locate(x, y) {
      const inside = (lon: number, lat: number): boolean => lon > 0.4 && lon < 0.7 && lat > 51.1 && lat < 51.35;
      if (inside(x, y)) return { ward: x < 0.52 ? "West" : "East" };
      return inside(y, x) ? { reject: "latitude and longitude swapped" } : { outside: true };
    },
    wardName: (text) => (/^(e05000001|west)$/i.test(text) ? "West" : null),
  };

  it("reads ward codes and other spellings as the boundaries' ward names", () => {
    const agg = new IncidentAggregator({ ...COLUMNS, ward: 2 }, new Map(), locator);
    for (const ward of ["E05000001", "WEST", "West", "Somewhere"]) agg.add(["01/10/2018", "Theft", ward], "row");
    expect(incidentSummary(agg.counts(), "nov-oct", null).byWard.map((w) => [w.name, w.values[1]])).toEqual([
      ["West", 3],
      ["Somewhere", 1],
    ]);
  });

  it("places records by latitude and longitude, and counts swapped and outside ones by reason with example rows", () => {
    const agg = new IncidentAggregator({ ...COLUMNS, latitude: 2, longitude: 3 }, new Map(), locator);
    agg.add(["01/10/2018", "Theft", 51.27, 0.51], "row 2");
    agg.add(["01/10/2018", "Theft", 51.27, 0.6], "row 3");
    agg.add(["01/10/2018", "Theft", 0.6, 51.27], "row 4");
    agg.add(["01/10/2018", "Theft", 53.4, -2.2], "row 5");
    agg.add(["01/10/2018", "Theft", "", ""], "row 6");
    const analysis = analyseIncidents(agg.counts(), "extract.csv", { window: "nov-oct", end: null });
    expect(analysis.summary.byWard.map((w) => [w.name, w.values[1]])).toEqual([
      ["East", 1],
      ["West", 1],
    ]);
    expect(analysis.summary.allCrime[1]).toBe(3);
    expect(analysis.summary.rejected.reasons).toEqual({ "latitude and longitude swapped": 1 });
    // Outside every ward is not an error: counted apart, and not in the borough's totals.
    expect([analysis.extract.outsideBoundaries, analysis.extract.unlocated, analysis.extract.located]).toEqual([
      1, 1, 2,
    ]);
    const swapped = analysis.findings.find((f) => f.message.includes("swapped"))!;
    expect(swapped.severity).toBe("warning");
    expect(swapped.message).toBe(
      "extract.csv: 1 record not counted (latitude and longitude swapped); for example row 4: 01/10/2018 | Theft | 0.6 | 51.27",
    );
  });
});
