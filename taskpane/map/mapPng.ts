import type { Position } from "geojson";
import { COVERAGE_RADII_KM } from "../../geo/serviceLocation";
import { legendRows } from "./wardStyle";
import type { MapState } from "./mapState";

const WIDTH = 1200;
const HEIGHT = 900;

/**
 * Draws the current map (wards, hotspot outlines, points, sites, title, legend and the
 * boundaries' attribution) onto a canvas and returns it as a PNG data URL. Drawn from the
 * geometry rather than copied from the page, so no tiles or HTML are involved.
 */
export function mapPng(state: MapState): string {
  const canvas = document.createElement("canvas");
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const g = canvas.getContext("2d");
  if (!g) throw new Error("this browser cannot draw a map image");
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, WIDTH, HEIGHT);

  const rings = (geometry: { type: string; coordinates: unknown }): Position[][] =>
    geometry.type === "Polygon"
      ? (geometry.coordinates as Position[][])
      : (geometry.coordinates as Position[][][]).flat();
  const all = state.model.wards.flatMap((w) => rings(w.geometry).flat());
  const minLon = Math.min(...all.map((p) => p[0]));
  const maxLon = Math.max(...all.map((p) => p[0]));
  const minLat = Math.min(...all.map((p) => p[1]));
  const maxLat = Math.max(...all.map((p) => p[1]));
  const k = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  const area = { x: 30, y: 90, w: WIDTH - 330, h: HEIGHT - 140 };
  const scale = Math.min(area.w / ((maxLon - minLon) * k), area.h / (maxLat - minLat));
  const at = (lon: number, lat: number): [number, number] => [
    area.x + (lon - minLon) * k * scale,
    area.y + (maxLat - lat) * scale,
  ];
  const trace = (geometry: { type: string; coordinates: unknown }): void => {
    g.beginPath();
    for (const ring of rings(geometry)) {
      ring.forEach(([lon, lat], i) => {
        const [x, y] = at(lon, lat);
        if (i === 0) g.moveTo(x, y);
        else g.lineTo(x, y);
      });
      g.closePath();
    }
  };

  // Rings and points stay inside the map area, clear of the title and legend.
  g.save();
  g.beginPath();
  g.rect(area.x - 20, area.y - 10, area.w + 40, area.h + 20);
  g.clip();
  state.model.wards.forEach((ward, i) => {
    trace(ward.geometry);
    g.fillStyle = state.colours[i];
    g.fill("evenodd");
    g.strokeStyle = "#ffffff";
    g.lineWidth = 1.5;
    g.stroke();
  });
  state.hotspotWards.forEach((i) => {
    trace(state.model.wards[i].geometry);
    g.strokeStyle = "#000000";
    g.lineWidth = 3.5;
    g.stroke();
  });
  for (const p of state.layer?.points ?? []) {
    const [x, y] = at(p.longitude, p.latitude);
    g.beginPath();
    g.arc(x, y, 3 + 2 * Math.sqrt(p.weight / Math.max(1, state.maxWeight)) * 6, 0, 2 * Math.PI);
    g.fillStyle = "rgba(49, 54, 149, 0.55)";
    g.fill();
  }
  if (state.showCoverage) {
    for (const site of state.model.sites) {
      const [x, y] = at(site.longitude, site.latitude);
      g.setLineDash([8, 5]);
      g.strokeStyle = "#1f4e79";
      g.lineWidth = 1.5;
      for (const km of COVERAGE_RADII_KM) {
        g.beginPath();
        g.arc(x, y, (km / 111.32) * scale, 0, 2 * Math.PI);
        g.stroke();
      }
      g.setLineDash([]);
      g.beginPath();
      g.arc(x, y, 7, 0, 2 * Math.PI);
      g.fillStyle = "#1f4e79";
      g.fill();
    }
  }

  g.restore();
  g.fillStyle = "#201f1e";
  g.font = "bold 26px Segoe UI, Arial, sans-serif";
  g.fillText(state.title, 30, 44);
  g.font = "16px Segoe UI, Arial, sans-serif";
  g.fillStyle = "#605e5c";
  g.fillText(state.subtitle, 30, 70);

  const lx = WIDTH - 290;
  let ly = 110;
  g.fillStyle = "#201f1e";
  g.font = "bold 16px Segoe UI, Arial, sans-serif";
  g.fillText(state.legendTitle, lx, ly);
  g.font = "15px Segoe UI, Arial, sans-serif";
  g.lineWidth = 1;
  for (const row of legendRows(state.classes, state.layer?.measure ?? "count", state.suppress)) {
    ly += 28;
    g.fillStyle = row.colour;
    g.fillRect(lx, ly - 16, 24, 20);
    g.strokeStyle = "#8a8886";
    g.strokeRect(lx, ly - 16, 24, 20);
    g.fillStyle = "#201f1e";
    g.fillText(row.label, lx + 34, ly);
  }
  if (state.hotspotWards.length > 0) {
    ly += 34;
    g.strokeStyle = "#000000";
    g.lineWidth = 3.5;
    g.strokeRect(lx, ly - 16, 24, 20);
    g.fillText(`Gi* hotspot (${state.hotspotLevel}%)`, lx + 34, ly);
  }
  if (state.showCoverage && state.model.sites.length > 0) {
    ly += 34;
    g.beginPath();
    g.arc(lx + 12, ly - 6, 7, 0, 2 * Math.PI);
    g.fillStyle = "#1f4e79";
    g.fill();
    g.fillStyle = "#201f1e";
    g.fillText("One Stop Shop (2, 5, 10 km)", lx + 34, ly);
  }
  g.font = "12px Segoe UI, Arial, sans-serif";
  g.fillStyle = "#605e5c";
  g.fillText(state.model.attribution, 30, HEIGHT - 18, WIDTH - 60);
  return canvas.toDataURL("image/png");
}
