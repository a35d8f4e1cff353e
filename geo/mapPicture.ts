import type { MultiPolygon, Polygon, Position } from "geojson";
import type { WardBoundaries } from "./boundaries";
import type { ClassMethod, Classification } from "./classify";
import { COVERAGE_RADII_KM, type Site, wardCentroids } from "./serviceLocation";
import type { WardAnalysis, WardLayer } from "./wardLayers";
import { HOTSPOT_LEVELS, METHOD_NAMES, classesFor, legendRows, rateWords, wardColour } from "./wardStyle";

/** A ward map as a picture: what the pane's PNG export and the report's map draw, alike. */
export interface MapPicture {
  readonly wards: readonly { readonly geometry: Polygon | MultiPolygon }[];
  /** Each ward's fill, aligned with `wards`. */
  readonly colours: readonly string[];
  readonly hotspotWards: readonly number[];
  readonly hotspotLevel: number;
  readonly points: readonly { readonly longitude: number; readonly latitude: number; readonly weight: number }[];
  readonly sites: readonly Site[];
  readonly showCoverage: boolean;
  readonly title: string;
  readonly subtitle: string;
  readonly legendTitle: string;
  readonly legend: readonly { readonly colour: string; readonly label: string }[];
  readonly attribution: string;
  /**
   * Each ward's name and where to write it (its centre of mass), numbered on the map with a key
   * beside the legend; with a scale bar and a north arrow. The report's maps have them.
   */
  readonly labels?: readonly { readonly name: string; readonly longitude: number; readonly latitude: number }[];
}

/** The picture's size in pixels and where the wards go in it (the rest holds title and legend). */
export const MAP_PICTURE_SIZE = { width: 1200, height: 900 } as const;
const AREA = { x: 30, y: 90, w: MAP_PICTURE_SIZE.width - 330, h: MAP_PICTURE_SIZE.height - 140 };
/** Left edge and first baseline of the legend. */
export const MAP_LEGEND_AT = { x: MAP_PICTURE_SIZE.width - 290, y: 110 } as const;
/** The styling both renderers share. */
export const MAP_INK = {
  text: "#201f1e",
  muted: "#605e5c",
  border: "#ffffff",
  hotspot: "#000000",
  point: "rgba(49, 54, 149, 0.55)",
  site: "#1f4e79",
  swatchEdge: "#8a8886",
  font: "Segoe UI, Arial, Liberation Sans, DejaVu Sans, sans-serif",
} as const;

const ringsOf = (geometry: Polygon | MultiPolygon): Position[][] =>
  geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();

/**
 * Where longitude and latitude fall in the picture: an equirectangular projection scaled by
 * the cosine of the middle latitude, which for a borough is true to shape within a fraction
 * of a per cent. `kmToPixels` sizes coverage rings.
 *
 * @example
 * mapProjection(loadBoundaries({ type: "FeatureCollection", features: [{ type: "Feature", properties: { WD19CD: "E05000001", WD19NM: "West" }, geometry: { type: "Polygon", coordinates: [[[0, 51], [0.1, 51], [0.1, 51.1], [0, 51.1], [0, 51]]] } }, { type: "Feature", properties: { WD19CD: "E05000002", WD19NM: "East" }, geometry: { type: "Polygon", coordinates: [[[0.1, 51], [0.2, 51], [0.2, 51.1], [0.1, 51.1], [0.1, 51]]] } }] }).wards).at(0, 51.1).map(Math.round) //= [30, 90]
 */
export function mapProjection(wards: MapPicture["wards"]): {
  at(lon: number, lat: number): [number, number];
  kmToPixels: number;
  area: typeof AREA;
} {
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ward of wards) {
    for (const ring of ringsOf(ward.geometry)) {
      for (const [lon, lat] of ring) {
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
      }
    }
  }
  const k = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  const scale = Math.min(AREA.w / ((maxLon - minLon) * k), AREA.h / (maxLat - minLat));
  return {
    at: (lon, lat) => [AREA.x + (lon - minLon) * k * scale, AREA.y + (maxLat - lat) * scale],
    kmToPixels: scale / 111.32,
    area: AREA,
  };
}

