import { serviceCoverage, toBritishNationalGrid, fromBritishNationalGrid } from "../../../geo";
import { gridBoundaries } from "../../helpers/boundaries";

// A toy grid in BNG metres around Maidstone: demand at 1 km steps east of a site.
const [e0, n0] = toBritishNationalGrid(0.52, 51.27);
const at = (eastKm: number, northKm = 0) => {
  const [longitude, latitude] = fromBritishNationalGrid(e0 + eastKm * 1000, n0 + northKm * 1000);
  return { longitude, latitude };
};

describe("serviceCoverage", () => {
  const boundaries = gridBoundaries(2, 2, 0.05, 0.45, 51.22);
  const site = { name: "Union Street", ...at(0) };
  const demand = [
    { ...at(1), weight: 10 },
    { ...at(3), weight: 10 },
    { ...at(7), weight: 10 },
    { ...at(20), weight: 30 },
    { ...at(21), weight: 40 },
  ];

  it("gives the share of incidents within 2, 5 and 10 km of a site", () => {
    const report = serviceCoverage(boundaries, demand, [site], []);
    expect(report.shareWithin.map((s) => [s.km, s.share])).toEqual([
      [2, 0.1],
      [5, 0.2],
      [10, 0.3],
    ]);
  });

  it("picks additional sites greedily by the demand each newly covers", () => {
    const candidates = [
      { name: "Near", ...at(2) },
      { name: "Far cluster", ...at(20.5) },
      { name: "Middle", ...at(7) },
    ];
    const report = serviceCoverage(boundaries, demand, [site], candidates, { k: 2, radiusKm: 5 });
    expect(
      report.suggestions.map((s) => [
        s.site.name,
        Math.round(s.adds * 100) / 100,
        Math.round(s.cumulative * 100) / 100,
      ]),
    ).toEqual([
      ["Far cluster", 0.7, 0.9],
      ["Middle", 0.1, 1],
    ]);
  });

  it("gives each ward's distance to its nearest site", () => {
    const report = serviceCoverage(boundaries, demand, [site, { name: "North", ...at(0, 8) }], []);
    expect(report.wardDistances).toHaveLength(4);
    for (const w of report.wardDistances) {
      expect(w.km).toBeGreaterThanOrEqual(0);
      expect(["Union Street", "North"]).toContain(w.nearest);
    }
  });
});
