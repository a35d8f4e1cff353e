import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { WardBoundaries } from "../../geo/boundaries";
import type { WardAnalysis } from "../../geo/wardLayers";
import { emergingLabel } from "../../geo/emergingHotspots";

/** One choice in the layer picker: a ward layer shown as counts or as rates. */
export interface MapLayerChoice {
  readonly id: string;
  readonly title: string;
  readonly period: string | null;
  /** Counts or rates classed on a colour ramp, or each ward's emerging hot or cold spot pattern. */
  readonly measure: "count" | "rate" | "emerging";
  /** Per ward (aligned with `wards`): the value shown, or null for no data. */
  readonly values: readonly (number | null)[];
  readonly counts: readonly (number | null)[];
  readonly rates: readonly (number | null)[];
  readonly ranks: readonly (number | null)[];
  readonly hotspots: readonly string[];
  /** Whom the rates are of (all residents, or those aged 10 to 17); null without a population. */
  readonly rateBase: WardAnalysis["layers"][number]["rateBase"];
  readonly points: readonly {
    readonly latitude: number;
    readonly longitude: number;
    readonly weight: number;
    readonly label: string;
  }[];
  readonly coverage: WardAnalysis["layers"][number]["coverage"];
  /** Each ward's emerging pattern ("Intensifying hot spot"), on an emerging-hotspot layer. */
  readonly patterns?: readonly (string | null)[];
}

/** Everything the map draws, as plain data (so it can also be posted to a dialog). */
export interface MapModel {
  readonly wards: readonly Feature<Polygon | MultiPolygon, { code: string; name: string }>[];
  readonly attribution: string;
  readonly layers: readonly MapLayerChoice[];
  readonly sites: WardAnalysis["sites"];
}

/** The map's data from a run's ward analysis and the boundaries it used. */
export function mapModel(boundaries: WardBoundaries, analysis: WardAnalysis | null): MapModel {
  const wards = boundaries.wards.map((w) => ({
    type: "Feature" as const,
    properties: { code: w.code, name: w.name },
    geometry: w.geometry,
  }));
  const layers: MapLayerChoice[] = [];
  for (const layer of analysis?.layers ?? []) {
    const counts = layer.wards.map((w, i) => (layer.noData.includes(i) ? null : w.count));
    const rates = layer.wards.map((w, i) => (layer.noData.includes(i) ? null : w.ratePer1000));
    const base = {
      title: layer.title,
      period: layer.period,
      counts,
      rates,
      ranks: layer.wards.map((w, i) => (layer.noData.includes(i) ? null : w.rank)),
      hotspots: layer.wards.map((w) => w.gi?.band ?? "none"),
      rateBase: layer.rateBase,
      points: layer.points,
      coverage: layer.coverage,
    };
    layers.push({ ...base, id: `${layer.id}|count`, measure: "count", values: counts });
    if (rates.some((r) => r !== null)) layers.push({ ...base, id: `${layer.id}|rate`, measure: "rate", values: rates });
    const emerging = layer.emerging;
    if (emerging)
      layers.push({
        ...base,
        id: `${layer.id}|emerging`,
        title: `${layer.title}: emerging hotspots`,
        period: `${emerging.periods[0]} to ${emerging.periods[emerging.periods.length - 1]}`,
        measure: "emerging",
        values: counts,
        patterns: emerging.wards.map((w, i) => (layer.noData.includes(i) ? null : emergingLabel(w))),
      });
  }
  // The boundaries' licence first, then any the data asks for (police.uk's).
  const attribution = [boundaries.attribution, ...(analysis?.attributions ?? [])].join(". ");
  return { wards, attribution, layers, sites: analysis?.sites ?? [] };
}
