import type { Classification } from "../../geo/classify";
import type { MapLayerChoice, MapModel } from "./mapModel";

/** What the map draws now: read by the PNG export and the tests. */
export interface MapState {
  readonly model: MapModel;
  readonly layer: MapLayerChoice | null;
  readonly classes: Classification | null;
  readonly colours: readonly string[];
  readonly hotspotWards: readonly number[];
  readonly hotspotLevel: number;
  readonly suppress: boolean;
  readonly showCoverage: boolean;
  readonly maxWeight: number;
  readonly title: string;
  readonly subtitle: string;
  readonly legendTitle: string;
  /** The legend's rows as drawn: classes and no data, or the emerging patterns shown. */
  readonly legend: readonly { readonly colour: string; readonly label: string }[];
}