/** The radius of a point's circle, by its weight against the heaviest. */
export const pointRadius = (weight: number, maxWeight: number): number =>
  3 + 2 * Math.sqrt(weight / Math.max(1, maxWeight)) * 6;

/**
 * The picture of one ward layer as the pane first shows it: counts (or rates) in five
 * natural-breaks classes, Gi* hotspots at 95% outlined, located records as circles, and the
 * service sites' coverage rings when asked for.
 */
export function layerPicture(
  boundaries: WardBoundaries,
  analysis: WardAnalysis,
  layer: WardLayer,
  options: {
    measure?: "count" | "rate";
    method?: ClassMethod;
    hotspotLevel?: number;
    coverage?: boolean;
    labels?: boolean;
  } = {},
): MapPicture {
  const measure = options.measure ?? "count";
  const method = options.method ?? "jenks";
  const level = options.hotspotLevel ?? 95;
  const values = layer.wards.map((w, i) =>
    layer.noData.includes(i) ? null : measure === "rate" ? w.ratePer1000 : w.count,
  );
  const classes: Classification | null = classesFor(values, method);
  const hotspotWards = layer.wards
    .map((w, i) => (HOTSPOT_LEVELS[level].includes(w.gi?.band ?? "none") && values[i] !== null ? i : -1))
    .filter((i) => i >= 0);
  const measureWords = measure === "rate" ? rateWords(layer.rateBase) : "count";
  return {
    wards: boundaries.wards,
    colours: values.map((v) => wardColour(v, classes)),
    hotspotWards,
    hotspotLevel: level,
    points: layer.points,
    sites: analysis.sites,
    showCoverage: (options.coverage ?? false) && analysis.sites.length > 0,
    title: `${layer.title}${layer.period ? `, ${layer.period}` : ""}`,
    subtitle: `${measureWords[0].toUpperCase()}${measureWords.slice(1)}; ${METHOD_NAMES[method]}`,
    legendTitle: measure === "rate" ? `R${rateWords(layer.rateBase).slice(1)}` : "Count",
    legend: legendRows(classes, measure, false),
    attribution: [boundaries.attribution, ...analysis.attributions].join(". "),
    ...(options.labels
      ? {
          labels: wardCentroids(boundaries).map(([longitude, latitude], i) => ({
            name: boundaries.wards[i].name,
            longitude,
            latitude,
          })),
        }
      : {}),
  };
}

/**
 * Text made safe inside an SVG element or attribute: the one escape of every picture drawn as SVG
 * (maps, the funnel plot, the charts of change).
 *
 * @example
 * escapeSvgText('Ward <"A"> & B') //= "Ward &lt;&quot;A&quot;&gt; &amp; B"
 */
export const escapeSvgText = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);
const escape = escapeSvgText;
const n = (v: number): string => v.toFixed(1);

/**
 * The picture as SVG: the same drawing as the pane's PNG, for a renderer without a browser (the
 * command line's report rasterises it) or a document that takes SVG.
 */
