import { areaCode, discoverTables, stripFootnotes } from "../../../../src/core";
import { sheet } from "../../../helpers/grids";

// ONS's police force area tables as they are published: a title, a group row over the offence
// names, a units row, forces and regions by code. Some editions glue a note's number to a code
// ("E230000118" is South Yorkshire, E23000011, with note 8).
const FORCES: [string, string, number, number][] = [
  ["K04000001", "ENGLAND AND WALES7", 5_200_000, 88.1],
  ["E12000003", "Yorkshire and The Humber", 560_000, 101.2],
  ["E23000010", "Humberside", 90_000, 95.3],
  ["E230000118", "South Yorkshire", 150_000, 106.7],
  ["E23000012", "West Yorkshire", 280_000, 120.9],
  ["E23000013", "North Yorkshire", 40_000, 48.4],
  ["E12000004", "East Midlands", 370_000, 76.2],
  ["E23000018", "Derbyshire", 80_000, 76.4],
  ["E230000191,2", "Leicestershire", 90_000, 83.1],
];

describe("area codes with a note glued to them", () => {
  it("are read as the code and the note", () => {
    expect(areaCode("E230000118")).toEqual({ code: "E23000011", notes: ["8"] });
    expect(areaCode("W150000041,2")).toEqual({ code: "W15000004", notes: ["1,2"] });
    expect(areaCode("E23000011")).toEqual({ code: "E23000011", notes: [] });
    // Nine digits that are no code and a note: a number, not an area.
    expect(areaCode("E2300001")).toBeNull();
    expect(areaCode("123456789")).toBeNull();
  });

  it("leave an ONS table whole: the row is an area with its code, and the rows after it stay data", () => {
    const grid = sheet("Table P1", [
      ["Table P1: Police recorded crime by offence group and police force area, year ending December 2018"],
      [],
      [null, null, "Total recorded crime", null, "Victim-based crime"],
      ["Area Code", "Area Name", "Number of offences", null, "Rate per 1,000 population"],
      ...FORCES.map(([code, name, count, rate]) => [code, name, count, null, rate]),
      [],
      ["Source: Police recorded crime, Home Office"],
    ]);
    const tables = discoverTables(grid);
    expect(tables).toHaveLength(1);
    const counts = tables[0];
    expect(counts.columns.map((c) => c.header)).toEqual(["Number of offences", "Rate per 1,000 population"]);
    expect(counts.rows.map((r) => r.label)).toEqual(FORCES.map(([, name]) => stripFootnotes(name).text));
    const south = counts.rows.find((r) => r.label === "South Yorkshire")!;
    expect([south.code, south.notes, south.aggregate]).toEqual(["E23000011", ["8"], false]);
    expect(counts.rows.find((r) => r.label === "Leicestershire")!.code).toBe("E23000019");
  });
});
