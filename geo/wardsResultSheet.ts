import { emergingLabel } from "./emergingHotspots";
import {
  type CellValue,
  NumberFormats,
  RESULT_SHEET_PREFIX,
  type ResultChart,
  type ResultRowKind,
  type ResultSheet,
  resultColumn as col,
} from "../src/model";
import type { WardAnalysis } from "./wardLayers";
import { classOf } from "./classify";
import { findingJson } from "../src/core/findings";

/** The name of the ward result sheet. */
export const WARDS_RESULT_SHEET = `${RESULT_SHEET_PREFIX}Wards`;

const HOTSPOT_WORDS: Record<string, string> = {
  "hot-99": "Hotspot (99%)",
  "hot-95": "Hotspot (95%)",
  "hot-90": "Hotspot (90%)",
  "cold-99": "Cold spot (99%)",
  "cold-95": "Cold spot (95%)",
  "cold-90": "Cold spot (90%)",
  none: "Not significant",
};

/** Ward statistics of every layer, their One Stop Shop coverage, with a bar chart per layer. */
export function wardsResultSheet(analysis: WardAnalysis): ResultSheet {
  const rows: CellValue[][] = [];
  const kinds: ResultRowKind[] = [];
  const formats: (string | null)[][] = [];
  const charts: ResultChart[] = [];
  const add = (kind: ResultRowKind, cells: CellValue[], f: (string | null)[] = []): number => {
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
    const header = add("section", [
      "Ward code",
      "Ward",
      "Count",
      "Population",
      "Rate per 1,000",
      "Share",
      "Rank",
      "Location quotient",
      "Gi* z",
      "Gi* p",
      "Hotspot",
      "Class",
      "Km to nearest site",
    ]);
    layer.wards.forEach((w, i) => {
      const noData = layer.noData.includes(i);
      add(
        "data",
        [
          w.code,
          w.name,
          noData ? null : w.count,
          w.population,
          noData ? null : w.ratePer1000,
          noData ? null : w.share,
          noData ? null : w.rank,
          noData ? null : w.locationQuotient,
          w.gi.z,
          w.gi.p,
          noData ? "No data" : HOTSPOT_WORDS[w.gi.band],
          noData || !layer.classification ? null : classOf(w.count, layer.classification.breaks) + 1,
          layer.coverage?.wardDistances[i]?.km ?? null,
        ],
        [
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
        ],
      );
    });
    const lastWardRow = rows.length - 1;
    if (layer.emerging) {
      // Emerging hot and cold spots over the layer's periods: each ward with a pattern, named.
      const patterned = layer.emerging.wards
        .map((w, i) => ({ w, name: layer.wards[i].name }))
        .filter(({ w }) => w.kind !== null);
      add("note", [
        `Emerging hotspots over ${layer.emerging.periods.length} periods (${layer.emerging.periods[0]} to ${layer.emerging.periods[layer.emerging.periods.length - 1]}): ${
          patterned.length > 0
            ? patterned.map(({ w, name }) => `${name}: ${emergingLabel(w).toLowerCase()}`).join("; ")
            : "no ward has a pattern"
        }`,
      ]);
    }
    charts.push({
      kind: "bar",
      title: layer.title,
      firstRow: header,
      lastRow: lastWardRow,
      categoryColumn: 1,
      seriesColumns: [2],
    });
    if (layer.coverage) {
      for (const s of layer.coverage.shareWithin)
        add(
          "data",
          ["", `Share within ${s.km} km of a site`, null, null, null, s.share],
          [null, null, null, null, null, NumberFormats.percent1],
        );
      for (const s of layer.coverage.suggestions) {
        add(
          "data",
          [
            "",
            `Add ${s.site.name}: +${(s.adds * 100).toFixed(1)}% within ${layer.coverage.radiusKm} km (${(s.cumulative * 100).toFixed(1)}% in all)`,
            null,
            null,
            null,
            s.adds,
          ],
          [null, null, null, null, null, NumberFormats.percent1],
        );
      }
    }
    if (layer.outside > 0) add("data", ["", `${layer.outside} record(s) lie outside every ward`]);
  }
  return {
    name: WARDS_RESULT_SHEET,
    columns: [
      col("Ward code", 12),
      col("Ward", 38),
      col("Count", 9),
      col("Population", 11),
      col("Rate per 1,000", 13),
      col("Share", 9),
      col("Rank", 7),
      col("Location quotient", 11),
      col("Gi* z", 8),
      col("Gi* p", 8),
      col("Hotspot", 17),
      col("Class", 7),
      col("Km to nearest site", 11),
    ],
    rows,
    rowKinds: kinds,
    cellFormats: formats,
    charts,
  };
}

/** The ward analysis as JSON (the `wards` key of `compute --json`). */
export function wardAnalysisJson(analysis: WardAnalysis): Record<string, unknown> {
  return {
    sites: analysis.sites,
    populationSheet: analysis.populationSheet,
    layers: analysis.layers.map((l) => ({
      id: l.id,
      title: l.title,
      sheet: l.sheet,
      period: l.period,
      source: l.source,
      outside: l.outside,
      rateBase: l.rateBase,
      classification: l.classification,
      wards: l.wards.map((w, i) => ({
        code: w.code,
        name: w.name,
        count: l.noData.includes(i) ? null : w.count,
        population: w.population,
        ratePer1000: w.ratePer1000,
        share: w.share,
        rank: w.rank,
        locationQuotient: w.locationQuotient,
        giZ: w.gi.z,
        giP: w.gi.p,
        hotspot: w.gi.band,
        ...(l.emerging
          ? {
              emerging: {
                pattern: emergingLabel(l.emerging.wards[i]),
                giZByPeriod: l.emerging.wards[i].z,
                trendTau: l.emerging.wards[i].trend.tau,
                trendP: l.emerging.wards[i].trend.p,
              },
            }
          : {}),
      })),
      ...(l.emerging ? { emergingPeriods: l.emerging.periods } : {}),
      coverage: l.coverage,
      points: l.points,
    })),
    findings: analysis.findings.map(findingJson),
  };
}
