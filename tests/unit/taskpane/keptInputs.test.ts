// The files kept with a workbook: written as our custom XML part and read back whole, each
// part read on its own (a damaged one is said, the other still serves), and small enough for
// Office to keep in any workbook.
import { readFileSync } from "node:fs";
import { loadBoundaries } from "../../../geo/boundaries";
import { readTableFile } from "../../../src/cli/readTableFile";
import { districtPopulations, populationOfFiles } from "../../../src/core/population/wardPopulation";
import { WardMatcher } from "../../../geo/wardMatch";
import { wardPopulations } from "../../../geo/wardPopulations";
import { KEPT_INPUTS_NAMESPACE, keptInputsXml, keptPopulation, parseKeptInputs } from "../../../taskpane/keptInputs";
import { SAMPLE_WARDS_2015 } from "../../helpers/boundaries";
import { SHARED_POPULATION, SHARED_WARD_LOOKUP, itReal } from "../../helpers/realData";

const sample = loadBoundaries(JSON.parse(readFileSync(SAMPLE_WARDS_2015, "utf8")), "maidstone-wards-2015.geojson");
const population = {
  source: "Mid-2020 persons & <wards>.csv",
  byAge: true,
  areas: [{ area: "E05004996", allAges: 6000, aged10to17: 600, name: "Allington", district: "Maidstone" }],
};

describe("the files kept with a workbook", () => {
  it("are one part in our namespace that reads back as the wards and population given", () => {
    const xml = keptInputsXml({ boundaries: { name: "wards & more.geojson", value: sample }, population });
    expect(xml.startsWith(`<keptInputs xmlns="${KEPT_INPUTS_NAMESPACE}">`)).toBe(true);
    const read = parseKeptInputs(xml);
    expect(read.problems).toEqual([]);
    expect(read.boundaries?.name).toBe("wards & more.geojson");
    expect(read.boundaries?.value.wards.map((w) => [w.code, w.name])).toEqual(
      sample.wards.map((w) => [w.code, w.name]),
    );
    expect(read.boundaries?.value.neighbours).toEqual(sample.neighbours);
    expect(read.boundaries?.value.attribution).toBe(sample.attribution);
    expect(read.population).toEqual(population);
    // Maidstone's 26 wards and a population: well under what Office keeps with a workbook.
    expect(new TextEncoder().encode(xml).length).toBeLessThan(200_000);
  });

  it("reads each input on its own, saying which could not be read", () => {
    const xml = keptInputsXml({ boundaries: { name: "w.geojson", value: sample }, population }).replace(
      /<population>.*<\/population>/,
      "<population>{not json</population>",
    );
    const read = parseKeptInputs(xml);
    expect(read.boundaries?.value.wards).toHaveLength(26);
    expect(read.population).toBeNull();
    expect(read.problems).toEqual([expect.stringMatching(/^the population kept with the workbook could not be read/)]);
  });

  it("keeps nothing when given nothing", () => {
    expect(parseKeptInputs(keptInputsXml({ boundaries: null, population: null }))).toEqual({
      boundaries: null,
      population: null,
      problems: [],
    });
  });
});

describe("a national population file kept with a workbook", () => {
  itReal(
    "keeps the boundaries' districts ward by ward and every other district as its total: the same rates, a tenth of the size",
    async () => {
      const files = await Promise.all(
        [SHARED_POPULATION, SHARED_WARD_LOOKUP].map(async (f) => ({
          name: f,
          sheets: (await readTableFile(f)).sheets,
        })),
      );
      const whole = populationOfFiles(files);
      const kept = keptPopulation(whole, sample);
      expect(districtPopulations(kept)).toEqual(districtPopulations(whole));
      const wards = (p: typeof whole) => wardPopulations(p, sample, new WardMatcher(sample.wards), []);
      expect(wards(kept)).toEqual(wards(whole));
      const size = (p: typeof whole) => keptInputsXml({ boundaries: null, population: p }).length;
      expect(size(kept)).toBeLessThan(size(whole) / 10);
    },
  );
});
