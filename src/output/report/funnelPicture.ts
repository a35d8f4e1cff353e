import { MAP_INK, escapeSvgText as escape } from "../../../geo";
import { type DistrictPicture, formatCount, isoMonthsWords, poissonQuantile } from "../../core";

/**
 * Where a funnel plot puts its parts, and at what size of type. The report's picture is wide and
 * printed; the pane's is shrunk to a narrow column, so it is drawn smaller with larger type and
 * leaves the words under the title to its caption.
 */
export interface FunnelLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly type: { readonly title: number; readonly label: number; readonly tick: number; readonly home: number };
  /** The line under the title (the months and what the curves are); the pane's caption says it instead. */
  readonly subtitle: boolean;
}

/** The report's funnel plot, in pixels of its picture. */
export const REPORT_FUNNEL: FunnelLayout = {
  width: 1200,
  height: 800,
  plot: { left: 110, right: 1140, top: 110, bottom: 690 },
  type: { title: 26, label: 16, tick: 14, home: 18 },
  subtitle: true,
};

/** The pane's funnel plot: shown about 400 pixels wide, so its type stays readable there. */
export const PANE_FUNNEL: FunnelLayout = {
  width: 600,
  height: 440,
  plot: { left: 78, right: 556, top: 76, bottom: 370 },
  type: { title: 20, label: 16, tick: 15, home: 18 },
  subtitle: false,
};

const INK = {
  text: "#201f1e",
  muted: "#605e5c",
  dot: "#2b6cb0",
  home: "#c00000",
  limit95: "#605e5c",
  limit998: "#a19f9d",
};
const n = (v: number): string => v.toFixed(1);
/** The plot's scales: populations across, rates up, and the limit curves sampled along them. */
function funnelScales(picture: DistrictPicture, rate: number, layout: FunnelLayout) {
  const { plot } = layout;
  const districts = picture.districts.filter((d) => !d.outside && d.population && d.ratePer1000 !== undefined);
  const maxPopulation = Math.max(...districts.map((d) => d.population as number)) * 1.1;
  const minPopulation = Math.max(1000, Math.min(...districts.map((d) => d.population as number)) * 0.5);
  // The limits at a population: the quantiles of the count expected there, as rates.
  const limitsAt = (people: number): number[] => {
    const expected = (rate * people) / 1000;
    return [0.001, 0.025, 0.975, 0.999].map((p) => (poissonQuantile(expected, p) / people) * 1000);
  };
  const steps = 60;
  const populations = Array.from(
    { length: steps + 1 },
    (_, i) => minPopulation + ((maxPopulation - minPopulation) * i) / steps,
  );
  const curves = populations.map(limitsAt);
  const rates = [...districts.map((d) => d.ratePer1000 as number), ...curves.flat()];
  const low = Math.max(0, Math.min(...rates) * 0.95);
  const high = Math.max(...rates) * 1.05;
  return {
    districts,
    populations,
    curves,
    minPopulation,
    maxPopulation,
    low,
    high,
    x: (people: number): number =>
      plot.left + ((people - minPopulation) / (maxPopulation - minPopulation)) * (plot.right - plot.left),
    y: (r: number): number => plot.bottom - ((r - low) / (high - low)) * (plot.bottom - plot.top),
  };
}

/** The title, the axes with their names and five ticks each. */
function frame(picture: DistrictPicture, rate: number, layout: FunnelLayout, s: ReturnType<typeof funnelScales>) {
  const { width, height, plot, type } = layout;
  const middle = (plot.top + plot.bottom) / 2;
  const parts = [
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${type.title}" y="${type.title * 1.6}" font-size="${type.title}" font-weight="bold" fill="${INK.text}">${escape(`${picture.forceArea} districts: crimes per 1,000 residents`)}</text>`,
    `<line x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="${INK.muted}"/>`,
    `<line x1="${plot.left}" y1="${plot.top}" x2="${plot.left}" y2="${plot.bottom}" stroke="${INK.muted}"/>`,
    `<text x="${(plot.left + plot.right) / 2}" y="${plot.bottom + type.tick * 1.7 + type.label * 1.8}" font-size="${type.label}" text-anchor="middle" fill="${INK.text}">Residents</text>`,
    `<text x="${type.label * 1.2}" y="${middle}" font-size="${type.label}" fill="${INK.text}" transform="rotate(-90 ${type.label * 1.2} ${middle})" text-anchor="middle">Crimes per 1,000 residents</text>`,
  ];
  if (layout.subtitle)
    parts.push(
      `<text x="${type.title}" y="${type.title * 2.8}" font-size="${type.label}" fill="${INK.muted}">${escape(`${isoMonthsWords(picture.months.from, picture.months.to)}; the line is the districts' rate (${formatCount(rate, 1)}), the curves its limits for each population`)}</text>`,
    );
  for (let i = 0; i <= 4; i += 1) {
    const people = s.minPopulation + ((s.maxPopulation - s.minPopulation) * i) / 4;
    const r = s.low + ((s.high - s.low) * i) / 4;
    parts.push(
      `<text x="${n(s.x(people))}" y="${plot.bottom + type.tick * 1.7}" font-size="${type.tick}" text-anchor="middle" fill="${INK.muted}">${formatCount(Math.round(people / 1000) * 1000)}</text>`,
      `<text x="${plot.left - 10}" y="${n(s.y(r) + type.tick / 3)}" font-size="${type.tick}" text-anchor="end" fill="${INK.muted}">${formatCount(r, 1)}</text>`,
    );
  }
  return parts;
}

