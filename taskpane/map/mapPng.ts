import type { MultiPolygon, Polygon, Position } from "geojson";
import {
  MAP_INK,
  MAP_LEGEND_AT,
  MAP_PICTURE_SIZE,
  type MapPicture,
  mapProjection,
  pointRadius,
} from "../../geo/mapPicture";
import { COVERAGE_RADII_KM } from "../../geo/serviceLocation";
import type { MapState } from "./mapState";

/** What the pane draws now, as the picture the report's map also draws from. */
export function pictureOf(state: MapState): MapPicture {
  return {
    wards: state.model.wards.map((w) => ({ geometry: w.geometry })),
    colours: state.colours,
    hotspotWards: state.hotspotWards,
    hotspotLevel: state.hotspotLevel,
    points: state.layer?.points ?? [],
    sites: state.model.sites,
    showCoverage: state.showCoverage && state.model.sites.length > 0,
    title: state.title,
    subtitle: state.subtitle,
    legendTitle: state.legendTitle,
    legend: state.legend,
    attribution: state.model.attribution,
  };
}

const font = (size: number, bold = false): string => `${bold ? "bold " : ""}${size}px ${MAP_INK.font}`;

/** The map area: ward fills, hotspot outlines, points and service sites with their rings, clipped to the area. */
function drawMapArea(g: CanvasRenderingContext2D, picture: MapPicture): void {
  const { at, kmToPixels, area } = mapProjection(picture.wards);
  const rings = (geometry: Polygon | MultiPolygon): Position[][] =>
    geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
  const trace = (geometry: Polygon | MultiPolygon): void => {
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
  picture.wards.forEach((ward, i) => {
    trace(ward.geometry);
    g.fillStyle = picture.colours[i];
    g.fill("evenodd");
    g.strokeStyle = MAP_INK.border;
    g.lineWidth = 1.5;
    g.stroke();
  });
  picture.hotspotWards.forEach((i) => {
    trace(picture.wards[i].geometry);
    g.strokeStyle = MAP_INK.hotspot;
    g.lineWidth = 3.5;
    g.stroke();
  });
  const maxWeight = Math.max(1, ...picture.points.map((p) => p.weight));
  for (const p of picture.points) {
    const [x, y] = at(p.longitude, p.latitude);
    g.beginPath();
    g.arc(x, y, pointRadius(p.weight, maxWeight), 0, 2 * Math.PI);
    g.fillStyle = MAP_INK.point;
    g.fill();
  }
  if (picture.showCoverage) {
    for (const site of picture.sites) {
      const [x, y] = at(site.longitude, site.latitude);
      g.setLineDash([8, 5]);
      g.strokeStyle = MAP_INK.site;
      g.lineWidth = 1.5;
      for (const km of COVERAGE_RADII_KM) {
        g.beginPath();
        g.arc(x, y, km * kmToPixels, 0, 2 * Math.PI);
        g.stroke();
      }
      g.setLineDash([]);
      g.beginPath();
      g.arc(x, y, 7, 0, 2 * Math.PI);
      g.fillStyle = MAP_INK.site;
      g.fill();
    }
  }
  g.restore();
}

/** The legend: its title, a swatch for each class, the hotspot outline and the sites' key. */
function drawLegend(g: CanvasRenderingContext2D, picture: MapPicture): void {
  const lx = MAP_LEGEND_AT.x;
  let ly: number = MAP_LEGEND_AT.y;
  g.fillStyle = MAP_INK.text;
  g.font = font(16, true);
  g.fillText(picture.legendTitle, lx, ly);
  g.font = font(15);
  g.lineWidth = 1;
  for (const row of picture.legend) {
    ly += 28;
    g.fillStyle = row.colour;
    g.fillRect(lx, ly - 16, 24, 20);
    g.strokeStyle = MAP_INK.swatchEdge;
    g.strokeRect(lx, ly - 16, 24, 20);
    g.fillStyle = MAP_INK.text;
    g.fillText(row.label, lx + 34, ly);
  }
  if (picture.hotspotWards.length > 0) {
    ly += 34;
    g.strokeStyle = MAP_INK.hotspot;
    g.lineWidth = 3.5;
    g.strokeRect(lx, ly - 16, 24, 20);
    g.fillText(`Gi* hotspot (${picture.hotspotLevel}%)`, lx + 34, ly);
  }
  if (picture.showCoverage) {
    ly += 34;
    g.beginPath();
    g.arc(lx + 12, ly - 6, 7, 0, 2 * Math.PI);
    g.fillStyle = MAP_INK.site;
    g.fill();
    g.fillStyle = MAP_INK.text;
    g.fillText("One Stop Shop (2, 5, 10 km)", lx + 34, ly);
  }
}

/**
 * Draws the current map (wards, hotspot outlines, points, sites, title, legend and the
 * boundaries' attribution) onto a canvas and returns it as a PNG data URL. Drawn from the
 * geometry rather than copied from the page, so no tiles or HTML are involved; the layout and
 * inks are the ones `geo/mapPicture` gives the report's SVG.
 */
export function mapPng(state: MapState): string {
  const picture = pictureOf(state);
  const { width: WIDTH, height: HEIGHT } = MAP_PICTURE_SIZE;
  const canvas = document.createElement("canvas");
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const g = canvas.getContext("2d");
  if (!g) throw new Error("this browser cannot draw a map image");
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, WIDTH, HEIGHT);
  drawMapArea(g, picture);
  g.fillStyle = MAP_INK.text;
  g.font = font(26, true);
  g.fillText(picture.title, 30, 44);
  g.font = font(16);
  g.fillStyle = MAP_INK.muted;
  g.fillText(picture.subtitle, 30, 70);
  drawLegend(g, picture);
  g.font = font(12);
  g.fillStyle = MAP_INK.muted;
  g.fillText(picture.attribution, 30, HEIGHT - 18, WIDTH - 60);
  return canvas.toDataURL("image/png");
}
