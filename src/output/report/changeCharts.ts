// The report's charts of change, drawn as SVG and rasterised as the maps are: the change in
// number and the percentage change by crime type as horizontal bars (the published assessment's
// police crime section is built on them), and month-by-month lines with unusual months marked.
import { MAP_INK, escapeSvgText as escape } from "../../../geo";
import {
  type TableResult,
  type UnusualMonth,
  formatCount,
  formatPercent,
  formatSignedCount,
  isAllCrimeLabel,
} from "../../core";
import type { ReportFigure } from "./reportTypes";

const INK = { rise: "#c55a11", fall: "#2e75b6", axis: "#8a8886", line: "#1f4e79", earlier: "#a19f9d" };
const WIDTH = 1200;
/** A bar's row, in pixels: the chart is printed 540 points wide, so its type is drawn large. */
const ROW = 42;
const n = (v: number): string => v.toFixed(1);
const svgOpen = (height: number): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${MAP_INK.font}"><rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`;

/** A row of a chart of change: its label and its value (a change, or a fraction for % change). */
interface Bar {
  readonly label: string;
  readonly value: number;
}

/**
 * Horizontal bars from zero, rises to the right in orange and falls to the left in blue, each
 * labelled with its value; the longest bar sets the scale.
 */
function barsSvg(title: string, subtitle: string, bars: readonly Bar[], words: (v: number) => string): string {
  const rowHeight = ROW;
  const top = 100;
  const height = top + bars.length * rowHeight + 40;
  const labelWidth = 420;
  // Room beyond each end of the bars for their values.
  const [left, right] = [labelWidth + 100, WIDTH - 110];
  const max = Math.max(...bars.map((b) => Math.abs(b.value)), 1e-9);
  const hasFalls = bars.some((b) => b.value < 0);
  const hasRises = bars.some((b) => b.value > 0);
  // Zero sits where the bars need it: at the left when nothing fell, at the right when nothing rose.
  const zero = !hasFalls ? left : !hasRises ? right : (left + right) / 2;
  const scale = (!hasFalls || !hasRises ? right - left : (right - left) / 2) / max;
  const parts = [
    svgOpen(height),
    `<text x="30" y="44" font-size="30" font-weight="bold" fill="${MAP_INK.text}">${escape(title)}</text>`,
    `<text x="30" y="78" font-size="21" fill="${MAP_INK.muted}">${escape(subtitle)}</text>`,
  ];
  bars.forEach((bar, i) => {
    const y = top + i * rowHeight;
    const w = Math.abs(bar.value) * scale;
    const x = bar.value >= 0 ? zero : zero - w;
    const name = bar.label.length > 36 ? `${bar.label.slice(0, 35)}…` : bar.label;
    parts.push(
      `<text x="${labelWidth}" y="${y + 28}" font-size="21" text-anchor="end" fill="${MAP_INK.text}">${escape(name)}</text>`,
      `<rect x="${n(x)}" y="${y + 6}" width="${n(Math.max(w, 1))}" height="${rowHeight - 12}" fill="${bar.value >= 0 ? INK.rise : INK.fall}"/>`,
      bar.value >= 0
        ? `<text x="${n(zero + w + 6)}" y="${y + 28}" font-size="20" fill="${MAP_INK.text}">${escape(words(bar.value))}</text>`
        : `<text x="${n(zero - w - 6)}" y="${y + 28}" font-size="20" text-anchor="end" fill="${MAP_INK.text}">${escape(words(bar.value))}</text>`,
    );
  });
  parts.push(
    `<line x1="${n(zero)}" y1="${top}" x2="${n(zero)}" y2="${top + bars.length * rowHeight}" stroke="${INK.axis}" stroke-width="1.5"/>`,
    "</svg>",
  );
  return parts.join("");
}

/**
 * The two charts of change of a table of crime types (change in number, and % change), the
 * partnership's own rows only (no total), largest change first; null for fewer than three rows.
 */
