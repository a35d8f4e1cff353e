import fc from "fast-check";
import Papa from "papaparse";
import { completeRecordsEnd, csvDelimiter, csvFormat, csvRows } from "../../../../src/adapters/records";
import {
  ExtractCollector,
  IncidentAggregator,
  type RecordLocator,
  analyseIncidents,
  extractFileName,
  findRecordColumns,
  incidentTables,
  parseRecordMonth,
  readPopulationTable,
} from "../../../../src/core";
import { sheet } from "../../../helpers/grids";

const HEADER = [
  "Crime ID",
  "Month",
  "Reported by",
  "Falls within",
  "Longitude",
  "Latitude",
  "Location",
  "LSOA code",
  "LSOA name",
  "Crime type",
  "Last outcome category",
  "Context",
];

/** A police.uk street record: month, force, coordinates (or none) and crime type. */
const record = (
  month: string,
  type: string,
  lon: number | null,
  lat: number | null,
  force = "Kent Police",
  lsoa = "E01024389",
): string[] => [
  type === "Anti-social behaviour" ? "" : `id-${month}-${type}`,
  month,
  force,
  force,
  lon === null ? "" : String(lon),
  lat === null ? "" : String(lat),
  lon === null ? "No Location" : "On or near High Street",
  lon === null ? "" : lsoa,
  lon === null ? "" : "Maidstone 013A",
  type,
  "Under investigation",
  "",
];

// A stand-in for the GIS module's locator: two wards split at longitude 0.52, inside a box.
const locator: RecordLocator = {
  locate(x, y) {
    if (x > 0.4 && x < 0.7 && y > 51.1 && y < 51.35) return { ward: x < 0.52 ? "West" : "East" };
    return { outside: true };
  },
  wardName: () => null,
};

describe("police.uk columns and months", () => {
  it("finds police.uk's header: Month (months only), Crime type, longitude before latitude, LSOA and force", () => {
    expect(findRecordColumns(HEADER)).toMatchObject({
      date: 1,
      monthOnly: true,
      category: 9,
      longitude: 4,
      latitude: 5,
      lsoaCode: 7,
      lsoaName: 8,
      fallsWithin: 3,
      reportedBy: 2,
    });
    // A day-level date column wins over a month column.
    expect(findRecordColumns(["Date", "Month", "Offence"])).toMatchObject({ date: 0, monthOnly: undefined });
  });

  it.each([
    ["2022-01", "2022-01"],
    ["2022/1", "2022-01"],
    ["01/2022", "2022-01"],
    ["Jan-22", "2022-01"],
    ["January 2022", "2022-01"],
    ["Sept 2021", "2021-09"],
    ["2022-01-15", "2022-01"],
    [44562, "2022-01"],
  ])("reads the month %p as %s", (value, month) => {
    const date = parseRecordMonth(value);
    expect(date && `${date.year}-${String(date.month).padStart(2, "0")}`).toBe(month);
    expect(date?.day).toBe(1);
  });

  it.each(["2022-13", "2022-00", "Smarch 2022", "", "n/a"])("refuses %p as a month", (value) => {
    expect(parseRecordMonth(value)).toBeNull();
  });

  it("reads police.uk's file names: street, outcomes and stop-and-search, with month and force", () => {
    expect(extractFileName("2022-01/2022-01-kent-street.csv")).toEqual({
      kind: "street",
      month: "2022-01",
      force: "kent",
    });
    expect(extractFileName("download/2022-03/2022-03-metropolitan-stop-and-search.csv")).toEqual({
      kind: "stop-and-search",
      month: "2022-03",
      force: "metropolitan",
    });
    expect(extractFileName("2022-01-btp-outcomes.csv").kind).toBe("outcomes");
    expect(extractFileName("my extract.csv")).toEqual({ kind: "other", month: null, force: null });
  });
});

