// Sheets the ward maps read: places, service sites, candidate sites and needle-find locations.
// Coordinates are the approximate positions of the places the Strategic Assessment names
// (placed by hand to within a few hundred metres).

type Row = readonly (string | number | null)[];

/** Places named in the assessment, with approximate WGS84 positions. */
export const PLACES: Row[] = [
  ["Place", "Latitude", "Longitude", "Note"],
  ["Salvation Army, Union Street (One Stop Shop)", 51.2758, 0.5222, "approximate"],
  ["Week Street", 51.276, 0.5215, "approximate"],
  ["Rear of property in Week Street", 51.276, 0.5215, "approximate; as Week Street"],
  ["River Steps", 51.273, 0.5185, "approximate"],
  ["Old Palace", 51.2708, 0.5205, "approximate"],
  ["Lower Boxley Road", 51.28, 0.521, "approximate"],
  ["Viaduct", 51.2775, 0.518, "approximate"],
  ["Whatman Park", 51.2795, 0.511, "approximate"],
  ["Amphitheatre", 51.2712, 0.519, "approximate"],
  ["Marden (village centre)", 51.1756, 0.4936, "approximate; rural One Stop Shop trial"],
  ["Headcorn (village centre)", 51.1694, 0.6277, "approximate; rural One Stop Shop trial"],
  ["Staplehurst (village centre)", 51.1611, 0.5517, "approximate; rural One Stop Shop trial"],
  ["Maidstone town centre (Jubilee Square)", 51.2727, 0.5224, "approximate"],
];

export const SITES: Row[] = [
  ["Site", "Place"],
  ["Salvation Army, Union Street (One Stop Shop)", "Salvation Army, Union Street (One Stop Shop)"],
];

export const CANDIDATES: Row[] = [
  ["Candidate", "Place"],
  ["Marden (village centre)", "Marden (village centre)"],
  ["Headcorn (village centre)", "Headcorn (village centre)"],
  ["Staplehurst (village centre)", "Staplehurst (village centre)"],
];

/** The 2018-19 top five needle-find locations; "Needle bins" are several bins, so no one place. */
export const NEEDLE_LOCATIONS: Row[] = [
  ["Location", "Count"],
  ["River Steps", 406],
  ["Needle bins", 219],
  ["Rear of property in Week Street", 200],
  ["Viaduct", 162],
  ["Lower Boxley Road", 100],
];
