// Ward-level domestic abuse for the sample workbook. The assessment publishes no ward
// figures, only facts about them; these numbers are ILLUSTRATIVE, chosen to satisfy every
// stated fact, and the sheet says so. checkStatedFacts() proves they do.

/** The borough's 26 wards (2015-2024 set) with an illustrative count of DA crimes, Nov 18 – Oct 19. */
export const illustrativeDomesticAbuse: readonly (readonly [string, number])[] = [
  ["High Street", 420],
  ["Park Wood", 260],
  ["North", 200],
  ["East", 170],
  ["Shepway North", 150],
  ["Fant", 140],
  ["Shepway South", 135],
  ["Bridge", 120],
  ["South", 103],
  ["Marden and Yalding", 98],
  ["Heath", 90],
  ["Allington", 84],
  ["Barming", 76],
  ["Boxley", 72],
  ["Staplehurst", 70],
  ["Harrietsham and Lenham", 64],
  ["Coxheath and Hunton", 62],
  ["Headcorn", 58],
  ["Downswood and Otham", 52],
  ["Bearsted", 50],
  ["Boughton Monchelsea and Chart Sutton", 48],
  ["Sutton Valence and Langley", 46],
  ["Loose", 44],
  ["Detling and Thurnham", 36],
  ["Leeds", 34],
  ["North Downs", 30],
];

/** Wards the seed treats as rural (outside the Maidstone urban area). */
export const RURAL_WARDS = new Set([
  "Marden and Yalding",
  "Staplehurst",
  "Harrietsham and Lenham",
  "Coxheath and Hunton",
  "Headcorn",
  "Boughton Monchelsea and Chart Sutton",
  "Sutton Valence and Langley",
  "Loose",
  "Detling and Thurnham",
  "Leeds",
  "North Downs",
  "Barming",
  "Boxley",
  "Bearsted",
  "Downswood and Otham",
]);

/** High Street and the wards around it, which the seed says hold 42.5% of the borough's DA. */
export const TOWN_CENTRE_SIX = ["High Street", "North", "East", "Fant", "Bridge", "South"];

/** Checks the illustrative figures against every fact the seed states; returns what fails. */
export function checkStatedFacts(rows: readonly (readonly [string, number])[]): string[] {
  const failures: string[] = [];
  const sorted = [...rows].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((s, r) => s + r[1], 0);
  const top10 = sorted.slice(0, 10).map((r) => r[0]);
  if (sorted[0][0] !== "High Street") failures.push("High Street is not the highest ward");
  if (sorted[1][0] !== "Park Wood") failures.push("Park Wood is not the second highest ward");
  for (const ward of ["North", "East", "Fant", "Bridge", "South"]) {
    if (!top10.includes(ward)) failures.push(`${ward} is not in the top 10`);
  }
  const six = rows.filter((r) => TOWN_CENTRE_SIX.includes(r[0])).reduce((s, r) => s + r[1], 0);
  if ((Math.round((six / total) * 1000) / 10).toFixed(1) !== "42.5")
    failures.push(`the six wards hold ${((six / total) * 100).toFixed(2)}%, not 42.5%`);
  const ruralTop = top10.filter((w) => RURAL_WARDS.has(w));
  if (ruralTop.join() !== "Marden and Yalding") failures.push(`rural wards in the top 10: ${ruralTop.join(", ")}`);
  if (rows.length !== 26) failures.push(`${rows.length} wards, not 26`);
  return failures;
}
