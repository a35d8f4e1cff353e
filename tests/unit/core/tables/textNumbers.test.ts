// Numbers stored as text ('10.3', '1,234', ' 12 ', '-5.2%') in published tables: read as the
// numbers they are wherever a number is expected, said once per table, and a row of them is
// data, never a header. The tables are laid out as ONS lays out its area tables (a group row,
// the names row, a units row, spacer columns, an empty row under the units, notes below),
// with and without a column of codes.
import fc from "fast-check";
import { discoverTables } from "../../../../src/core";
import type { CellValue } from "../../../../src/model";
import { sheet } from "../../../helpers/grids";

const AREAS = ["Cleveland", "Durham", "Northumbria", "Cheshire", "Cumbria", "Kent", "Surrey", "Sussex", "Essex"];
const UNITS = ["Percentage change", "Numbers", "Rate per 1,000 population"];

interface Layout {
  coded: boolean;
  groups: boolean;
  gap: boolean;
  spacer: boolean;
  unitEverywhere: boolean;
  unit: string;
  names: string[];
  rows: { value: number; asText: 0 | 1 | 2 | 3 | 4 }[][];
}

/** A number as a publication's text: plain, with separators, padded, or a percentage. */
function written(value: number, how: number, unit: string): CellValue {
  if (how === 0) return value;
  if (how === 1) return String(value);
  if (how === 2) return value.toLocaleString("en-GB", { maximumFractionDigits: 6 });
  if (how === 3) return ` ${value} `;
  return unit === "Percentage change" ? `${value}%` : String(value);
}

const layoutArb: fc.Arbitrary<Layout> = fc
  .record({
    coded: fc.boolean(),
    groups: fc.boolean(),
    gap: fc.boolean(),
    spacer: fc.boolean(),
    unitEverywhere: fc.boolean(),
    unit: fc.constantFrom(...UNITS),
    columns: fc.integer({ min: 2, max: 6 }),
    areas: fc.integer({ min: 5, max: AREAS.length }),
  })
  .chain((l) =>
    fc.record({
      coded: fc.constant(l.coded),
      groups: fc.constant(l.groups),
      gap: fc.constant(l.gap),
      // Without codes, a units row under some columns only leaves the others' header apart
      // from their data; publications with names only write the unit over every column.
      spacer: fc.constant(l.spacer),
      unitEverywhere: fc.constant(l.unitEverywhere),
      unit: fc.constant(l.unit),
      names: fc.constant(
        ["Violence", "Robbery", "Burglary", "Shoplifting", "Drug offences", "Public order"].slice(0, l.columns),
      ),
      rows: fc.array(
        fc.array(
          fc.record({
            value: fc.oneof(fc.integer({ min: -999, max: 99999 }), fc.double({ min: -60, max: 400, noNaN: true })),
            asText: fc.constantFrom(0, 1, 2, 3, 4) as fc.Arbitrary<0 | 1 | 2 | 3 | 4>,
          }),
          { minLength: l.columns, maxLength: l.columns },
        ),
        { minLength: l.areas, maxLength: l.areas },
      ),
    }),
  );

/** The sheet as published, and where each value and each column's name stand. */
function publish(l: Layout) {
  const lead = l.coded ? 2 : 1;
  // Value columns, with an empty spacer column after the first (ONS's total column) when asked.
  const at = l.names.map((_, k) => lead + k + (l.spacer && k > 0 ? 1 : 0));
  const width = at[at.length - 1] + 1;
  const blank = (): CellValue[] => new Array<CellValue>(width).fill(null);
  const rows: CellValue[][] = [];
  const title = blank();
  title[0] = "Table P2: Police recorded crime by offence group and police force area1,2";
  rows.push(title, blank());
  if (l.groups) {
    const group = blank();
    group[at[0]] = "Total recorded crime";
    group[at[1]] = "Victim-based crime";
    rows.push(group);
  }
  const names = blank();
  if (l.coded) names.splice(0, 2, "Area Code", "Area Name");
  else names[0] = "Area Name";
  l.names.forEach((n, k) => (names[at[k]] = n));
  rows.push(names);
  const units = blank();
  for (const [k, c] of at.entries()) if (k === 0 || l.unitEverywhere) units[c] = k === 0 ? `${l.unit}3` : l.unit;
  rows.push(units);
  if (l.gap) rows.push(blank());
  const firstData = rows.length;
  let asText = 0;
  l.rows.forEach((values, i) => {
    const row = blank();
    if (l.coded) row.splice(0, 2, `E230000${String(10 + i)}`, AREAS[i]);
    else row[0] = AREAS[i];
    values.forEach(({ value, asText: how }, k) => {
      row[at[k]] = written(value, how, l.unit);
      if (how > 0) asText += 1;
    });
    rows.push(row);
  });
  const note = blank();
  note[0] = "Source: Police recorded crime, Home Office";
  rows.push(blank(), note);
  return { rows, at, firstData, asText };
}

describe("numbers stored as text in published tables", () => {
  it("reads each as a number under its area and its published column name, and says how many once", () => {
    fc.assert(
      fc.property(layoutArb, (layout) => {
        const { rows, at, firstData, asText } = publish(layout);
        const tables = discoverTables(sheet("Table P2", rows));
        expect(tables).toHaveLength(1);
        const [table] = tables;
        expect(table.title).toMatch(/^Table P2: Police recorded crime/);
        expect(table.columns.map((c) => c.header)).toEqual(layout.names);
        expect(table.rows.map((r) => r.label)).toEqual(AREAS.slice(0, layout.rows.length));
        layout.rows.forEach((values, i) =>
          values.forEach(({ value, asText: how }, k) => {
            const read = table.rows[i].values[k];
            const expected = how === 4 && layout.unit === "Percentage change" ? value / 100 : value;
            expect(read.kind).toBe("number");
            if (read.kind === "number") expect(read.value).toBeCloseTo(expected, 6);
            expect(table.rows[i].valueCells[k]).toEqual({ row: firstData + i, column: at[k] });
          }),
        );
        const said = table.findings.filter((f) => f.kind === "numbers-as-text");
        if (asText === 0) expect(said).toHaveLength(0);
        else {
          expect(said).toHaveLength(1);
          expect(said[0].severity).toBe("info");
          expect(said[0].message).toContain(
            asText === 1
              ? "1 number stored as text was read as a number"
              : `${asText} numbers stored as text were read as numbers`,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