describe("a police.uk extract", () => {
  function analyse(rows: string[][], columns = findRecordColumns(HEADER)!) {
    const agg = new IncidentAggregator(columns, new Map(), locator);
    rows.forEach((row, i) => agg.add(row, `line ${i + 2}`));
    return analyseIncidents(agg.counts(), "kent.csv", { window: "nov-oct", end: null });
  }

  it("keeps anti-social behaviour apart from crime, cuts force-wide records to the borough and leaves No Location records out", () => {
    const a = analyse([
      record("2022-01", "Shoplifting", 0.5, 51.27),
      record("2022-01", "Anti-social behaviour", 0.6, 51.27),
      record("2022-02", "Vehicle crime", 0.6, 51.27),
      record("2022-02", "Drugs", 1.0, 51.1), // Ashford: another borough
      record("2022-02", "Burglary", null, null), // No Location
    ]);
    expect(a.extract).toMatchObject({
      records: 5,
      located: 3,
      outsideBoundaries: 1,
      unlocated: 1,
      unlocatedExcluded: true,
      counted: 3,
      monthOnly: true,
    });
    expect(a.extract.months).toEqual([
      { month: "2022-01", count: 2, crime: 1, antisocialBehaviour: 1 },
      { month: "2022-02", count: 1, crime: 1, antisocialBehaviour: 0 },
    ]);
    expect(a.extract.byCategory).toEqual([
      { category: "Anti-social behaviour", count: 1 },
      { category: "Shoplifting", count: 1 },
      { category: "Vehicle crime", count: 1 },
    ]);
    expect(a.extract.byWard).toEqual([
      { name: "East", count: 2, crime: 1, antisocialBehaviour: 1 },
      { name: "West", count: 1, crime: 1, antisocialBehaviour: 0 },
    ]);
    expect(a.extract.byLsoa).toEqual([{ code: "E01024389", name: "Maidstone 013A", count: 3 }]);
    expect(a.summary.byGroup.map((g) => g.group)).not.toContain("Anti-social behaviour");
    expect(a.summary.byGroup.find((g) => g.group === "Vehicle offences")).toBeDefined();
    expect(Object.keys(a.summary.rejected.reasons)).not.toContain("latitude and longitude swapped");
    expect(a.findings.map((f) => f.kind)).toEqual(
      expect.arrayContaining(["outside-boundaries", "unlocated-records", "month-only-dates", "short-extract"]),
    );
    expect(a.findings.every((f) => f.severity !== "error")).toBe(true);
  });

  it("gives no weekday, hour or named-date profile for months, rather than zeros", () => {
    const a = analyse([record("2022-01", "Shoplifting", 0.5, 51.27)]);
    expect(a.patterns).toBeNull();
    expect(a.findings.find((f) => f.kind === "month-only-dates")?.message).toMatch(/need day-level dates/);
  });

  it("summarises a short extract over its span, and compares years only when it covers both", () => {
    const short = analyse([
      record("2022-01", "Shoplifting", 0.5, 51.27),
      record("2022-03", "Anti-social behaviour", 0.6, 51.27),
    ]);
    expect(short.comparable).toBe(false);
    expect(incidentTables(short).map((t) => [t.title, t.columns.map((c) => c.header)])).toEqual([
      ["kent.csv: records by category", ["Jan 22 – Mar 22"]],
      ["kent.csv: crime by ward", ["Jan 22 – Mar 22"]],
      ["kent.csv: anti-social behaviour by ward", ["Jan 22 – Mar 22"]],
    ]);
    expect(short.extract.missingMonths).toEqual(["2022-02"]);
    expect(short.findings.find((f) => f.kind === "short-extract")?.message).toMatch(
      /covers January 2022 to March 2022 \(3 months\)/,
    );

    const rows: string[][] = [];
    for (let m = 0; m < 24; m += 1) {
      const month = `${2019 + Math.floor((m + 10) / 12)}-${String(((m + 10) % 12) + 1).padStart(2, "0")}`;
      rows.push(record(month, "Shoplifting", 0.5, 51.27), record(month, "Anti-social behaviour", 0.5, 51.27));
    }
    const full = analyse(rows);
    expect(full.comparable).toBe(true);
    expect(full.summary.periods).toEqual(["Nov 19 – Oct 20", "Nov 20 – Oct 21"]);
    expect(full.summary.allCrime).toEqual([12, 12]);
    expect(full.summary.antisocialBehaviour).toEqual([12, 12]);
    expect(full.findings.find((f) => f.kind === "incomplete-period")).toBeUndefined();
    expect(incidentTables(full).map((t) => t.title)).toEqual([
      "kent.csv: crime by group",
      "kent.csv: crime by ward",
      "kent.csv: anti-social behaviour by ward",
    ]);
  });

  it("says when records come from several forces", () => {
    const a = analyse([
      record("2022-01", "Shoplifting", 0.5, 51.27),
      record("2022-01", "Robbery", 0.51, 51.27, "British Transport Police"),
    ]);
    expect(a.findings.find((f) => f.kind === "several-forces")?.message).toMatch(
      /2 forces: British Transport Police \(1\), Kent Police \(1\)/,
    );
  });
});

