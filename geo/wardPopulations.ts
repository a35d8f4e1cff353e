import type { PopulationTable } from "../src/core/population/wardPopulation";
import { type Finding, finding } from "../src/core/findings";
import { countOf } from "../src/core/format/formatNumbers";
import type { WardBoundaries } from "./boundaries";
import type { WardMatcher } from "./wardMatch";
import { GSS_CODE } from "../src/core/tables/footnotes";

/** Each boundary ward's residents (all ages, and 10 to 17 when the source gives ages), null where none is known. */
export interface WardPopulations {
  readonly all: (number | null)[];
  readonly youth: (number | null)[] | null;
}

/**
 * The table's rows matched to wards by name, for wards its codes did not reach: a row of
 * codes alone by the name a ward lookup gave it, preferring the district most of them are in
 * (ward names repeat across the country), a row of names by its name.
 */
function byName(table: PopulationTable, matcher: WardMatcher, unmatched: ReadonlySet<number>): Map<number, number> {
  const candidates = new Map<number, number[]>();
  table.areas.forEach((row, r) => {
    // A lookup's name is ONS's own spelling: matched exactly. A table's own name may be misspelt.
    const coded = GSS_CODE.test(row.area);
    const name = coded ? row.name : row.area;
    if (!name) return;
    const match = coded ? null : matcher.match(name);
    const ward = coded ? matcher.exactly(name) : match?.kind === "matched" ? match.ward : null;
    if (ward === null || !unmatched.has(ward)) return;
    candidates.set(ward, [...(candidates.get(ward) ?? []), r]);
  });
  const districts = new Map<string, number>();
  for (const rows of candidates.values())
    for (const r of rows) {
      const d = table.areas[r].district ?? "";
      districts.set(d, (districts.get(d) ?? 0) + 1);
    }
  const home = [...districts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const chosen = new Map<number, number>();
  for (const [ward, rows] of candidates) {
    const inHome = rows.length === 1 ? rows : rows.filter((r) => (table.areas[r].district ?? "") === home);
    if (inHome.length === 1) chosen.set(ward, inHome[0]);
  }
  return chosen;
}

/**
 * Each ward's population from a table of areas: by GSS code first, then by name (a plain
 * table's names, or, for a file of another vintage's codes, the names a ward lookup gave
 * them), said in an info finding; the wards still without one are listed in one warning,
 * with the cause when the codes matched none.
 */
export function wardPopulations(
  table: PopulationTable,
  boundaries: WardBoundaries,
  matcher: WardMatcher,
  findings: Finding[],
): WardPopulations {
  const byCode = new Map(boundaries.wards.map((w, i) => [w.code.toUpperCase(), i]));
  const all: (number | null)[] = boundaries.wards.map(() => null);
  const youth: (number | null)[] = boundaries.wards.map(() => null);
  const add = (ward: number, r: number): void => {
    const row = table.areas[r];
    all[ward] = (all[ward] ?? 0) + row.allAges;
    if (row.aged10to17 !== null) youth[ward] = (youth[ward] ?? 0) + row.aged10to17;
  };
  table.areas.forEach((row, r) => {
    const ward = byCode.get(row.area.toUpperCase());
    if (ward !== undefined) add(ward, r);
  });
  const byCodeCount = all.filter((p) => p !== null).length;
  const unmatched = new Set(boundaries.wards.flatMap((_, i) => (all[i] === null ? [i] : [])));
  const named = byName(table, matcher, unmatched);
  for (const [ward, r] of named) add(ward, r);
  const coded = table.areas.some((a) => GSS_CODE.test(a.area));
  if (named.size > 0 && coded)
    findings.push(
      finding(
        table.source,
        "",
        "info",
        "population-by-name",
        `the population file uses other ward codes than the boundaries; ${named.size} of ${boundaries.wards.length} wards matched by name`,
      ),
    );
  const missing = boundaries.wards.filter((_, i) => all[i] === null).map((w) => w.name);
  if (missing.length > 0) {
    const cause =
      coded && byCodeCount === 0 && !table.areas.some((a) => a.name)
        ? "; its ward codes match none of the boundaries' (another vintage of wards): give a ward lookup that names them (WDnnCD, WDnnNM) with it"
        : "";
    findings.push(
      finding(
        table.source,
        "",
        "warning",
        "population-missing",
        `no population for ${countOf(missing.length, "ward")} of the boundaries: ${missing.join(", ")}; their rates are left blank${cause}`,
      ),
    );
  }
  return { all, youth: table.byAge ? youth : null };
}
