// A made-up borough for testing CSP Assess away from Maidstone: Ashvale, its 19 wards and its
// neighbour Brookmere, with a force's wide ward-month crime file (one column per month, as the
// Metropolitan Police publishes ward-level crime), ward boundaries in British National Grid and
// an ONS-style population file of another ward vintage. Every name, code and count is invented;
// the codes sit in ranges ONS has not used.
import type { Rows } from "./otherWriters";

/** Ashvale's wards: this vintage's codes (the boundaries' and the crime file's) and names. */
export const ASHVALE_WARDS: readonly { readonly code: string; readonly name: string }[] = [
  "Abbey Fields",
  "Barrow Green",
  "Castle Mead",
  "Dunmore",
  "Elm Park",
  "Fenwick",
  "Greyfriars",
  "Hollins",
  "Ivy Bank",
  "Juniper Hill",
  "Kingsmoor",
  "Larkspur",
  "Millbrook",
  "Northgate",
  "Orchard Vale",
  "Parkside",
  "Queens Cross",
  "Riverside",
  "St Clement's",
].map((name, i) => ({ code: `E0599${String(i + 1).padStart(4, "0")}`, name }));

/** The neighbouring borough whose rows the force's file also holds. */
export const BROOKMERE_WARDS = ["Brook Central", "Mere Heath", "Tollgate", "Wyndham"].map((name, i) => ({
  code: `E0599${String(i + 101).padStart(4, "0")}`,
  name,
}));

/** Crime types and subtypes, as the force's file writes them. */
export const CRIME_TYPES: readonly (readonly [string, string])[] = [
  ["BURGLARY", "BURGLARY - RESIDENTIAL"],
  ["BURGLARY", "BURGLARY - BUSINESS AND COMMUNITY"],
  ["THEFT", "SHOPLIFTING"],
  ["THEFT", "THEFT FROM THE PERSON"],
  ["THEFT", "OTHER THEFT"],
  ["VIOLENCE AGAINST THE PERSON", "VIOLENCE WITH INJURY"],
  ["VIOLENCE AGAINST THE PERSON", "VIOLENCE WITHOUT INJURY"],
  ["ROBBERY", "ROBBERY OF PERSONAL PROPERTY"],
  ["ARSON AND CRIMINAL DAMAGE", "CRIMINAL DAMAGE"],
  ["DRUG OFFENCES", "POSSESSION OF DRUGS"],
];

/** The 24 months of the file: February 2024 to January 2026, headed `YYYYMM`. */
export const MONTHS: readonly number[] = Array.from({ length: 24 }, (_, i) => {
  const m = 2024 * 12 + 1 + i;
  return Math.floor(m / 12) * 100 + (m % 12) + 1;
});

/** A small linear congruential generator: the same counts on every machine. */
function counts(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * The force's wide ward-month file: one row per crime subtype and ward, for Ashvale and
 * Brookmere, months as `YYYYMM` numbers. Ashvale's last year falls on the year before
 * (shoplifting apart, which rises), so the total's change is clear.
 */
export function wardMonthRows(): Rows {
  const random = counts(20260101);
  const rows: (string | number)[][] = [
    ["MajorText", "MinorText", "WardName", "WardCode", "LookUp_BoroughName", ...MONTHS],
  ];
  for (const [borough, wards] of [
    ["Ashvale", ASHVALE_WARDS],
    ["Brookmere", BROOKMERE_WARDS],
  ] as const)
    for (const [major, minor] of CRIME_TYPES)
      for (const ward of wards) {
        const base = 2 + Math.floor(random() * 14);
        const trend = minor === "SHOPLIFTING" ? 1.3 : 0.85;
        const series = MONTHS.map((_, i) =>
          Math.max(0, Math.round(base * (i < 12 ? 1 : trend) + (random() - 0.5) * 4)),
        );
        rows.push([major, minor, ward.name, ward.code, borough, ...series]);
      }
  return rows;
}

/** Ashvale's total crime in each of the two twelve-month windows (Feb 2024 – Jan 2025, Feb 2025 – Jan 2026). */
export function ashvaleTotals(rows: Rows = wardMonthRows()): [number, number] {
  const totals: [number, number] = [0, 0];
  for (const row of rows.slice(1)) {
    if (row[4] !== "Ashvale") continue;
    for (let i = 0; i < 24; i += 1) totals[i < 12 ? 0 : 1] += row[5 + i] as number;
  }
  return totals;
}

/** British National Grid: the south-west corner of Ashvale's grid of wards, and a ward's side. */
const ORIGIN = [530000, 180000];
const SIDE = 1500;

/** A ward's square in British National Grid (eastings, northings), five wards a row. */
export function wardSquare(index: number): number[][][] {
  const [x, y] = [ORIGIN[0] + (index % 5) * SIDE, ORIGIN[1] + Math.floor(index / 5) * SIDE];
  return [
    [
      [x, y],
      [x + SIDE, y],
      [x + SIDE, y + SIDE],
      [x, y + SIDE],
      [x, y],
    ],
  ];
}

/** One ward as a GeoJSON file in British National Grid, named by its `crs` member, as councils hand them out. */
export function wardGeoJson(index: number, withCrs = true): string {
  const ward = ASHVALE_WARDS[index];
  return JSON.stringify({
    type: "FeatureCollection",
    ...(withCrs ? { crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::27700" } } } : {}),
    features: [
      {
        type: "Feature",
        properties: { WD22CD: ward.code, WD22NM: ward.name },
        geometry: { type: "Polygon", coordinates: wardSquare(index) },
      },
    ],
  });
}

/** The earlier ward vintage's codes: the population file's, which the boundaries do not use. */
export const OLD_VINTAGE_CODE = (index: number): string => `E0598${String(index + 1).padStart(4, "0")}`;

/**
 * An ONS mid-year population file (`ward,0,1,…,90,0`) for Ashvale by the earlier vintage's
 * codes, two of its wards missing (abolished since), plus wards elsewhere.
 */
export function populationCsv(): string {
  const ages = Array.from({ length: 91 }, (_, a) => a);
  const lines = [`ward,${ages.join(",")},0`];
  ASHVALE_WARDS.forEach((_, i) => {
    if (i >= 17) return;
    lines.push(`${OLD_VINTAGE_CODE(i)},${ages.map((a) => (a < 18 ? 60 : 100) + i).join(",")},`);
  });
  lines.push(`E05970001,${ages.map(() => 90).join(",")},`);
  return `${lines.join("\n")}\n`;
}

/** An ONS ward lookup (`WD21CD,WD21NM,LAD21CD,LAD21NM`) naming the earlier vintage's codes, and a namesake elsewhere. */
export function wardLookupCsv(): string {
  const lines = ["WD21CD,WD21NM,LAD21CD,LAD21NM"];
  ASHVALE_WARDS.forEach((ward, i) => {
    if (i < 17) lines.push(`${OLD_VINTAGE_CODE(i)},${ward.name},E09000901,Ashvale`);
  });
  lines.push("E05970001,Abbey Fields,E07000901,Elsewhere");
  return `${lines.join("\n")}\n`;
}
