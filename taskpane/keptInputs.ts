// The boundaries and population files an analyst picked, kept with the workbook in our custom
// XML part, so the ribbon and the pane (the next time the workbook is opened) map without
// picking again. A custom XML part rather than a hidden sheet: it holds no cells, so nothing
// of it can be mistaken for the analyst's data or reach a sheet list, a print or a formula, and
// it is one request to read or replace. Wards are kept as GeoJSON in WGS84 to six decimal places
// (about 0.1 m, finer than any published ward boundary); the population as the rows read.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { type WardBoundaries, loadBoundaries, roundedGeometry } from "../geo/boundaries";
import type { PopulationTable } from "../src/core/population/wardPopulation";
import { xmlText, xmlUnescape, attributeOf } from "../src/adapters/xlsx/xmlText";

/** The namespace of our part; its version changes only if the part's shape does. */
export const KEPT_INPUTS_NAMESPACE = "urn:csp-assess:kept-inputs:1";

/** What a workbook keeps: either may be absent. */
export interface KeptInputs {
  readonly boundaries: { readonly name: string; readonly value: WardBoundaries } | null;
  readonly population: PopulationTable | null;
}

/** The wards as a GeoJSON FeatureCollection with `code` and `name`, as `loadBoundaries` reads them. */
export function wardsCollection(boundaries: WardBoundaries): FeatureCollection<Polygon | MultiPolygon> {
  return {
    type: "FeatureCollection",
    features: boundaries.wards.map((w): Feature<Polygon | MultiPolygon> => ({
      type: "Feature",
      properties: { code: w.code, name: w.name },
      geometry: roundedGeometry(w.geometry),
    })),
  };
}

/**
 * The population as kept: whole for a table of the borough alone, and for a national file the
 * rows of every district holding a ward of the boundaries, the other districts each one row of
 * its total (what the districts' rates use). ONS's national file (7,860 wards) is 1.4 MB
 * kept whole, and 0.1 MB so.
 */
export function keptPopulation(population: PopulationTable, boundaries: WardBoundaries | null): PopulationTable {
  if (!boundaries || population.areas.some((a) => !a.district)) return population;
  const codes = new Set(boundaries.wards.map((w) => w.code.toLowerCase()));
  const names = new Set(boundaries.wards.map((w) => w.name.toLowerCase()));
  const ours = new Set(
    population.areas
      .filter((a) => codes.has(a.area.toLowerCase()) || names.has((a.name ?? a.area).toLowerCase()))
      .map((a) => a.district),
  );
  const totals = new Map<string, { allAges: number; aged10to17: number | null }>();
  for (const a of population.areas) {
    if (ours.has(a.district) || !a.district) continue;
    const t = totals.get(a.district) ?? { allAges: 0, aged10to17: 0 };
    t.allAges += a.allAges;
    t.aged10to17 = t.aged10to17 === null || a.aged10to17 === null ? null : t.aged10to17 + a.aged10to17;
    totals.set(a.district, t);
  }
  return {
    ...population,
    areas: [
      ...population.areas.filter((a) => ours.has(a.district)),
      ...[...totals].map(([district, t]) => ({ area: `district: ${district}`, ...t, district })),
    ],
  };
}

/** The part's XML for these inputs. */
export function keptInputsXml(inputs: KeptInputs): string {
  const parts = [`<keptInputs xmlns="${KEPT_INPUTS_NAMESPACE}">`];
  const { boundaries } = inputs;
  const population = inputs.population && keptPopulation(inputs.population, boundaries?.value ?? null);
  if (boundaries)
    parts.push(
      `<boundaries name="${xmlText(boundaries.name)}" attribution="${xmlText(boundaries.value.attribution)}">${xmlText(
        JSON.stringify(wardsCollection(boundaries.value)),
      )}</boundaries>`,
    );
  if (population) parts.push(`<population>${xmlText(JSON.stringify(population))}</population>`);
  parts.push("</keptInputs>");
  return parts.join("");
}

/** One element of ours: its start tag and its text, unescaped. */
function element(xml: string, name: string): { tag: string; text: string } | null {
  const m = new RegExp(`<(?:\\w+:)?${name}\\b([^>]*)>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(xml);
  return m ? { tag: m[1], text: xmlUnescape(m[2]) } : null;
}

/**
 * The inputs a part keeps. Each is read on its own: one that cannot be read is left out and
 * said in `problems`, so the other still serves.
 */
export function parseKeptInputs(xml: string): KeptInputs & { readonly problems: readonly string[] } {
  const problems: string[] = [];
  let boundaries: KeptInputs["boundaries"] = null;
  let population: PopulationTable | null = null;
  const wards = element(xml, "boundaries");
  if (wards) {
    const name = attributeOf(wards.tag, "name") ?? "kept boundaries";
    try {
      const attribution = attributeOf(wards.tag, "attribution") ?? undefined;
      boundaries = { name, value: loadBoundaries(JSON.parse(wards.text), name, attribution) };
    } catch (error) {
      problems.push(
        `the ward boundaries kept with the workbook (${name}) could not be read: ${(error as Error).message}`,
      );
    }
  }
  const people = element(xml, "population");
  if (people) {
    try {
      const table = JSON.parse(people.text) as PopulationTable;
      if (!Array.isArray(table.areas)) throw new Error("it holds no areas");
      population = table;
    } catch (error) {
      problems.push(`the population kept with the workbook could not be read: ${(error as Error).message}`);
    }
  }
  return { boundaries, population, problems };
}
