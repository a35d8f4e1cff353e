import { type CellValue, InputError, type SheetGrid, cellText } from "../../model";
import { parseNumberCell } from "../parse/parseNumber";
import { GSS_CODE, areaCode } from "../tables/footnotes";

/** One area's residents: all ages, and the youth-justice ages 10 to 17 when the source gives ages. */
export interface AreaPopulation {
  /** The area as the source writes it: a GSS code (`E05004996`) or a name. */
  readonly area: string;
  readonly allAges: number;
  readonly aged10to17: number | null;
  /** The ward's name and district, from a ward lookup given with a file of codes alone. */
  readonly name?: string;
  readonly district?: string;
}

/** A population table as read: one row per area. */
export interface PopulationTable {
  readonly source: string;
  readonly areas: readonly AreaPopulation[];
  /** True when the source gives single years of age (so 10–17 is known). */
  readonly byAge: boolean;
}

// ONS writes the top age as "90" (meaning 90 and over), "90+" or "90 and over".
const AGE = /^(\d{1,3})(\+| and over| plus)?$/i;
const ALL_AGES = /^(all ages|all persons|persons|total|population|residents|usual residents|count)$/i;
const HEADER_ROWS = 15;

const text = (v: CellValue): string => cellText(v).trim();
const number = (v: CellValue): number | null => {
  const parsed = parseNumberCell(v ?? null, null);
  return parsed.kind === "number" ? parsed.value : null;
};

/** Where a population table's columns are, found in one header row. */
interface PopulationColumns {
  readonly row: number;
  readonly area: number;
  /** The first column of each single year of age (0 to 90), by age. */
  readonly ages: ReadonlyMap<number, number>;
  readonly allAges: number | null;
}

function findColumns(grid: SheetGrid): PopulationColumns | null {
  for (let r = 0; r < Math.min(HEADER_ROWS, grid.values.length); r += 1) {
    const header = grid.values[r];
    const ages = new Map<number, number>();
    let allAges: number | null = null;
    for (let c = 0; c < header.length; c += 1) {
      const t = text(header[c]);
      const age = AGE.exec(t);
      // The first column headed with an age wins: ONS's file ends with a second, empty "0".
      if (age && !ages.has(Number(age[1])) && Number(age[1]) <= 120) ages.set(Number(age[1]), c);
      else if (allAges === null && ALL_AGES.test(t)) allAges = c;
    }
    const byAge = ages.size >= 18 && [...Array(18).keys()].every((a) => ages.has(a));
    if (!byAge && allAges === null) continue;
    // The area column: the first whose next rows hold GSS codes, else the first text column.
    const firstData = Math.min(...(byAge ? [...ages.values()] : []), allAges ?? Infinity);
    const sample = grid.values.slice(r + 1, r + 21);
    const candidates = [...Array(Math.max(firstData, 0)).keys()];
    const coded = candidates.find(
      (c) => sample.filter((row) => areaCode(text(row[c] ?? null)) !== null).length >= Math.min(3, sample.length),
    );
    const named = candidates.find((c) =>
      sample.some((row) => text(row[c] ?? null) !== "" && number(row[c] ?? null) === null),
    );
    const area = coded ?? named;
    if (area === undefined) continue;
    return { row: r, area, ages: byAge ? ages : new Map(), allAges };
  }
  return null;
}

/**
 * Reads a population table as ONS publishes it or as an analyst keeps it: one row per area
 * (a GSS code or a name), with either single years of age (ONS's mid-year estimates: `0` to
 * `90`, no all-ages column, a trailing empty column) or one count column (`Population`,
 * `Residents`, `All ages`). Gives all ages (the all-ages column, else the sum of the ages) and,
 * with ages, the 10–17 youth-justice range. Rows without an area or a number are passed over.
 * Null when the grid has no such table.
 */
export function readPopulationTable(grid: SheetGrid): PopulationTable | null {
  const columns = findColumns(grid);
  if (!columns) return null;
  const areas: AreaPopulation[] = [];
  const ages = [...columns.ages];
  for (const row of grid.values.slice(columns.row + 1)) {
    // A code with a note glued to it ("E050049963") is the code.
    const written = text(row[columns.area] ?? null);
    const area = areaCode(written)?.code ?? written;
    if (!area) continue;
    let sum = 0;
    let youth = 0;
    let missing = false;
    for (const [age, c] of ages) {
      const n = number(row[c] ?? null);
      if (n === null) missing = true;
      else {
        sum += n;
        if (age >= 10 && age <= 17) youth += n;
      }
    }
    const stated = columns.allAges === null ? null : number(row[columns.allAges] ?? null);
    const allAges = stated ?? (ages.length > 0 && !missing ? sum : null);
    if (allAges === null) continue;
    areas.push({ area, allAges, aged10to17: ages.length > 0 && !missing ? youth : null });
  }
  return areas.length > 0 ? { source: grid.name, areas, byAge: ages.length > 0 } : null;
}