describe("ExtractCollector", () => {
  const feed = (collector: ExtractCollector, name: string, rows: string[][]): void => {
    const reader = collector.file(name);
    if (!reader) return;
    rows.forEach((row, i) => reader.row(row, `${name} line ${i + 1}`));
    reader.end();
  };

  it("reads each file by its own header, skips outcomes and stop-and-search files, and counts a month given twice once", () => {
    const collector = new ExtractCollector(new Map(), locator);
    feed(collector, "2022-01/2022-01-kent-street.csv", [HEADER, record("2022-01", "Shoplifting", 0.5, 51.27)]);
    // The same month under another name: caught by its first record's month and force.
    feed(collector, "copy of january.csv", [HEADER, record("2022-01", "Shoplifting", 0.5, 51.27)]);
    // The same name again (a folder and its zip).
    feed(collector, "again/2022-01-kent-street.csv", [HEADER, record("2022-01", "Shoplifting", 0.5, 51.27)]);
    feed(collector, "2022-01/2022-01-kent-outcomes.csv", [["Crime ID", "Month", "Outcome type"]]);
    // Columns in another order are read by their names.
    const reordered = [9, 1, 4, 5, 3];
    feed(collector, "2022-02/2022-02-kent-street.csv", [
      reordered.map((c) => HEADER[c]),
      reordered.map((c) => record("2022-02", "Drugs", 0.6, 51.27)[c]),
    ]);
    feed(collector, "notes.csv", [["Note"], ["hello"]]);
    expect(collector.files().read).toEqual([
      { name: "2022-01/2022-01-kent-street.csv", records: 1 },
      { name: "2022-02/2022-02-kent-street.csv", records: 1 },
    ]);
    expect(collector.files().skipped.map((s) => [s.name, s.reason.split(" ")[0]])).toEqual([
      ["copy of january.csv", "its"],
      ["again/2022-01-kent-street.csv", "2022-01"],
      ["2022-01/2022-01-kent-outcomes.csv", "a"],
      ["notes.csv", "its"],
    ]);
    const counts = collector.result()!.counts();
    expect(counts.counted).toBe(2);
    expect(counts.categories.map((c) => c.category)).toEqual(["Drugs", "Shoplifting"]);
  });

  it("gives no aggregator when no file has record-level columns", () => {
    const collector = new ExtractCollector();
    feed(collector, "notes.csv", [["Note"], ["hello"]]);
    expect(collector.result()).toBeNull();
  });
});