export function mapSvg(picture: MapPicture): string {
  const { width, height } = MAP_PICTURE_SIZE;
  const { at, kmToPixels, area } = mapProjection(picture.wards);
  const path = (geometry: Polygon | MultiPolygon): string =>
    ringsOf(geometry)
      .map((ring) => `M${ring.map(([lon, lat]) => at(lon, lat).map(n).join(" ")).join("L")}Z`)
      .join("");
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${MAP_INK.font}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<clipPath id="area"><rect x="${area.x - 20}" y="${area.y - 10}" width="${area.w + 40}" height="${area.h + 20}"/></clipPath>`,
    `<g clip-path="url(#area)">`,
  ];
  picture.wards.forEach((ward, i) =>
    parts.push(
      `<path d="${path(ward.geometry)}" fill="${picture.colours[i]}" fill-rule="evenodd" stroke="${MAP_INK.border}" stroke-width="1.5"/>`,
    ),
  );
  for (const i of picture.hotspotWards)
    parts.push(
      `<path d="${path(picture.wards[i].geometry)}" fill="none" stroke="${MAP_INK.hotspot}" stroke-width="3.5"/>`,
    );
  const maxWeight = Math.max(1, ...picture.points.map((p) => p.weight));
  for (const p of picture.points) {
    const [x, y] = at(p.longitude, p.latitude);
    parts.push(
      `<circle cx="${n(x)}" cy="${n(y)}" r="${n(pointRadius(p.weight, maxWeight))}" fill="${MAP_INK.point}"/>`,
    );
  }
  if (picture.showCoverage) {
    for (const site of picture.sites) {
      const [x, y] = at(site.longitude, site.latitude);
      for (const km of COVERAGE_RADII_KM)
        parts.push(
          `<circle cx="${n(x)}" cy="${n(y)}" r="${n(km * kmToPixels)}" fill="none" stroke="${MAP_INK.site}" stroke-width="1.5" stroke-dasharray="8 5"/>`,
        );
      parts.push(`<circle cx="${n(x)}" cy="${n(y)}" r="7" fill="${MAP_INK.site}"/>`);
    }
  }
  if (picture.labels) parts.push(...wardNumbers(picture.labels, at));
  parts.push("</g>");
  if (picture.labels) parts.push(...scaleAndNorth(kmToPixels, area));
  parts.push(
    `<text x="30" y="44" font-size="26" font-weight="bold" fill="${MAP_INK.text}">${escape(picture.title)}</text>`,
  );
  parts.push(`<text x="30" y="70" font-size="16" fill="${MAP_INK.muted}">${escape(picture.subtitle)}</text>`);
  const ly = legendParts(picture, parts);
  if (picture.labels) parts.push(...wardKey(picture.labels, MAP_LEGEND_AT.x, ly + 40, height - 40));
  parts.push(
    `<text x="30" y="${height - 18}" font-size="12" fill="${MAP_INK.muted}">${escape(picture.attribution)}</text>`,
  );
  parts.push("</svg>");
  return parts.join("");
}

/** The legend beside the map: its title, a swatch a class, the hotspot outline and the sites; returns its last baseline. */
function legendParts(picture: MapPicture, parts: string[]): number {
  const lx = MAP_LEGEND_AT.x;
  let ly: number = MAP_LEGEND_AT.y;
  parts.push(
    `<text x="${lx}" y="${ly}" font-size="16" font-weight="bold" fill="${MAP_INK.text}">${escape(picture.legendTitle)}</text>`,
  );
  for (const row of picture.legend) {
    ly += 28;
    parts.push(
      `<rect x="${lx}" y="${ly - 16}" width="24" height="20" fill="${row.colour}" stroke="${MAP_INK.swatchEdge}"/>`,
    );
    parts.push(`<text x="${lx + 34}" y="${ly}" font-size="15" fill="${MAP_INK.text}">${escape(row.label)}</text>`);
  }
  if (picture.hotspotWards.length > 0) {
    ly += 34;
    parts.push(
      `<rect x="${lx}" y="${ly - 16}" width="24" height="20" fill="none" stroke="${MAP_INK.hotspot}" stroke-width="3.5"/>`,
    );
    parts.push(
      `<text x="${lx + 34}" y="${ly}" font-size="15" fill="${MAP_INK.text}">Gi* hotspot (${picture.hotspotLevel}%)</text>`,
    );
  }
  if (picture.showCoverage) {
    ly += 34;
    parts.push(`<circle cx="${lx + 12}" cy="${ly - 6}" r="7" fill="${MAP_INK.site}"/>`);
    parts.push(
      `<text x="${lx + 34}" y="${ly}" font-size="15" fill="${MAP_INK.text}">One Stop Shop (2, 5, 10 km)</text>`,
    );
  }
  return ly;
}

/** Text with a white halo, so it reads over any fill. */
const haloText = (x: number, y: number, size: number, text: string, weight = "bold"): string =>
  [MAP_INK.border, MAP_INK.text]
    .map(
      (ink, i) =>
        `<text x="${n(x)}" y="${n(y)}" font-size="${size}" font-weight="${weight}" text-anchor="middle" fill="${ink}"${i === 0 ? ` stroke="${ink}" stroke-width="3.5" stroke-linejoin="round"` : ""}>${escape(text)}</text>`,
    )
    .join("");

/** Each ward's number at its centre: names would overlap in a town's small wards, so the key names them. */
function wardNumbers(
  labels: NonNullable<MapPicture["labels"]>,
  at: (lon: number, lat: number) => [number, number],
): string[] {
  return labels.map((label, i) => {
    const [x, y] = at(label.longitude, label.latitude);
    return haloText(x, y + 5, 14, String(i + 1));
  });
}

/** The key to the ward numbers, in as many columns as the space under the legend needs. */
function wardKey(labels: NonNullable<MapPicture["labels"]>, x: number, top: number, bottom: number): string[] {
  const line = 15;
  const perColumn = Math.max(1, Math.floor((bottom - top - line) / line));
  const columns = Math.ceil(labels.length / perColumn);
  const width = (MAP_PICTURE_SIZE.width - x - 10) / columns;
  // Long names are shortened to the column's width, about 6.5 pixels a character at 12 pixels.
  const chars = Math.max(8, Math.floor(width / 6.5) - 4);
  const parts = [`<text x="${x}" y="${top}" font-size="15" font-weight="bold" fill="${MAP_INK.text}">Wards</text>`];
  labels.forEach((label, i) => {
    const column = Math.floor(i / perColumn);
    const name = label.name.length > chars ? `${label.name.slice(0, chars - 1)}…` : label.name;
    parts.push(
      `<text x="${n(x + column * width)}" y="${top + line * (1 + (i % perColumn))}" font-size="12" fill="${MAP_INK.text}">${i + 1} ${escape(name)}</text>`,
    );
  });
  return parts;
}

/** A scale bar of a round distance (about a fifth of the map's width) and a north arrow. */
function scaleAndNorth(kmToPixels: number, area: ReturnType<typeof mapProjection>["area"]): string[] {
  const target = area.w / 5 / kmToPixels;
  const km = [0.5, 1, 2, 5, 10, 20, 50, 100].reduce((best, k) =>
    Math.abs(k - target) < Math.abs(best - target) ? k : best,
  );
  const length = km * kmToPixels;
  const [x, y] = [area.x, area.y + area.h - 6];
  // North at the map's top left, clear of the legend beside its top right.
  const [nx, ny] = [area.x + 14, area.y + 4];
  return [
    `<rect x="${x}" y="${y - 8}" width="${n(length / 2)}" height="8" fill="${MAP_INK.text}"/>`,
    `<rect x="${n(x + length / 2)}" y="${y - 8}" width="${n(length / 2)}" height="8" fill="${MAP_INK.border}" stroke="${MAP_INK.text}"/>`,
    `<text x="${x}" y="${y - 14}" font-size="13" fill="${MAP_INK.text}">0</text>`,
    `<text x="${n(x + length)}" y="${y - 14}" font-size="13" text-anchor="middle" fill="${MAP_INK.text}">${km} km</text>`,
    `<path d="M${nx} ${ny} L${nx + 11} ${ny + 30} L${nx} ${ny + 22} L${nx - 11} ${ny + 30} Z" fill="${MAP_INK.text}"/>`,
    `<text x="${nx}" y="${ny + 48}" font-size="16" font-weight="bold" text-anchor="middle" fill="${MAP_INK.text}">N</text>`,
  ];
}