/** A ward lookup's names by ward code (ONS's `WD21CD,WD21NM,LAD21CD,LAD21NM`): each ward's name and district. */
export type WardNames = ReadonlyMap<string, { readonly name: string; readonly district: string | null }>;

const LOOKUP_CODE = /^WD\d{2}CD$/i;
const LOOKUP_NAME = /^WD\d{2}NM$/i;
const LOOKUP_DISTRICT = /^LAD\d{2}NM$/i;

/** The column of each of an ONS lookup's headings (its first row, a byte-order mark taken off), -1 where it has none. */
function lookupColumns(grid: SheetGrid, ...headings: RegExp[]): number[] {
  const header = (grid.values[0] ?? []).map((v) => text(v ?? null).replace(/^\uFEFF/, ""));
  return headings.map((heading) => header.findIndex((h) => heading.test(h)));
}

/**
 * The ward names of an ONS ward lookup (a header with `WDnnCD` and `WDnnNM`, and `LADnnNM`
 * when it has one), or null when the grid is not one.
 */
export function readWardLookup(grid: SheetGrid): WardNames | null {
  const [code, name, district] = lookupColumns(grid, LOOKUP_CODE, LOOKUP_NAME, LOOKUP_DISTRICT);
  if (code < 0 || name < 0) return null;
  const names = new Map<string, { name: string; district: string | null }>();
  for (const row of grid.values.slice(1)) {
    const c = text(row[code] ?? null).toUpperCase();
    if (GSS_CODE.test(c))
      names.set(c, {
        name: text(row[name] ?? null),
        district: district < 0 ? null : text(row[district] ?? null) || null,
      });
  }
  return names.size > 0 ? names : null;
}

/**
 * The population table of the files given for it, named after the file that holds it: one
 * population file (ONS's single-year file, or any table of areas and residents), and any ward
 * lookups beside it, whose names let wards of another vintage's codes be matched by name.
 * @throws InputError when no file holds a population table
 */
export function populationOfFiles(files: readonly { name: string; sheets: readonly SheetGrid[] }[]): PopulationTable {
  let table: PopulationTable | null = null;
  const names = new Map<string, { name: string; district: string | null }>();
  for (const file of files)
    for (const sheet of file.sheets) {
      const lookup = readWardLookup(sheet);
      if (lookup) for (const [code, entry] of lookup) names.set(code, entry);
      else table ??= withSource(readPopulationTable(sheet), file.name);
    }
  if (!table)
    throw new InputError(
      null,
      `${files.map((f) => f.name).join(", ")}: no population table found (a column of ward codes or names, and single years of age 0-90 or a Population column)`,
    );
  if (names.size === 0) return table;
  const areas = table.areas.map((a) => {
    const named = names.get(a.area.toUpperCase());
    return named ? { ...a, name: named.name, ...(named.district ? { district: named.district } : {}) } : a;
  });
  return { ...table, areas };
}

const withSource = (table: PopulationTable | null, source: string): PopulationTable | null =>
  table ? { ...table, source } : null;

/**
 * Residents by district, keyed by lower-case name and by lower-case code: wards summed into the
 * district a ward lookup gives them (ONS's `LADnnNM`), and the areas of a table of districts as
 * they are.
 */
export function districtPopulations(table: PopulationTable | null): Map<string, number> {
  const out = new Map<string, number>();
  if (!table) return out;
  const add = (key: string, people: number): void => {
    const k = key.trim().toLowerCase();
    if (k) out.set(k, (out.get(k) ?? 0) + people);
  };
  for (const area of table.areas) {
    if (area.district) add(area.district, area.allAges);
    else if (!/^[EW]05\d{6}$/i.test(area.area)) add(area.area, area.allAges); // a ward without its district is none
  }
  return out;
}

const LSOA_CODE = /^LSOA\d{2}CD$/i;
const DISTRICT_CODE = /^LAD\d{2}CD$/i;

/**
 * LSOA code → district of an ONS lookup (a header with `LSOAnnCD` and `LADnnNM`, `LADnnCD` when
 * it has one), or null when the grid is not one.
 */
export function readLsoaLookup(grid: SheetGrid): Map<string, { name: string; code: string | null }> | null {
  const [lsoa, name, code] = lookupColumns(grid, LSOA_CODE, LOOKUP_DISTRICT, DISTRICT_CODE);
  if (lsoa < 0 || name < 0) return null;
  const districts = new Map<string, { name: string; code: string | null }>();
  for (const row of grid.values.slice(1)) {
    const c = text(row[lsoa] ?? null).toUpperCase();
    const n = text(row[name] ?? null);
    if (GSS_CODE.test(c) && n) districts.set(c, { name: n, code: code < 0 ? null : text(row[code] ?? null) || null });
  }
  return districts.size > 0 ? districts : null;
}
