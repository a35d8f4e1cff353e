import { MAP_INK } from "../../../geo";
import { type DistrictPicture, formatCount, monthWords, poissonQuantile } from "../../core";

/** The funnel plot's size in the report, in pixels of its picture. */
export const FUNNEL_SIZE = { width: 1200, height: 800 } as const;

const INK = {
  text: "#201f1e",
  muted: "#605e5c",
  dot: "#2b6cb0",
  home: "#c00000",
  limit95: "#605e5c",
  limit998: "#a19f9d",
};
const escape = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);
const n = (v: number): string => v.toFixed(1);
/** "January 2022" for police.uk's "2022-01". */
const monthsOf = (iso: string): string => {
  const [year, month] = iso.split("-").map(Number);
  return monthWords(year * 12 + month - 1);
};

/**
 * The funnel plot of the force's districts (Spiegelhalter's): each district's crimes per 1,000
 * residents against its population, the districts' aggregate rate, and the exact Poisson 95% and
 * 99.8% limits about it for every population, the home area marked and named. An SVG string,
 * drawn by the same rasteriser as the report's maps. Null without a funnel (no populations).
 */
export function funnelSvg(picture: DistrictPicture): string | null {
  const funnel = picture.home?.funnel;
  const home = picture.home;
  if (!funnel || !home) return null;
  const districts = picture.districts.filter((d) => !d.outside && d.population && d.ratePer1000 !== undefined);
  const { width, height } = FUNNEL_SIZE;
  const plot = { left: 110, right: width - 60, top: 110, bottom: height - 110 };
  const maxPopulation = Math.max(...districts.map((d) => d.population as number)) * 1.1;
  const minPopulation = Math.max(1000, Math.min(...districts.map((d) => d.population as number)) * 0.5);
  const rate = funnel.aggregateRate;
  // The limits at a population: the quantiles of the count expected there, as rates.
  const limitsAt = (people: number): [number, number, number, number] => {
    const expected = (rate * people) / 1000;
    const as = (k: number): number => (k / people) * 1000;
    return [0.001, 0.025, 0.975, 0.999].map((p) => as(poissonQuantile(expected, p))) as [
      number,
      number,
      number,
      number,
    ];
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
  const x = (people: number): number =>
    plot.left + ((people - minPopulation) / (maxPopulation - minPopulation)) * (plot.right - plot.left);
  const y = (r: number): number => plot.bottom - ((r - low) / (high - low)) * (plot.bottom - plot.top);
  const line = (k: number, colour: string, dash: string): string =>
    `<polyline fill="none" stroke="${colour}" stroke-width="2" stroke-dasharray="${dash}" points="${populations
      .map((p, i) => `${n(x(p))},${n(y(curves[i][k]))}`)
      .join(" ")}"/>`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${MAP_INK.font}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="30" y="44" font-size="26" font-weight="bold" fill="${INK.text}">${escape(`${picture.forceArea} districts: crimes per 1,000 residents`)}</text>`,
    `<text x="30" y="72" font-size="16" fill="${INK.muted}">${escape(`${monthsOf(picture.months.from)} to ${monthsOf(picture.months.to)}; the line is the districts' rate (${formatCount(rate, 1)}), the curves its limits for each population`)}</text>`,
    `<line x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="${INK.muted}"/>`,
    `<line x1="${plot.left}" y1="${plot.top}" x2="${plot.left}" y2="${plot.bottom}" stroke="${INK.muted}"/>`,
    `<text x="${(plot.left + plot.right) / 2}" y="${height - 50}" font-size="16" text-anchor="middle" fill="${INK.text}">Residents</text>`,
    `<text x="30" y="${(plot.top + plot.bottom) / 2}" font-size="16" fill="${INK.text}" transform="rotate(-90 30 ${(plot.top + plot.bottom) / 2})" text-anchor="middle">Crimes per 1,000 residents</text>`,
  ];
  for (let i = 0; i <= 4; i += 1) {
    const people = minPopulation + ((maxPopulation - minPopulation) * i) / 4;
    const r = low + ((high - low) * i) / 4;
    parts.push(
      `<text x="${n(x(people))}" y="${plot.bottom + 24}" font-size="14" text-anchor="middle" fill="${INK.muted}">${formatCount(Math.round(people / 1000) * 1000)}</text>`,
      `<text x="${plot.left - 10}" y="${n(y(r) + 5)}" font-size="14" text-anchor="end" fill="${INK.muted}">${formatCount(r, 1)}</text>`,
    );
  }
  parts.push(
    `<line x1="${plot.left}" y1="${n(y(rate))}" x2="${plot.right}" y2="${n(y(rate))}" stroke="${INK.text}" stroke-width="2"/>`,
    line(1, INK.limit95, "8 6"),
    line(2, INK.limit95, "8 6"),
    line(0, INK.limit998, "3 5"),
    line(3, INK.limit998, "3 5"),
  );
  // Which curve is which, at the top right.
  const key = (y0: number, colour: string, dash: string, text: string): string =>
    `<line x1="${plot.right - 250}" y1="${y0}" x2="${plot.right - 200}" y2="${y0}" stroke="${colour}" stroke-width="2" stroke-dasharray="${dash}"/><text x="${plot.right - 190}" y="${y0 + 5}" font-size="15" fill="${INK.text}">${text}</text>`;
  parts.push(
    key(plot.top - 20, INK.limit95, "8 6", "95% limits"),
    key(plot.top + 4, INK.limit998, "3 5", "99.8% limits"),
  );
  for (const d of districts) {
    const isHome = d.name === home.name;
    const cx = x(d.population as number);
    const cy = y(d.ratePer1000 as number);
    parts.push(`<circle cx="${n(cx)}" cy="${n(cy)}" r="${isHome ? 9 : 6}" fill="${isHome ? INK.home : INK.dot}"/>`);
    if (isHome)
      parts.push(
        `<text x="${n(cx + 14)}" y="${n(cy - 10)}" font-size="18" font-weight="bold" fill="${INK.home}">${escape(d.name)}</text>`,
      );
  }
  parts.push("</svg>");
  return parts.join("");
}