export function changeCharts(result: TableResult): ReportFigure[] {
  const { table } = result;
  const last = table.columns.length - 1;
  if (table.kind !== "periods" || last < 1) return [];
  const rows = result.rows.filter((r) => !r.aggregate && r.change !== null && !isAllCrimeLabel(r.label));
  if (rows.length < 3) return [];
  const periods = `${table.columns[last - 1].header} to ${table.columns[last].header}`;
  const subject = table.title ?? table.sheet;
  const byChange = [...rows].sort((a, b) => (b.change as number) - (a.change as number));
  const byPct = rows
    .filter((r) => r.pctChange !== null)
    .sort((a, b) => (b.pctChange as number) - (a.pctChange as number));
  const figure = (svg: string, caption: string, count: number): ReportFigure => ({
    svg,
    width: WIDTH,
    height: 100 + count * ROW + 40,
    caption,
  });
  const out = [
    figure(
      barsSvg(
        `Change in number of crimes, ${periods}`,
        subject,
        byChange.map((r) => ({ label: r.label, value: r.change as number })),
        (v) => formatSignedCount(v),
      ),
      `Change in number by type, ${periods} (${subject}): ${byChange
        .map((r) => `${r.label} ${formatSignedCount(r.change as number)}`)
        .join(", ")}.`,
      byChange.length,
    ),
  ];
  if (byPct.length >= 3)
    out.push(
      figure(
        barsSvg(
          `Percentage change in crimes, ${periods}`,
          subject,
          byPct.map((r) => ({ label: r.label, value: r.pctChange as number })),
          (v) => `${v > 0 ? "+" : v < 0 ? "-" : ""}${formatPercent(Math.abs(v))}`,
        ),
        `Percentage change by type, ${periods} (${subject}): ${byPct
          .map((r) => `${r.label} ${r.pctChange! < 0 ? "-" : "+"}${formatPercent(Math.abs(r.pctChange as number))}`)
          .join(", ")}.`,
        byPct.length,
      ),
    );
  return out;
}

/**
 * A month series as a line, each unusual month marked with a ring and named; null for fewer
 * than 13 months.
 */
export function monthChart(
  title: string,
  months: readonly string[],
  counts: readonly (number | null)[],
  unusual: readonly UnusualMonth[],
): ReportFigure | null {
  if (months.length < 13) return null;
  const height = 520;
  const plot = { left: 100, right: WIDTH - 50, top: 110, bottom: height - 90 };
  const present = counts.filter((c): c is number => c !== null);
  const max = Math.max(...present, 1) * 1.1;
  const x = (i: number): number => plot.left + (i * (plot.right - plot.left)) / Math.max(1, months.length - 1);
  const y = (v: number): number => plot.bottom - (v / max) * (plot.bottom - plot.top);
  const parts = [
    svgOpen(height),
    `<text x="30" y="44" font-size="30" font-weight="bold" fill="${MAP_INK.text}">${escape(title)}</text>`,
    `<text x="30" y="76" font-size="19" fill="${MAP_INK.muted}">Month by month; unusual months ringed (exact test against the baseline, Benjamini–Hochberg)</text>`,
    `<line x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="${INK.axis}"/>`,
    `<line x1="${plot.left}" y1="${plot.top}" x2="${plot.left}" y2="${plot.bottom}" stroke="${INK.axis}"/>`,
  ];
  for (const tick of [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round((max / 1.1) * f))) {
    parts.push(
      `<text x="${plot.left - 8}" y="${n(y(tick) + 6)}" font-size="17" text-anchor="end" fill="${MAP_INK.muted}">${formatCount(tick)}</text>`,
    );
  }
  let path = "";
  counts.forEach((c, i) => {
    if (c === null) return;
    path += `${path === "" || counts[i - 1] === null ? "M" : "L"}${n(x(i))} ${n(y(c))}`;
  });
  parts.push(`<path d="${path}" fill="none" stroke="${INK.line}" stroke-width="2.5"/>`);
  // Months named under the axis far enough apart never to overlap (about 130 pixels a name).
  const step = Math.max(1, Math.ceil((130 * months.length) / (plot.right - plot.left)));
  months.forEach((m, i) => {
    if (i % step !== 0) return;
    parts.push(
      `<text x="${n(x(i))}" y="${plot.bottom + 26}" font-size="17" text-anchor="middle" fill="${MAP_INK.muted}">${escape(m)}</text>`,
    );
  });
  for (const u of unusual) {
    const i = months.indexOf(u.month);
    if (i < 0 || counts[i] === null) continue;
    parts.push(
      `<circle cx="${n(x(i))}" cy="${n(y(counts[i] as number))}" r="9" fill="none" stroke="${INK.rise}" stroke-width="3"/>`,
      `<text x="${n(x(i))}" y="${n(y(counts[i] as number) - 16)}" font-size="18" text-anchor="${x(i) > plot.right - 120 ? "end" : x(i) < plot.left + 120 ? "start" : "middle"}" fill="${MAP_INK.text}">${escape(u.month)}</text>`,
    );
  }
  parts.push("</svg>");
  const said =
    unusual.length > 0 ? ` Unusual months: ${unusual.map((u) => `${u.month} (${u.direction})`).join(", ")}.` : "";
  return {
    svg: parts.join(""),
    width: WIDTH,
    height,
    caption: `${title}, month by month, ${months[0]} to ${months[months.length - 1]}.${said}`,
  };
}
