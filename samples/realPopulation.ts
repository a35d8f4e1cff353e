// The sample's Population sheet: ONS's real mid-2020 ward population estimates for Maidstone's
// 26 wards, read when the sample is built from the extracts committed beside this file (lines of
// ONS's national files; samples/SOURCE.md), or from the national files in CSP_POPULATION_DIR.
// Rows are copied as ONS publishes them: the ward code, then single years of age.
import Papa from "papaparse";
import { readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../src/adapters/node/packageRoot";

const NATIONAL = process.env.CSP_POPULATION_DIR;
const FOLDER = NATIONAL ?? path.join(packageRoot(), "samples", "population");
const ESTIMATES = NATIONAL ? "Mid-2020_Persons_England_Wales_(2021_wards).csv" : "maidstone-wards-mid-2020-persons.csv";
const LOOKUP = NATIONAL ? "WD21_LAD21_UK_LU.csv" : "maidstone-wards-WD21_LAD21.csv";
/** Maidstone's local authority district code. */
const MAIDSTONE = "E07000110";

function csv(file: string): string[][] {
  const full = path.join(FOLDER, file);
  let text: string;
  try {
    text = readFileSync(full, "utf8");
  } catch {
    throw new Error(
      `the sample needs ONS's ward population files in ${FOLDER} (${file}); set CSP_POPULATION_DIR to their folder`,
    );
  }
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
}

/** The sheet's rows: a source line, then ONS's header and Maidstone's wards (code, name, ages 0 to 90). */
export function maidstonePopulationRows(): (string | number)[][] {
  const names = new Map(
    csv(LOOKUP)
      .filter((r) => r[2] === MAIDSTONE)
      .map((r) => [r[0], r[1]]),
  );
  const [header, ...rows] = csv(ESTIMATES);
  // Ages 0 to 90: ONS's file ends with a second, empty "0" column, left out here.
  const ages = header.slice(1, 92);
  const wards = rows.filter((r) => names.has(r[0])).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  if (wards.length !== names.size)
    throw new Error(`expected ${names.size} Maidstone wards in ${ESTIMATES}, found ${wards.length}`);
  return [
    [header[0], "Ward name", ...ages],
    ...wards.map((r) => [r[0], names.get(r[0]) as string, ...r.slice(1, 92).map(Number)]),
  ];
}

export const POPULATION_SOURCE =
  "ONS mid-2020 population estimates by single year of age, 2021 wards (90 means 90 and over). Source: Office for National Statistics licensed under the Open Government Licence v3.0.";
