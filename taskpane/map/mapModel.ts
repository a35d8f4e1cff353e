import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { WardBoundaries } from "../../geo/boundaries";
import type { WardAnalysis } from "../../geo/wardLayers";

/** One choice in the layer picker: a ward layer shown as counts or as rates. */
export interface MapLayerChoice {
  readonly id: string;
  readonly title: string;
  readonly period: string | null;
  readonly measure: "count" | "rate";
  /** Per ward (aligned with `wards`): the value shown, or null for no data. */
  readonly values: readonly (number | null)[];
  readonly counts: readonly (number | null)[];
  readonly rates: readonly (number | null)[];
  readonly ranks: readonly (number | null)[];
  readonly hotspots: readonly string[];
  readonly points: readonly {
    readonly latitude: number;
    readonly longitude: number;
    readonly weight: number;
    readonly label: string;
  }[];
  readonly coverage: WardAnalysis["layers"][number]["coverage"];
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
      hotspots: layer.wards.map((w) => w.gi.band),
      points: layer.points,
      coverage: layer.coverage,
    };
    layers.push({ ...base, id: `${layer.id}|count`, measure: "count", values: counts });
    if (rates.some((r) => r !== null)) layers.push({ ...base, id: `${layer.id}|rate`, measure: "rate", values: rates });
  }
  // The boundaries' licence first, then any the data asks for (police.uk's).
  const attribution = [boundaries.attribution, ...(analysis?.attributions ?? [])].join(". ");
  return { wards, attribution, layers, sites: analysis?.sites ?? [] };
}
