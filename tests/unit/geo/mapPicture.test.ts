import { layerPicture, mapSvg, wardAnalysis } from "../../../geo";
import { computeAssessment } from "../../../src/core";
import { gridBoundaries } from "../../helpers/boundaries";
import { sheet } from "../../helpers/grids";

// The report's maps: every ward numbered with a key of their names, a scale bar of a round
// distance and a north arrow; the pane's picture leaves them to its own controls.

const grid = gridBoundaries(4, 3, 0.02);
const wards = grid.wards.map((w) => w.name);
const table = sheet("Crime by ward", [
  ["Crime by ward"],
  ["Ward", "2019/20"],
  ...wards.map((name, i) => [name, 10 + i * 3]),
]);
const analysis = wardAnalysis([table], computeAssessment({ sheets: [table] }).tables, grid);

describe("the report's map picture", () => {
  it("numbers every ward and names it in a key, with a scale bar and a north arrow", () => {
    const svg = mapSvg(layerPicture(grid, analysis, analysis.layers[0], { labels: true }));
    expect(svg).toContain(">Wards</text>");
    for (const [i, name] of wards.entries()) expect(svg).toContain(`>${i + 1} ${name}</text>`);
    // The map area is about 9 km across at this scale: a round 2 km bar, a fifth of it, in two halves.
    expect(svg).toMatch(/>2 km<\/text>/);
    const halves = [...svg.matchAll(/<rect x="[\d.]+" y="\d+" width="([\d.]+)" height="8"/g)].map((m) => Number(m[1]));
    expect(halves).toHaveLength(2);
    expect(svg).toMatch(/>N<\/text>/);
  });

  it("leaves the numbers, scale and arrow off a picture that does not ask for them", () => {
    const svg = mapSvg(layerPicture(grid, analysis, analysis.layers[0]));
    expect(svg).not.toContain(">Wards</text>");
    expect(svg).not.toMatch(/ km<\/text>|>N<\/text>/);
  });
});
