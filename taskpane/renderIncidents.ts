import type { TableResult } from "../src/core/compute/tableResult";
import { SHORT_MONTHS, WEEKDAYS } from "../src/core/calendar/namedDates";
import { formatCount, formatPercent, formatSignedCount } from "../src/core/format/formatNumbers";
import {
  type IncidentAnalysis,
  districtTableRows,
  isoMonthsWords,
  interventionTableTitle,
  placesSentence,
} from "../src/core/incidents";
import { POLICE_UK_ATTRIBUTION } from "../src/core/incidents/attribution";
import type { Run } from "../src/output/runTypes";
import { PANE_FUNNEL, funnelCaption, funnelSvg } from "../src/output/report/funnelPicture";
import { byId, clear, el } from "./dom";

const SHORT_DAYS = WEEKDAYS.map((d) => d.slice(0, 3));
const HEAT_LEVELS = 5;

/**
 * A grid of counts shaded by size (classes, not inline styles: the pane's Content-Security-Policy
 * allows no style attributes). Each cell also shows its count, so nothing depends on colour alone.
 */
function heatTable(
  caption: string,
  rowLabels: readonly string[],
  rows: readonly (readonly number[])[],
): HTMLTableElement {
  // Shaded from the smallest count to the largest, so a grid of similar counts still shows its peaks.
  const min = Math.min(...rows.flat());
  const span = Math.max(1, Math.max(...rows.flat()) - min);
  const table = el("table", { className: "csp-heat", children: [el("caption", { text: caption })] });
  table.appendChild(
    el("thead", {
      children: [
        el("tr", {
          children: [
            el("th", { text: "", attrs: { scope: "col" } }),
            ...SHORT_DAYS.map((d) => el("th", { text: d, attrs: { scope: "col" } })),
          ],
        }),
      ],
    }),
  );
  const body = el("tbody");
  rows.forEach((row, r) => {
    body.appendChild(
      el("tr", {
        children: [
          el("th", { text: rowLabels[r], attrs: { scope: "row" } }),
          ...row.map((n, w) =>
            el("td", {
              className: `csp-heat-${Math.min(HEAT_LEVELS - 1, Math.floor(((n - min) / span) * HEAT_LEVELS))}`,
              text: formatCount(n),
              attrs: { title: `${WEEKDAYS[w]}, ${rowLabels[r]}: ${formatCount(n)}` },
            }),
          ),
        ],
      }),
    );
  });
  table.appendChild(body);
  return table;
}

function renderPatterns(root: HTMLElement, analysis: IncidentAnalysis): void {
  const patterns = analysis.patterns;
  if (!patterns) return;
  root.appendChild(
    el("p", {
      className: "csp-note",
      text: `${patterns.category}, ${analysis.source}: ${formatCount(patterns.total)} records, ${patterns.from} – ${patterns.to}. Darker cells have more records.`,
    }),
  );
  root.appendChild(heatTable("By month and weekday", SHORT_MONTHS, patterns.monthWeekday));
  if (patterns.hourWeekday)
    root.appendChild(
      heatTable(
        "By hour and weekday",
        patterns.hourWeekday.map((_, h) => `${String(h).padStart(2, "0")}:00`),
        patterns.hourWeekday,
      ),
    );
  root.appendChild(el("h3", { className: "csp-subhead", text: "Named dates against the same weekdays" }));
  root.appendChild(
    el("ul", {
      className: "csp-named-dates",
      children: patterns.namedDates.map((d) =>
        el("li", {
          className: d.significant ? "csp-significant" : "",
          text: `${d.name} (${d.dates.join(", ")}): ${d.wording}`,
        }),
      ),
    }),
  );
}

function renderIntervention(root: HTMLElement, analysis: IncidentAnalysis, tables: readonly TableResult[]): void {
  const byTitle = new Map(tables.map((t) => [t.table.title, t]));
  for (const impact of analysis.interventions) {
    const table = el("table", {
      className: "csp-morile",
      children: [el("caption", { text: `${impact.name}: ${impact.periods[1]} against ${impact.periods[0]}` })],
    });
    table.appendChild(
      el("thead", {
        children: [
          el("tr", {
            children: ["Ward", "Crime", "Before", "After", "Change"].map((h) =>
              el("th", { text: h, attrs: { scope: "col" } }),
            ),
          }),
        ],
      }),
    );
    const body = el("tbody");
    for (const ward of impact.wards) {
      const result = byTitle.get(interventionTableTitle(impact.name, ward));
      if (!result) continue;
      // The intervention wards by crime group; the comparison wards by all crime only.
      const rows =
        ward.role === "intervention"
          ? result.rows.filter((r) => r.aggregate || (r.values[0] ?? 0) + (r.values[1] ?? 0) > 0)
          : result.rows.slice(0, 1);
      rows.forEach((row, i) => {
        const change =
          row.pctChange === null
            ? row.status === "new"
              ? "new"
              : "n/a"
            : `${formatSignedCount(row.change ?? 0)} (${formatPercent(row.pctChange)})`;
        body.appendChild(
          el("tr", {
            className: row.significance?.significant ? "csp-significant" : "",
            children: [
              el("th", {
                text: i === 0 ? `${ward.ward}${ward.role === "comparison" ? " (comparison)" : ""}` : "",
                attrs: { scope: "row" },
              }),
              el("td", { text: row.label }),
              el("td", { text: formatCount(row.values[0] ?? 0) }),
              el("td", { text: formatCount(row.values[1] ?? 0) }),
              el("td", { text: change, attrs: row.significance ? { title: row.significance.wording } : {} }),
            ],
          }),
        );
      });
    }
    table.appendChild(body);
    root.appendChild(table);
  }
}

