// Real public files the tests read but the project never commits (police.uk months, ONS's
// tables, the national population and lookup files, the 2024 ward set): they stay beside the
// checkout, in ../shared (or CSP_SHARED_DIR). Without them the suites that need them are
// skipped, said once at the start of the run; in CI (CI=true) their absence fails the run.
import { existsSync } from "node:fs";
import path from "node:path";

/** The folder beside the checkout that holds `real/` and `geo/`. */
export const SHARED_DIR = path.resolve(process.env.CSP_SHARED_DIR ?? path.join(__dirname, "..", "..", "..", "shared"));
export const REAL_DIR = path.join(SHARED_DIR, "real");
export const SHARED_GEO = path.join(SHARED_DIR, "geo");
export const POLICE_UK_DIR = path.join(REAL_DIR, "police-uk");
export const ONS_DIR = path.join(REAL_DIR, "ons");
/** ONS's published mid-2020 ward population file (single years of age). */
export const SHARED_POPULATION = path.join(REAL_DIR, "population", "Mid-2020_Persons_England_Wales_(2021_wards).csv");
/** ONS's ward-to-district lookup (WD21 to LAD21): districts' populations are their wards'. */
export const SHARED_WARD_LOOKUP = path.join(REAL_DIR, "population", "WD21_LAD21_UK_LU.csv");

/** One file of each kind the real-data suites read: all present, or the suites are skipped. */
const NEEDED = [
  path.join(POLICE_UK_DIR, "2022-01-kent-street.csv"),
  path.join(ONS_DIR, "policeforceareatablesyearendingmarch2018v2.xlsx"),
  SHARED_POPULATION,
  SHARED_WARD_LOOKUP,
  path.join(SHARED_GEO, "maidstone-wards-2024.geojson"),
  path.join(SHARED_GEO, "places-approx.csv"),
];

/** The real files not found, or none. */
export function missingRealData(): string[] {
  return NEEDED.filter((file) => !existsSync(file));
}

/**
 * Said once, at the start of the run (jest's global setup): which real files are missing and
 * where they were looked for. In CI their absence is an error, so no real-data test goes unrun.
 */
export function reportRealData(): void {
  const missing = missingRealData();
  if (missing.length === 0) return;
  const where = `looked in ${SHARED_DIR}; set CSP_SHARED_DIR to the folder holding real/ and geo/`;
  if (process.env.CI === "true") throw new Error(`CI needs the real data files: ${missing.join(", ")} (${where})`);
  process.stdout.write(
    `\nReal-data suites skipped (police.uk months, ONS tables, national population files, 2024 wards): ${missing.length} of ${NEEDED.length} files not found (${where}).\n\n`,
  );
}
