import * as L from "leaflet";
import { COVERAGE_RADII_KM } from "../../geo/serviceLocation";
import { shownValue } from "../../geo/wardStyle";
import type { MapLayerChoice, MapModel } from "./mapModel";

// The map's overlay layers above the ward fills: hotspot outlines, the layer's points, and the
// service sites with their coverage rings, each point and site with its hover text.

/** What the overlay draws. */
export interface OverlayContent {
  readonly wards: MapModel["wards"];
  readonly points: MapLayerChoice["points"];
  /** The service sites with their rings, or null when coverage is not shown. */
  readonly sites: MapModel["sites"] | null;
  readonly hotspotWards: readonly number[];
  /** Counts under 5 shown as <5 (publication). */
  readonly suppress: boolean;
  /** Shows a heading and lines in the hover box; null clears it. */
  readonly showInfo: (heading: string | null, lines: string[]) => void;
}

/** Draws the overlay afresh in `overlay`; returns the largest point weight (the PNG scales points by it). */
export function drawOverlay(overlay: L.LayerGroup, what: OverlayContent): number {
  overlay.clearLayers();
  for (const i of what.hotspotWards) {
    L.geoJSON(what.wards[i] as never, {
      style: { fill: false, color: "#000000", weight: 3.5, className: "csp-hotspot" },
      interactive: false,
    }).addTo(overlay);
  }
  const maxWeight = Math.max(1, ...what.points.map((p) => p.weight));
  for (const p of what.points) {
    const marker = L.circleMarker([p.latitude, p.longitude], {
      radius: 3 + 2 * Math.sqrt(p.weight / maxWeight) * 6,
      color: "#313695",
      weight: 1,
      fillOpacity: 0.55,
      className: "csp-point",
    });
    marker.on("mouseover", () =>
      what.showInfo(p.label, [`${shownValue(p.weight, "count", what.suppress)} at this place`]),
    );
    marker.on("mouseout", () => what.showInfo(null, []));
    marker.addTo(overlay);
  }
  if (what.sites) {
    for (const site of what.sites) {
      for (const km of COVERAGE_RADII_KM) {
        L.circle([site.latitude, site.longitude], {
          radius: km * 1000,
          fill: false,
          color: "#1f4e79",
          weight: 1.5,
          dashArray: "6 4",
          className: "csp-ring",
          interactive: false,
        }).addTo(overlay);
      }
      const marker = L.circleMarker([site.latitude, site.longitude], {
        radius: 7,
        color: "#ffffff",
        weight: 2,
        fillColor: "#1f4e79",
        fillOpacity: 1,
        className: "csp-site",
      });
      marker.on("mouseover", () => what.showInfo(site.name, ["One Stop Shop (service site)"]));
      marker.on("mouseout", () => what.showInfo(null, []));
      marker.addTo(overlay);
    }
  }
  return maxWeight;
}
