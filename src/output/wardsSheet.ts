import { emergingLabel } from "../../geo/emergingHotspots";
import {
  type CellValue,
  NumberFormats,
  RESULT_SHEET_PREFIX,
  type ResultChart,
  type ResultRowKind,
  type ResultSheet,
  resultColumn as col,
} from "../model";
import type { WardAnalysis } from "../../geo/wardLayers";
import { classOf } from "../../geo/classify";

/** The name of the ward result sheet. */
export const WARDS_RESULT_SHEET = `${RESULT_SHEET_PREFIX}Wards`;

const HOTSPOT_WORDS: Record<string, string> = {
  "hot-99": "Hotspot (99%)",
  "hot-95": "Hotspot (95%)",
  "hot-90": "Hotspot (90%)",
  "cold-99": "Cold spot (99%)",
  "cold-95": "Cold spot (95%)",
  "cold-90": "Cold spot (90%)",
  "near-hot": "Next to a hotspot (own count at or below the average)",
  "near-cold": "Next to a cold spot (own count at or above the average)",
  none: "Not significant",
};

/** The ward table's columns: heading and width. */
const WARD_COLUMNS: readonly [string, number][] = [
  ["Ward code", 12],
  ["Ward", 38],
  ["Count", 9],
  ["Population", 11],
  ["Rate per 1,000", 13],
  ["Share", 9],
  ["Rank", 7],
  ["Location quotient", 11],
  ["Gi* z", 8],
  ["Gi* p", 8],
  ["Hotspot", 17],
  ["Class", 7],
  ["Km to nearest site", 11],
];

const WARD_FORMATS: (string | null)[] = [
  null,
  null,
  NumberFormats.integer,
  NumberFormats.integer,
  NumberFormats.decimal1,
  NumberFormats.percent1,
  NumberFormats.integer,
  NumberFormats.decimal2,
  NumberFormats.decimal2,
  "0.000",
  null,
  NumberFormats.integer,
  NumberFormats.decimal1,
];

const SHARE_FORMATS = [null, null, null, null, null, NumberFormats.percent1];

type Layer = WardAnalysis["layers"][number];
type AddRow = (kind: ResultRowKind, cells: CellValue[], formats?: (string | null)[]) => number;

/** A ward's row of a layer: its statistics, or "No data" where the layer does not mention it. */
function wardRow(layer: Layer, i: number): CellValue[] {
  const w = layer.wards[i];
  const noData = layer.noData.includes(i);
  return [
    w.code,
    w.name,
    noData ? null : w.count,
    w.population,
    noData ? null : w.ratePer1000,
    noData ? null : w.share,
    noData ? null : w.rank,
    noData ? null : w.locationQuotient,
    w.gi?.z ?? null,
    w.gi?.p ?? null,
    w.gi ? HOTSPOT_WORDS[w.gi.band] : "No data",
    noData || !layer.classification ? null : classOf(w.count, layer.classification.breaks) + 1,
    layer.coverage?.wardDistances[i]?.km ?? null,
  ];
}

/** Emerging hot and cold spots over the layer's periods: each ward with a pattern, named. */
function emergingNote(emerging: NonNullable<Layer["emerging"]>, layer: Layer): string {
  const patterned = emerging.wards.map((w, i) => ({ w, name: layer.wards[i].name })).filter(({ w }) => w.kind !== null);
  return `Emerging hotspots over ${emerging.periods.length} periods (${emerging.periods[0]} to ${emerging.periods[emerging.periods.length - 1]}): ${
    patterned.length > 0
      ? patterned.map(({ w, name }) => `${name}: ${emergingLabel(w).toLowerCase()}`).join("; ")
      : "no ward has a pattern"
  }`;
}

/** The share of the layer within each distance of a site, and the sites that would add most. */
function coverageRows(coverage: NonNullable<Layer["coverage"]>, add: AddRow): void {
  for (const s of coverage.shareWithin)
    add("data", ["", `Share within ${s.km} km of a site`, null, null, null, s.share], SHARE_FORMATS);
  for (const s of coverage.suggestions) {
    const text = `Add ${s.site.name}: +${(s.adds * 100).toFixed(1)}% within ${coverage.radiusKm} km (${(s.cumulative * 100).toFixed(1)}% in all)`;
    add("data", ["", text, null, null, null, s.adds], SHARE_FORMATS);
  }
}

/** Ward statistics of every layer, their One Stop Shop coverage, with a bar chart per layer. */
export function wardsResultSheet(analysis: WardAnalysis): ResultSheet {
  const rows: CellValue[][] = [];
  const kinds: ResultRowKind[] = [];
  const formats: (string | null)[][] = [];
  const charts: ResultChart[] = [];
  const add: AddRow = (kind, cells, f = []) => {
    rows.push(cells);
    kinds.push(kind);
    formats.push(f);
    return rows.length - 1;
  };
  add("note", [
    `Rates use ${analysis.populationSheet ? `the populations of ${analysis.populationSheet}` : "no population (add a Population sheet, or give ONS's ward population file, for rates per 1,000)"}. Hotspots are Getis-Ord Gi* over ward borders; a high count alone is not a hotspot. ${analysis.sites.length > 0 ? `Coverage is straight-line distance to ${analysis.sites.map((s) => s.name).join(", ")}.` : "No One Stop Shop sites are given (add a Sites sheet), so no coverage is worked out."}`,
  ]);
  for (const layer of analysis.layers) {
    add("data", []);
    add("section", [
      `${layer.title}${layer.period ? ` (${layer.period})` : ""}`,
      `from ${layer.sheet}${layer.rateBase ? `; rates per 1,000 residents ${layer.rateBase}` : ""}`,
    ]);
    const header = add(
      "section",
      WARD_COLUMNS.map(([heading]) => heading),
    );
    layer.wards.forEach((_, i) => add("data", wardRow(layer, i), WARD_FORMATS));
    const lastWardRow = rows.length - 1;
    if (layer.emerging) add("note", [emergingNote(layer.emerging, layer)]);
    charts.push({
      kind: "bar",
      title: layer.title,
      firstRow: header,
      lastRow: lastWardRow,
      categoryColumn: 1,
      seriesColumns: [2],
    });
    if (layer.coverage) coverageRows(layer.coverage, add);
    if (layer.outside > 0) add("data", ["", `${layer.outside} record(s) lie outside every ward`]);
  }
  return {
    name: WARDS_RESULT_SHEET,
    columns: WARD_COLUMNS.map(([heading, width]) => col(heading, width)),
    rows,
    rowKinds: kinds,
    cellFormats: formats,
    charts,
  };
}