/** A small table of labels and counts. */
function countTable(
  caption: string,
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): HTMLTableElement {
  const table = el("table", { className: "csp-morile", children: [el("caption", { text: caption })] });
  table.appendChild(
    el("thead", {
      children: [el("tr", { children: headers.map((h) => el("th", { text: h, attrs: { scope: "col" } })) })],
    }),
  );
  table.appendChild(
    el("tbody", {
      children: rows.map((row) =>
        el("tr", {
          children: row.map((v, i) =>
            i === 0
              ? el("th", { text: String(v), attrs: { scope: "row" } })
              : el("td", { text: typeof v === "number" ? formatCount(v) : v }),
          ),
        }),
      ),
    }),
  );
  return table;
}

/** The whole extract: where its records fall, and the borough's by month, category and ward. */
function renderExtract(root: HTMLElement, analysis: IncidentAnalysis): void {
  const { extract } = analysis;
  root.appendChild(
    el("p", {
      className: "csp-note",
      text: `${analysis.source}: ${formatCount(extract.records)} records read; ${placesSentence(extract)}.`,
    }),
  );
  if (extract.forces.length > 0)
    root.appendChild(
      el("p", { className: "csp-note", text: `Whose data: ${extract.forces.map((f) => f.force).join(", ")}.` }),
    );
  if (extract.policeUk) root.appendChild(el("p", { className: "csp-note", text: POLICE_UK_ATTRIBUTION }));
  root.appendChild(
    countTable(
      "By month",
      ["Month", "Records", "Crime", "ASB"],
      extract.months.map((m) => [isoMonthsWords(m.month, m.month), m.count, m.crime, m.antisocialBehaviour]),
    ),
  );
  root.appendChild(
    countTable(
      "By category",
      ["Category", "Records"],
      extract.byCategory.map((c) => [c.category, c.count]),
    ),
  );
  if (extract.byWard.length > 0)
    root.appendChild(
      countTable(
        "By ward",
        ["Ward", "Records", "Crime", "ASB"],
        extract.byWard.map((w) => [w.name, w.count, w.crime, w.antisocialBehaviour]),
      ),
    );
  renderDistricts(root, analysis);
}

/** The force's districts from a force-wide download, and where the home area stands among them. */
function renderDistricts(root: HTMLElement, analysis: IncidentAnalysis): void {
  const picture = analysis.districts;
  if (!picture) return;
  // Without boundaries, the home district's own figures lead, beside the force's.
  if (picture.home && !analysis.extract.placed)
    root.appendChild(el("p", { className: "csp-standing", text: picture.home.figures }));
  if (picture.home) root.appendChild(el("p", { className: "csp-standing", text: picture.home.sentence }));
  const { header, rows } = districtTableRows(picture, formatCount);
  root.appendChild(
    countTable(
      `${picture.forceArea} districts: crimes, ${isoMonthsWords(picture.months.from, picture.months.to)}`,
      header,
      rows,
    ),
  );
  if (picture.renamed) root.appendChild(el("p", { className: "csp-hint", text: picture.renamed }));
  // The report's funnel plot, as an image: an SVG in an <img> runs nothing and reads nothing.
  const svg = funnelSvg(picture, PANE_FUNNEL);
  const caption = funnelCaption(picture);
  if (svg && caption)
    root.appendChild(
      el("figure", {
        className: "csp-funnel",
        children: [
          el("img", { attrs: { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, alt: caption } }),
          el("figcaption", { text: caption }),
        ],
      }),
    );
}

/** Shows each record-level extract's summary, temporal profile and intervention tables in the pane. */
export function renderIncidents(run: Pick<Run, "assessment" | "wards">): void {
  const { incidents, tables } = run.assessment;
  const extract = byId("csp-extract");
  const patterns = byId("csp-patterns");
  const intervention = byId("csp-intervention");
  clear(extract);
  clear(patterns);
  clear(intervention);
  for (const analysis of incidents) {
    renderExtract(extract, analysis);
    renderPatterns(patterns, analysis);
    renderIntervention(intervention, analysis, tables);
  }
  byId("csp-extract-section").hidden = !extract.firstChild;
  byId("csp-patterns-section").hidden = !patterns.firstChild;
  byId("csp-intervention-section").hidden = !intervention.firstChild;
}
