import { readFileSync } from "node:fs";
import path from "node:path";
import { maidstonePopulationRows } from "../../../samples/realPopulation";
import { REAL_DIR, itReal } from "../../helpers/realData";

// The sample's committed inputs are lines of ONS's national files, not a cleaned copy: each line
// is checked against its national file, read from beside the project (CI always has it).

const SAMPLES = path.join(__dirname, "..", "..", "..", "samples");
const NATIONAL = REAL_DIR;
const lines = (file: string): string[] => readFileSync(file, "utf8").split(/\r?\n/).filter(Boolean);

const EXTRACTS: [string, string][] = [
  ["population/maidstone-wards-mid-2020-persons.csv", "population/Mid-2020_Persons_England_Wales_(2021_wards).csv"],
  ["population/maidstone-wards-WD21_LAD21.csv", "population/WD21_LAD21_UK_LU.csv"],
];

describe("the sample's committed inputs", () => {
  it("give Maidstone's 26 wards and their 173,132 residents of mid-2020", () => {
    const [header, ...wards] = maidstonePopulationRows();
    expect(header.slice(0, 3)).toEqual(["ward", "Ward name", "0"]);
    expect(wards).toHaveLength(26);
    const people = wards.reduce((sum, row) => sum + (row.slice(2) as number[]).reduce((a, b) => a + b, 0), 0);
    expect(people).toBe(173132);
  });

  itReal.each(EXTRACTS)("%s is ONS's header and lines, byte for byte", (extract, national) => {
    const file = path.join(NATIONAL, national);
    const all = new Set(lines(file));
    const [header, ...rest] = lines(path.join(SAMPLES, extract));
    expect(header).toBe(lines(file)[0]);
    expect(rest.length).toBe(26);
    for (const line of rest) expect(all.has(line)).toBe(true);
  });
});
