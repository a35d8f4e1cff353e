import { formatCount } from "../src/core/format/formatNumbers";
import { type ClassMethod, type Classification, classOf, classify } from "./classify";

/** ColorBrewer YlOrRd, 5 classes (sequential, colour-blind safe, prints in greyscale). */
export const YL_OR_RD_5 = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"];
export const NO_DATA = "#d9d9d9";
/** Counts under this are shown as "<5" when the publication switch is on. */
export const SUPPRESS_BELOW = 5;

export const METHOD_NAMES: Record<ClassMethod, string> = {
  jenks: "natural breaks (Jenks)",
  quantile: "quantile",
  equal: "equal interval",
};

/**
 * The classes of a layer's values for a method (no-data wards left out).
 *
 * @example
 * classesFor([1, 2, 3, 10], "equal", 3)?.breaks //= [1, 4, 7, 10]
 */
export function classesFor(values: readonly (number | null)[], method: ClassMethod, k = 5): Classification | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length > 0 ? classify(present, k, method) : null;
}

/**
 * The one source of a ward's fill: both the polygons and the legend call this, as Leaflet's
 * choropleth example does with getColor.
 *
 * @example
 * wardColour(420, classesFor([30, 64, 103, 170, 260, 420], "jenks")) //= "#bd0026"
 * wardColour(null, null) //= "#d9d9d9"
 */
export function wardColour(value: number | null, classes: Classification | null): string {
  if (value === null || !classes) return NO_DATA;
  const k = classes.breaks.length - 1;
  const index = classOf(value, classes.breaks);
  // Fewer classes than colours: spread them over the ramp, darkest last.
  const ramp = k >= YL_OR_RD_5.length ? index : Math.round((index * (YL_OR_RD_5.length - 1)) / Math.max(1, k - 1));
  return YL_OR_RD_5[Math.min(YL_OR_RD_5.length - 1, ramp)];
}

/**
 * A value as the map shows it: "<5" for small counts when suppressing, rates to one decimal.
 *
 * @example
 * shownValue(3, "count", true) //= "<5"
 * shownValue(12.345, "rate", false) //= "12.3"
 */
export function shownValue(value: number | null, measure: "count" | "rate", suppress: boolean): string {
  if (value === null) return "no data";
  if (measure === "rate") return value.toFixed(1);
  if (suppress && value > 0 && value < SUPPRESS_BELOW) return `<${SUPPRESS_BELOW}`;
  return formatCount(value, 1);
}

/** Which Gi* bands a hotspot outline at each significance level draws. */
export const HOTSPOT_LEVELS: Readonly<Record<number, readonly string[]>> = {
  99: ["hot-99"],
  95: ["hot-99", "hot-95"],
  90: ["hot-99", "hot-95", "hot-90"],
  0: [],
};

/**
 * A rate's words with whom it is of: youth layers are per 1,000 residents aged 10 to 17.
 *
 * @example
 * rateWords("aged 10 to 17") //= "rate per 1,000 residents aged 10 to 17"
 */
export function rateWords(rateBase: "all ages" | "aged 10 to 17" | null | undefined): string {
  return `rate per 1,000 residents${rateBase === "aged 10 to 17" ? " aged 10 to 17" : ""}`;
}

/** What a ward's Gi* band says in words, or null for none ("hotspot at 95%", "next to a hotspot"). */
export function hotspotWords(band: string): string | null {
  if (band === "near-hot") return "next to a hotspot (its own count is at or below the average)";
  if (band === "near-cold") return "next to a cold spot (its own count is at or above the average)";
  const [kind, level] = band.split("-");
  if (!level) return null;
  return `${kind === "hot" ? "hotspot" : "cold spot"} at ${level}%`;
}

/** A class's bounds in words: whole numbers for counts ("53 – 76"), one decimal for rates. */
function classLabel(
  low: number,
  high: number,
  first: boolean,
  measure: "count" | "rate",
  suppress: boolean,
): string | null {
  if (measure === "rate") {
    const words = `${shownValue(low, measure, suppress)} – ${shownValue(high, measure, suppress)}`;
    return first ? words : `over ${words}`;
  }
  // Counts are whole: a class above a break starts at the next whole number.
  const from = first ? Math.ceil(low) : Math.floor(low) + 1;
  const to = Math.floor(high);
  if (to < from) return null;
  const [a, b] = [shownValue(from, measure, suppress), shownValue(to, measure, suppress)];
  return a === b ? a : `${a} – ${b}`;
}

/**
 * The legend's rows: colour and bounds of each class, then the no-data swatch. A class with no
 * whole count in it is left out, and classes that read the same ("<5" when suppressing) are
 * one row, in the colour of the higher.
 *
 * @example
 * legendRows(null, "count", false) //= [{ colour: "#d9d9d9", label: "no data" }]
 * legendRows({ method: "equal", breaks: [1, 3, 4, 20], counts: [2, 1, 3] }, "count", true).map((r) => r.label) //= ["<5", "5 – 20", "no data"]
 */
export function legendRows(
  classes: Classification | null,
  measure: "count" | "rate",
  suppress: boolean,
): { colour: string; label: string }[] {
  const rows: { colour: string; label: string }[] = [];
  if (classes) {
    for (let i = 0; i + 1 < classes.breaks.length; i += 1) {
      const high = classes.breaks[i + 1];
      const label = classLabel(classes.breaks[i], high, i === 0, measure, suppress);
      if (label === null) continue;
      const colour = wardColour(high, classes);
      const previous = rows[rows.length - 1];
      if (previous?.label === label) previous.colour = colour;
      else rows.push({ colour, label });
    }
  }
  rows.push({ colour: NO_DATA, label: "no data" });
  return rows;
}

/**
 * The fill of each emerging hot or cold spot pattern: reds for hot, blues for cold (ColorBrewer
 * Reds and Blues), darkest for the patterns that last (intensifying, persistent), palest for
 * sporadic ones; no pattern in the map's light grey.
 */
export const EMERGING_COLOURS: Readonly<Record<string, string>> = {
  "Intensifying hot spot": "#a50f15",
  "Persistent hot spot": "#de2d26",
  "Diminishing hot spot": "#fb6a4a",
  "Consecutive hot spot": "#fc9272",
  "New hot spot": "#fcbba1",
  "Oscillating hot spot": "#e7a9a0",
  "Sporadic hot spot": "#fee0d2",
  "Historical hot spot": "#c9b3b0",
  "Intensifying cold spot": "#08519c",
  "Persistent cold spot": "#3182bd",
  "Diminishing cold spot": "#6baed6",
  "Consecutive cold spot": "#9ecae1",
  "New cold spot": "#c6dbef",
  "Oscillating cold spot": "#a3bdd6",
  "Sporadic cold spot": "#deebf7",
  "Historical cold spot": "#b0bac6",
  "No pattern": "#f3f2f1",
};

/**
 * The fill of a ward's emerging pattern, or the no-data grey.
 *
 * @example
 * emergingColour("New hot spot") //= "#fcbba1"
 */
export function emergingColour(pattern: string | null): string {
  return pattern === null ? NO_DATA : (EMERGING_COLOURS[pattern] ?? NO_DATA);
}

/** The legend of an emerging-hotspot map: the patterns its wards show, in the palette's order. */
export function emergingLegend(patterns: readonly (string | null)[]): { colour: string; label: string }[] {
  const present = new Set(patterns);
  return Object.entries(EMERGING_COLOURS)
    .filter(([label]) => present.has(label))
    .map(([label, colour]) => ({ colour, label }));
}
