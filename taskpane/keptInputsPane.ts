// In Excel, the boundaries and population an analyst picked are kept with the workbook (our
// custom XML part, taskpane/keptInputs.ts): the pane says what is kept, uses it when nothing is
// picked, keeps what a run was given, and forgets it when asked.
import type { WardBoundaries } from "../geo/boundaries";
import type { PopulationTable } from "../src/core/population/wardPopulation";
import { byId } from "./dom";
import type { KeptInputs } from "./keptInputs";
import { excelRunner } from "./officeHost";

let kept: KeptInputs = { boundaries: null, population: null };

/** Our part of the workbook, and how to read and write it: loaded when first needed (it carries the GIS module). */
async function part() {
  const [{ KeptXmlPart }, keptInputs] = await Promise.all([
    import(/* webpackChunkName: "office-adapter" */ "../src/adapters/office"),
    import(/* webpackChunkName: "job" */ "./keptInputs"),
  ]);
  return { xml: new KeptXmlPart(excelRunner, keptInputs.KEPT_INPUTS_NAMESPACE), ...keptInputs };
}

function showKept(): void {
  const names = [
    kept.boundaries ? `ward boundaries from ${kept.boundaries.name}` : null,
    kept.population ? `ward populations from ${kept.population.source}` : null,
  ].filter((n): n is string => n !== null);
  byId("csp-kept-row").hidden = names.length === 0;
  byId("csp-kept-text").textContent = `Kept with this workbook and used when none are chosen: ${names.join(" and ")}.`;
}

/** Reads what the workbook keeps and says it; problems reading it are returned to be said. */
export async function loadKept(): Promise<readonly string[]> {
  const { xml, parseKeptInputs } = await part();
  const text = await xml.read();
  const read = text ? parseKeptInputs(text) : { boundaries: null, population: null, problems: [] };
  kept = { boundaries: read.boundaries, population: read.population };
  showKept();
  return read.problems;
}

/** The inputs of a run: those picked, else those kept. */
export function withKept(
  boundaries: WardBoundaries | null,
  population: PopulationTable | null,
): { boundaries: WardBoundaries | null; population: PopulationTable | null } {
  return {
    boundaries: boundaries ?? kept.boundaries?.value ?? null,
    population: population ?? kept.population,
  };
}

/** Keeps what the analyst picked for this run (a picked file replaces the kept one of its kind). */
export async function keepPicked(
  boundaries: { name: string; value: WardBoundaries } | null,
  population: PopulationTable | null,
): Promise<void> {
  if (!boundaries && !population) return;
  const next: KeptInputs = {
    boundaries: boundaries ?? kept.boundaries,
    population: population ?? kept.population,
  };
  const { xml, keptInputsXml } = await part();
  await xml.write(keptInputsXml(next));
  kept = next;
  showKept();
}

/** Forgets the kept files: the part is removed from the workbook. */
export async function forgetKept(): Promise<void> {
  await (await part()).xml.clear();
  kept = { boundaries: null, population: null };
  showKept();
}
