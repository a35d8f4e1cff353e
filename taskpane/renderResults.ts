import type { Finding } from "../src/core/findings";
import { countOf, formatCount, formatPercent } from "../src/core/format/formatNumbers";
import { KEY_CHANGES, keyFindings } from "../src/core/keyFindings";
import type { Run } from "../src/output/runTypes";
import { byId, clear, el } from "./dom";
import { renderIncidents } from "./renderIncidents";

/** Findings of one severity listed in the pane; the rest are on the CSP Findings sheet. */
const SHOWN_FINDINGS = 50;

const SEVERITY_WORDS: Record<Finding["severity"], string> = { error: "Errors", warning: "Warnings", info: "Notes" };

/** What the pane does when the analyst picks a finding: select its cell in Excel, where there is one. */
export type SelectCell = ((cell: string) => void) | null;

type Assessment = Run["assessment"];

/** The counts: tables, headlines, findings by severity and map layers. */
function renderSummary(run: Pick<Run, "assessment" | "wards">): void {
  const { assessment } = run;
  const count = (severity: Finding["severity"]): number =>
    assessment.findings.filter((f) => f.severity === severity).length;
  const summary = byId("csp-summary");
  clear(summary);
  summary.appendChild(
    el("ul", {
      className: "csp-counts",
      children: [
        el("li", {
          text: `${countOf(assessment.tables.length, "table")} ${assessment.sheetsRead === 0 && assessment.incidents.length > 0 ? "from the extract" : `on ${countOf(assessment.sheetsRead, "sheet")}`}`,
        }),
        el("li", { text: countOf(assessment.headlines.length, "headline") }),
        el("li", {
          className: count("error") > 0 ? "csp-count-error" : "",
          text: `${countOf(count("error"), "error")}, ${countOf(count("warning"), "warning")}, ${countOf(count("info"), "note")}`,
        }),
        run.wards ? el("li", { text: countOf(run.wards.layers.length, "ward map layer") }) : null,
      ],
    }),
  );
}

/** A key finding as a list item: its sentence, then where it came from and the theme it is evidence for. */
function findingItem(f: ReturnType<typeof keyFindings>[number]): HTMLElement {
  return el("li", {
    className: f.significant ? "csp-significant" : "",
    children: [
      el("span", { text: f.text }),
      el("span", {
        className: "csp-key-source",
        text: ` ${f.table ?? f.sheet}${f.theme ? `; MoRiLE theme: ${f.theme}` : ""}`,
      }),
    ],
  });
}

/**
 * The ten findings that matter most lead; below them, folded, every headline in the same order
 * (docs/KEY_FINDINGS.md), each once.
 */
function renderHeadlines(assessment: Assessment): void {
  const ordered = keyFindings(assessment);
  const keyChanges = byId("csp-key-changes");
  clear(keyChanges);
  for (const f of ordered.slice(0, KEY_CHANGES)) keyChanges.appendChild(findingItem(f));
  byId("csp-key-changes-section").hidden = ordered.length === 0;

  const headlines = byId("csp-headlines");
  clear(headlines);
  for (const f of ordered) headlines.appendChild(findingItem(f));
  byId("csp-all-headlines").hidden = ordered.length <= KEY_CHANGES;
}

/** The findings by severity, each cell a button that selects it in Excel. */
function renderFindings(assessment: Assessment, selectCell: SelectCell, host: "office" | "standalone"): void {
  const findings = byId("csp-findings");
  clear(findings);
  for (const severity of ["error", "warning", "info"] as const) {
    const list = assessment.findings.filter((f) => f.severity === severity);
    if (list.length === 0) continue;
    findings.appendChild(
      el("h3", {
        className: `csp-severity csp-${severity}`,
        text: `${SEVERITY_WORDS[severity]} (${formatCount(list.length)})`,
      }),
    );
    const ul = el("ul", { className: "csp-finding-list" });
    for (const f of list.slice(0, SHOWN_FINDINGS)) {
      const message = f.cell && f.message.startsWith(`${f.cell}: `) ? f.message.slice(f.cell.length + 2) : f.message;
      const cellNode = f.cell
        ? selectCell
          ? el("button", {
              className: "csp-cell",
              text: f.cell,
              attrs: { type: "button", title: `Select ${f.cell} in the workbook` },
            })
          : el("span", { className: "csp-cell", text: f.cell })
        : null;
      if (cellNode instanceof HTMLButtonElement && selectCell)
        cellNode.addEventListener("click", () => selectCell(f.cell));
      ul.appendChild(el("li", { children: [cellNode, el("span", { text: ` ${message}` })] }));
    }
    findings.appendChild(ul);
    if (list.length > SHOWN_FINDINGS)
      findings.appendChild(
        el("p", {
          className: "csp-hint",
          text: `and ${formatCount(list.length - SHOWN_FINDINGS)} more on ${host === "office" ? "the CSP Findings sheet" : "the results workbook's CSP Findings sheet"}.`,
        }),
      );
  }
  if (assessment.findings.length === 0)
    findings.appendChild(el("p", { text: "No findings: every total and derived column agrees with the data." }));
}

/** The MoRiLE ranking, when the workbook scores themes. */
function renderMorile(assessment: Assessment): void {
  const morileSection = byId("csp-morile-section");
  const table = byId("csp-morile");
  clear(table);
  morileSection.hidden = !assessment.morile;
  if (assessment.morile) {
    table.appendChild(
      el("caption", { text: `${assessment.morile.preset} preset; ranks under one-level moves and ±25% weights` }),
    );
    table.appendChild(
      el("thead", {
        children: [
          el("tr", {
            children: ["Rank", "Theme", "Score", "Band", "Ranks", "Top five"].map((h) =>
              el("th", { text: h, attrs: { scope: "col" } }),
            ),
          }),
        ],
      }),
    );
    const body = el("tbody");
    for (const t of assessment.morile.themes) {
      body.appendChild(
        el("tr", {
          className: `csp-band-${t.band.toLowerCase()}`,
          children: [
            el("td", { text: String(t.rank) }),
            el("th", { text: t.theme, attrs: { scope: "row" } }),
            el("td", { text: t.score.toFixed(1) }),
            el("td", { text: t.band }),
            el("td", { text: `${t.rankRange[0]}–${t.rankRange[1]}` }),
            el("td", { text: t.stable === null ? formatPercent(t.topFiveShare, 0) : t.stable ? "Stable" : "Unstable" }),
          ],
        }),
      );
    }
    table.appendChild(body);
  }
}

/** Shows a run's summary, headlines, findings and MoRiLE ranking in the pane. */
export function renderResults(
  run: Pick<Run, "assessment" | "wards">,
  selectCell: SelectCell,
  host: "office" | "standalone",
): void {
  renderSummary(run);
  renderHeadlines(run.assessment);
  renderFindings(run.assessment, selectCell, host);
  renderMorile(run.assessment);
  renderIncidents(run);
  byId("csp-results").hidden = false;
}