describe("streamed CSV", () => {
  // The oracle: papaparse on the whole text at once, with the delimiter of its first line.
  const parse = (text: string): string[][] =>
    Papa.parse<string[]>(text, { skipEmptyLines: true, delimiter: csvDelimiter(text.split("\n")[0]) }).data;

  it("cuts a chunk after its last complete record, never inside a quoted field", () => {
    const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
    expect(completeRecordsEnd(bytes("a,b\nc,d"))).toEqual({ end: 4, quoted: false });
    expect(completeRecordsEnd(bytes('a,"b\nc",d\ne'))).toEqual({ end: 10, quoted: false });
    expect(completeRecordsEnd(bytes('a,"b\nc'))).toEqual({ end: 0, quoted: true });
    // Scanning on from where the last chunk left off, inside a quoted field.
    expect(completeRecordsEnd(bytes('a,"b\nc",d\ne'), 5, true)).toEqual({ end: 10, quoted: false });
  });

  it("takes a file's line break from the end of its first record, never from inside a quoted field", () => {
    expect(csvFormat("a,b\r\nc,d\r\n")).toEqual({ delimiter: ",", newline: "\r\n" });
    expect(csvFormat("a;b\nc;d\n")).toEqual({ delimiter: ";", newline: "\n" });
    expect(csvFormat('"line\nbreak",x\r\ny,z\r\n')).toEqual({ delimiter: ",", newline: "\r\n" });
    // Old Mac files end lines with CR alone; one line and no break reads as LF.
    expect(csvFormat("a\tb\rc\td\r")).toEqual({ delimiter: "\t", newline: "\r" });
    expect(csvFormat("a,b")).toEqual({ delimiter: ",", newline: "\n" });
  });

  it("reads CR-only files, byte-order marks and empty lines as papaparse does", () => {
    for (const text of ["\uFEFFa,b\rc,d\r\re,f", '\uFEFFa,b\n\nc,"d"\n', "x\r\n\r\ny\r\n"]) {
      const got: string[][] = [];
      const sink = csvRows((row) => got.push(row), 4);
      sink.push(new TextEncoder().encode(text));
      sink.end();
      expect(got).toEqual(
        Papa.parse<string[]>(text.slice(text.startsWith("\uFEFF") ? 1 : 0), { skipEmptyLines: true }).data,
      );
    }
  });

  it("gives the same rows however the bytes are split, quotes, line breaks, CRLF and multi-byte text included", () => {
    const cell = fc.oneof(
      fc.constantFrom("", "Kent Police", "£5,000", 'say "hi"', "line\nbreak", "Ysgol Gymraeg â é", "2022-01"),
      fc.string({ maxLength: 6 }).filter((t) => !/[;|\t]/.test(t)),
    );
    // Written with commas (other delimiters are not in the text, so the first line decides commas).
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        (rows, cuts, crlf, batch) => {
          const text = Papa.unparse(rows, { newline: crlf ? "\r\n" : "\n" });
          const bytes = new TextEncoder().encode(text);
          const got: string[][] = [];
          // Small batches, so records are cut and carried between chunks as in a large file.
          const sink = csvRows((row) => got.push(row), batch);
          let at = 0;
          // Each chunk is overwritten once pushed, as the command line's reused buffers are.
          const push = (chunk: Uint8Array): void => {
            const copy = Buffer.from(chunk); // a Buffer, as the command line reads them
            sink.push(copy);
            copy.fill(0x7e);
          };
          for (const cut of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
            push(bytes.subarray(at, cut));
            at = cut;
          }
          push(bytes.subarray(at));
          sink.end();
          expect(got).toEqual(parse(text));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("readPopulationTable", () => {
  it("reads ONS's single-year-of-age layout: a code column, ages 0 to 90, no all-ages column, a trailing empty column", () => {
    const ages = Array.from({ length: 91 }, (_, a) => String(a));
    const grid = sheet("Mid-2020", [
      ["ward", ...ages, "0"],
      ["E05004996", ...ages.map(() => 10), null],
      ["E05005002", ...ages.map((_, a) => (a < 18 ? 1 : 0)), null],
    ]);
    expect(readPopulationTable(grid)).toEqual({
      source: "Mid-2020",
      byAge: true,
      areas: [
        { area: "E05004996", allAges: 910, aged10to17: 80 },
        { area: "E05005002", allAges: 18, aged10to17: 8 },
      ],
    });
  });

  it("reads a table of names and residents, or an All ages column beside the ages, under a title line", () => {
    expect(
      readPopulationTable(
        sheet("Population", [
          ["Residents by ward, 2020"],
          [],
          ["Ward", "Residents"],
          ["High Street", "11,852"],
          ["Park Wood", 9000],
        ]),
      ),
    ).toEqual({
      source: "Population",
      byAge: false,
      areas: [
        { area: "High Street", allAges: 11852, aged10to17: null },
        { area: "Park Wood", allAges: 9000, aged10to17: null },
      ],
    });
    const ages = Array.from({ length: 91 }, (_, a) => a);
    const table = readPopulationTable(
      sheet("P", [
        ["Code", "Name", "All Ages", ...ages],
        ["E05004996", "High Street", 5000, ...ages.map(() => 1)],
      ]),
    );
    expect(table?.areas).toEqual([{ area: "E05004996", allAges: 5000, aged10to17: 8 }]);
  });

  it("finds no population in a table without ages or a population column", () => {
    expect(
      readPopulationTable(
        sheet("Crime", [
          ["Ward", "2019", "2020"],
          ["High Street", 1, 2],
        ]),
      ),
    ).toBeNull();
  });
});