/** The aggregate rate's line, the four limit curves and their key at the top right. */
function limits(rate: number, layout: FunnelLayout, s: ReturnType<typeof funnelScales>): string[] {
  const { plot, type } = layout;
  const line = (k: number, colour: string, dash: string): string =>
    `<polyline fill="none" stroke="${colour}" stroke-width="2" stroke-dasharray="${dash}" points="${s.populations
      .map((p, i) => `${n(s.x(p))},${n(s.y(s.curves[i][k]))}`)
      .join(" ")}"/>`;
  const keyWidth = type.tick * 10;
  const key = (y0: number, colour: string, dash: string, text: string): string =>
    `<line x1="${plot.right - keyWidth}" y1="${y0}" x2="${plot.right - keyWidth + type.tick * 3}" y2="${y0}" stroke="${colour}" stroke-width="2" stroke-dasharray="${dash}"/><text x="${plot.right - keyWidth + type.tick * 3.6}" y="${n(y0 + type.tick / 3)}" font-size="${type.tick}" fill="${INK.text}">${text}</text>`;
  return [
    `<line x1="${plot.left}" y1="${n(s.y(rate))}" x2="${plot.right}" y2="${n(s.y(rate))}" stroke="${INK.text}" stroke-width="2"/>`,
    line(1, INK.limit95, "8 6"),
    line(2, INK.limit95, "8 6"),
    line(0, INK.limit998, "3 5"),
    line(3, INK.limit998, "3 5"),
    key(plot.top - type.tick * 1.6, INK.limit95, "8 6", "95% limits"),
    key(plot.top - type.tick * 0.1, INK.limit998, "3 5", "99.8% limits"),
  ];
}

/**
 * The funnel plot of the force's districts (Spiegelhalter's): each district's crimes per 1,000
 * residents against its population, the districts' aggregate rate, and the exact Poisson 95% and
 * 99.8% limits about it for every population, the home area marked and named. An SVG string,
 * drawn by the same rasteriser as the report's maps. Null without a funnel (no populations).
 */
export function funnelSvg(picture: DistrictPicture, layout: FunnelLayout = REPORT_FUNNEL): string | null {
  const home = picture.home;
  const funnel = home?.funnel;
  if (!funnel || !home) return null;
  const { width, height, type } = layout;
  const rate = funnel.aggregateRate;
  const s = funnelScales(picture, rate, layout);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${MAP_INK.font}">`,
    ...frame(picture, rate, layout, s),
    ...limits(rate, layout, s),
  ];
  for (const d of s.districts) {
    const isHome = d.name === home.name;
    const [cx, cy] = [s.x(d.population as number), s.y(d.ratePer1000 as number)];
    const radius = (isHome ? 9 : 6) * (type.tick / 14);
    parts.push(`<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(radius)}" fill="${isHome ? INK.home : INK.dot}"/>`);
    if (isHome)
      parts.push(
        `<text x="${n(cx + radius + 5)}" y="${n(cy - radius)}" font-size="${type.home}" font-weight="bold" fill="${INK.home}">${escape(d.name)}</text>`,
      );
  }
  parts.push("</svg>");
  return parts.join("");
}

/**
 * What the funnel plot shows, in words: its caption in the report and its text alternative in
 * the pane. Null without a funnel.
 */
export function funnelCaption(picture: DistrictPicture): string | null {
  const funnel = picture.home?.funnel;
  if (!funnel || !picture.home) return null;
  const one = (v: number): string => formatCount(v, 1);
  return `Funnel plot: ${picture.home.name} ${one(funnel.rate)} crimes per 1,000 residents against ${one(funnel.aggregateRate)} for the districts; its 95% limits are ${one(funnel.limits95[0])} to ${one(funnel.limits95[1])} and its 99.8% limits ${one(funnel.limits998[0])} to ${one(funnel.limits998[1])}.`;
}
