import { type MapPicture, type WardAnalysis, type WardBoundaries, emergingLabel, layerPicture } from "../../../geo";
import { REPORT_FUNNEL, funnelCaption, funnelSvg } from "./funnelPicture";
import {
  type Assessment,
  type DistrictPicture,
  KEY_CHANGES,
  countOf,
  type KeyFinding,
  type TableResult,
  formatCount,
  formatPercent,
  formatSignedCount,
  keyFindings,
} from "../../core";

/** A table as the report prints it: every figure already worded as the seed writes it. */
export interface ReportTable {
  readonly caption: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Said under the table: rows left to the result sheets, or how to read it. */
  readonly note: string | null;
}

/** One section: a theme (in MoRiLE order) or a table, with its sentences and tables. */
export interface ReportSection {
  readonly heading: string;
  readonly level: 1 | 2;
  readonly intro: string | null;
  readonly sentences: readonly string[];
  readonly tables: readonly ReportTable[];
  /** A picture drawn for the section (the districts' funnel plot), as SVG. */
  readonly figure?: ReportFigure;
}

/** A picture of the report other than a map, drawn by the same rasteriser. */
export interface ReportFigure {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly caption: string;
}

/** The share of a layer's wards with a population from which the report maps rates rather than counts. */
const RATES_FROM_SHARE = 0.8;

/** A ward map of the report, drawn as the pane draws it. */
export interface ReportMap {
  readonly caption: string;
  readonly picture: MapPicture;
}

/** Everything the draft report says, built only from the run's results: no figure is made up. */
export interface ReportContent {
  readonly title: string;
  readonly partnership: string;
  /** The newest period the tables compare, as they write it ("2019/20"). */
  readonly period: string | null;
  /** The document's date as dd/mm/yyyy, from `--date`; never the clock. */
  readonly date: string | null;
  readonly keyChanges: readonly KeyFinding[];
  readonly sections: readonly ReportSection[];
  readonly maps: readonly ReportMap[];
  readonly morile: ReportTable | null;
  readonly appendix: ReportTable | null;
  readonly sources: readonly string[];
}

/** Choices of a report. */
export interface ReportOptions {
  /** The document's date (dd/mm/yyyy); without it the title page gives the data's period only. */
  readonly date?: string | null;
  /** The partnership's name for the title page; else from the home area. */
  readonly partnership?: string | null;
  /** The workbook's name, for the sources. */
  readonly source?: string;
}

// A table longer than this prints its first rows and says where the rest are.
const TABLE_ROWS = 25;
const SENTENCES_PER_TABLE = 3;
const FINDINGS_LISTED = 300;

const tableTitle = (result: TableResult): string =>
  result.table.title ?? `${result.table.sheet} (${result.table.range})`;

/** The newest dated period any table compares, as the table writes it. */
function newestPeriod(tables: readonly TableResult[]): string | null {
  let best: { order: number; label: string } | null = null;
  for (const { table } of tables) {
    const last = table.columns[table.columns.length - 1]?.period;
    if (!last || last.kind === "relative" || table.kind === "categories") continue;
    if (!best || last.order > best.order) best = { order: last.order, label: last.label };
  }
  return best?.label ?? null;
}

/** A computed table as rows of worded figures: the last two periods with change, or the categories. */
export function reportTable(result: TableResult): ReportTable {
  const { table } = result;
  const figure = (row: number, column: number): string => {
    const value = result.rows[row].values[column];
    if (value === null) return "–";
    const parsed = table.rows[row].values[column];
    return parsed?.kind === "number" && parsed.isPercent ? formatPercent(value) : formatCount(value, 1);
  };
  const periods = table.kind !== "categories" && table.columns.length >= 2;
  const last = table.columns.length - 1;
  const shown = Math.min(result.rows.length, TABLE_ROWS);
  const header = periods
    ? [table.labelHeader, table.columns[last - 1].header, table.columns[last].header, "Change", "% change"]
    : [table.labelHeader, ...table.columns.slice(0, 6).map((c) => c.header)];
  const rows = result.rows
    .slice(0, shown)
    .map((row, i) =>
      periods
        ? [
            row.label,
            figure(i, last - 1),
            figure(i, last),
            row.change === null ? "–" : formatSignedCount(Math.round(row.change * 10) / 10),
            row.pctChange === null ? (row.status === "new" ? "new" : "–") : formatPercent(row.pctChange),
          ]
        : [row.label, ...table.columns.slice(0, 6).map((_, j) => figure(i, j))],
    );
  const hidden = result.rows.length - shown;
  const columnsHidden = periods ? 0 : Math.max(0, table.columns.length - 6);
  const notes = [
    hidden > 0 ? countOf(hidden, "more row") : null,
    columnsHidden > 0 ? countOf(columnsHidden, "more column") : null,
  ].filter(Boolean);
  return {
    caption: `${tableTitle(result)} (${result.table.sheet})`,
    header: header.map((h) => h || " "),
    rows,
    note: notes.length > 0 ? `The CSP Tables sheet has ${notes.join(" and ")} of this table.` : null,
  };
}

/** One row of a table printed earlier: the figure a theme names as its evidence. */
function evidenceRow(result: TableResult, label: string): ReportTable {
  const whole = reportTable(result);
  return {
    ...whole,
    rows: whole.rows.filter((r) => r[0] === label),
    note: "The whole table is printed under a higher-ranked theme.",
  };
}

type Wards = { analysis: WardAnalysis; boundaries: WardBoundaries } | null;

/**
 * The report's sections: one per MoRiLE theme in rank order with its evidence table (else one
 * per table), the other tables, the force's districts and the emerging hotspots.
 */
function reportSections(assessment: Assessment, findings: readonly KeyFinding[], wards: Wards): ReportSection[] {
  const byTable = new Map<string, KeyFinding[]>();
  for (const f of findings) {
    const key = `${f.sheet}\u0000${f.table ?? ""}`;
    byTable.set(key, [...(byTable.get(key) ?? []), f]);
  }
  const findingsOf = (result: TableResult): KeyFinding[] =>
    byTable.get(`${result.table.sheet}\u0000${result.table.title ?? ""}`) ?? [];
  const tableOf = (sheet: string, title: string | null): TableResult | undefined =>
    assessment.tables.find((t) => t.table.sheet === sheet && t.table.title === title);

  const sections: ReportSection[] = [];
  const shown = new Set<TableResult>();
  const tableSection = (result: TableResult, level: 1 | 2): ReportSection => {
    shown.add(result);
    const sentences = result.homeArea
      ? [result.homeArea.sentence]
      : findingsOf(result)
          .filter((f) => !f.monthly)
          .slice(0, SENTENCES_PER_TABLE)
          .map((f) => f.text);
    return { heading: tableTitle(result), level, intro: null, sentences, tables: [reportTable(result)] };
  };
  const { morile } = assessment;
  if (morile) {
    for (const theme of morile.themes) {
      const evidence = theme.evidence ? tableOf(theme.evidence.sheet, theme.evidence.table) : undefined;
      const stability =
        theme.stable === null ? "" : theme.stable ? "; its place is stable" : "; its place is not stable";
      const sentences = [
        ...(theme.evidence?.text ? [theme.evidence.text] : []),
        ...findings.filter((f) => f.theme === theme.theme && f.text !== theme.evidence?.text).map((f) => f.text),
      ];
      sections.push({
        heading: `${theme.rank}. ${theme.theme}`,
        level: 1,
        intro: `MoRiLE score ${theme.score.toFixed(1)}, ${theme.band.toLowerCase()} priority; ranks ${theme.rankRange[0]} to ${theme.rankRange[1]} when any one level moves or a weight changes by 25%${stability}.`,
        sentences,
        // A table already printed for a higher theme is not printed again: this theme's row is.
        tables: evidence
          ? [shown.has(evidence) ? evidenceRow(evidence, theme.evidence?.label ?? "") : reportTable(evidence)]
          : [],
      });
      if (evidence) shown.add(evidence);
    }
  }
  const rest = assessment.tables.filter((t) => !shown.has(t) && t.rows.length > 0);
  if (rest.length > 0 && morile)
    sections.push({ heading: "Other tables", level: 1, intro: null, sentences: [], tables: [] });
  for (const result of rest) sections.push(tableSection(result, morile ? 2 : 1));

  for (const analysis of assessment.incidents)
    if (analysis.districts) sections.push(districtSection(analysis.districts));
  const emerging = wards ? emergingSection(wards.analysis) : null;
  if (emerging) sections.push(emerging);

  return sections;
}

/** A map of each ward layer, in rates where the population covers most wards, with its hotspots said. */
function reportMaps(wards: Wards): ReportContent["maps"] {
  if (!wards) return [];
  return wards.analysis.layers.map((layer) => {
    // Rates where the population covers most wards (a count map mostly shows where people
    // live); counts otherwise. The picture's subtitle says which.
    const rated = layer.wards.filter((w) => w.ratePer1000 !== null).length;
    const measure = rated >= RATES_FROM_SHARE * layer.wards.length ? "rate" : "count";
    const picture = layerPicture(wards.boundaries, wards.analysis, layer, { coverage: true, measure });
    const hotspots = layer.wards.filter((_, i) => picture.hotspotWards.includes(i)).map((w) => w.name);
    const said =
      hotspots.length > 0 ? ` Gi* hotspots at 95%: ${hotspots.join(", ")}.` : " No ward is a Gi* hotspot at 95%.";
    return {
      caption: `${picture.title}: ${picture.subtitle.charAt(0).toLowerCase()}${picture.subtitle.slice(1)}.${said}`,
      picture,
    };
  });
}

/** The MoRiLE ranking as a table, when themes were scored. */
function morileRanking(morile: Assessment["morile"]): ReportTable | null {
  return morile
    ? {
        caption: `MoRiLE ranking (${morile.preset} preset)`,
        header: ["Rank", "Theme", "Score", "Band", "Ranks under changes", "Stable"],
        rows: morile.themes.map((t) => [
          String(t.rank),
          t.theme,
          t.score.toFixed(1),
          t.band,
          `${t.rankRange[0]} to ${t.rankRange[1]}`,
          t.stable === null ? "–" : t.stable ? "Yes" : "No",
        ]),
        note: "Confidence is shown as the range of ranks a theme takes when any one level moves by one or a weight by 25%, not multiplied into the score.",
      }
    : null;
}

/** The errors and warnings, the first of them listed, with what else the Findings sheet has. */
function findingsAppendix(assessment: Assessment): ReportTable | null {
  const listed = assessment.findings.filter((f) => f.severity !== "info");
  const notes = assessment.findings.length - listed.length;
  const severity = { error: "Error", warning: "Warning", info: "Note" } as const;
  const elsewhere = [
    listed.length > FINDINGS_LISTED
      ? countOf(listed.length - FINDINGS_LISTED, "more error or warning", "more errors and warnings")
      : null,
    notes > 0 ? `${countOf(notes, "note")} (missing and suppressed values, spellings read)` : null,
  ].filter(Boolean);
  return assessment.findings.length > 0
    ? {
        caption: "Audit findings",
        header: ["", "Where", "Finding"],
        rows: listed
          .slice(0, FINDINGS_LISTED)
          .map((f) => [
            severity[f.severity],
            f.cell || f.sheet,
            f.cell && f.message.startsWith(`${f.cell}: `) ? f.message.slice(f.cell.length + 2) : f.message,
          ]),
        note: elsewhere.length > 0 ? `The CSP Findings sheet also has ${elsewhere.join(" and ")}.` : null,
      }
    : null;
}

/** Where the results come from: the workbook, the boundaries (where a map was drawn), populations and the tests. */
function sourceList(assessment: Assessment, wards: Wards, mapped: boolean, options: ReportOptions): string[] {
  return [
    `${options.source ?? "The workbook"}: ${countOf(assessment.sheetsRead, "sheet")} read, ${countOf(assessment.tables.length, "table")} computed by CSP Assess.`,
    // Boundaries are credited where they were drawn: in a map.
    ...(wards && mapped ? [`Ward boundaries: ${wards.boundaries.attribution}.`] : []),
    ...(wards?.analysis.populationSheet ? [`Ward populations: ${wards.analysis.populationSheet}.`] : []),
    ...(wards?.analysis.attributions ?? []).map((a) => `${a}.`),
    "Significance: an exact test of two Poisson counts (a change is called significant at p < 0.05).",
  ];
}

/**
 * The draft Strategic Assessment's content from a run's results: the key changes, a section per
 * MoRiLE theme in rank order (else per table), ward maps, the MoRiLE ranking, the findings and
 * the sources. Deterministic: the same results and options give the same content.
 */
export function reportContent(assessment: Assessment, wards: Wards, options: ReportOptions = {}): ReportContent {
  const findings = keyFindings(assessment);
  const maps = reportMaps(wards);
  const area = assessment.homeArea?.name ?? null;
  return {
    title: "Strategic Assessment",
    partnership:
      options.partnership ?? (area ? `${area} Community Safety Partnership` : "Community Safety Partnership"),
    period: newestPeriod(assessment.tables),
    date: options.date ?? null,
    keyChanges: findings.slice(0, KEY_CHANGES),
    sections: reportSections(assessment, findings, wards),
    maps,
    morile: morileRanking(assessment.morile),
    appendix: findingsAppendix(assessment),
    sources: sourceList(assessment, wards, maps.length > 0, options),
  };
}

/** The force's districts from a force-wide download: the home area's sentence, the table and the funnel plot. */
function districtSection(picture: DistrictPicture): ReportSection {
  const previous = picture.previousMonths !== null;
  const svg = funnelSvg(picture);
  const caption = funnelCaption(picture);
  return {
    heading: `${picture.forceArea} districts`,
    level: 1,
    intro: `Crimes recorded by ${picture.force}, ${picture.months.from} to ${picture.months.to}, placed in districts by each record's LSOA${previous ? `, against ${picture.previousMonths?.from} to ${picture.previousMonths?.to}` : ""}. Anti-social behaviour is not counted.`,
    sentences: picture.home ? [picture.home.sentence] : [],
    tables: [
      {
        caption: `${picture.forceArea} districts: crimes`,
        header: ["District", "Crimes", ...(previous ? ["A year earlier", "Change"] : []), "Per 1,000 residents"],
        rows: picture.districts.map((d) => [
          d.outside ? `${d.name} (${countOf(d.outside.districts, "district")})` : d.name,
          formatCount(d.count),
          ...(previous
            ? [
                d.previous === undefined ? "–" : formatCount(d.previous),
                d.pctChange == null ? "–" : `${formatPercent(d.pctChange)} (${formatSignedCount(d.change ?? 0)})`,
              ]
            : []),
          d.ratePer1000 === undefined ? "–" : formatCount(d.ratePer1000, 1),
        ]),
        note: "Districts with under 1% of the force's crimes are grouped as outside it.",
      },
    ],
    ...(svg && caption ? { figure: { svg, width: REPORT_FUNNEL.width, height: REPORT_FUNNEL.height, caption } } : {}),
  };
}

/** Emerging hot and cold spots of every ward layer over four periods or more, as a table each. */
function emergingSection(analysis: WardAnalysis): ReportSection | null {
  const layers = analysis.layers.filter((l) => l.emerging);
  if (layers.length === 0) return null;
  return {
    heading: "Emerging hotspots",
    level: 1,
    intro:
      "Each ward's Gi* hotspot score in every period, classed as Esri's Emerging Hot Spot Analysis classes them: when it was a hot or cold spot at 90% confidence, and whether its score rose or fell over the periods (Mann–Kendall, 90%).",
    sentences: [],
    tables: layers.map((layer) => {
      const emerging = layer.emerging as NonNullable<typeof layer.emerging>;
      const patterned = emerging.wards.map((w, i) => ({ w, ward: layer.wards[i] })).filter(({ w }) => w.kind !== null);
      return {
        caption: `${layer.title}: ${emerging.periods[0]} to ${emerging.periods[emerging.periods.length - 1]} (${countOf(emerging.periods.length, "period")})`,
        header: ["Ward", "Pattern", "Trend of Gi* (tau)", "Trend p"],
        rows: patterned.map(({ w, ward }) => [
          ward.name,
          emergingLabel(w),
          w.trend.tau.toFixed(2),
          w.trend.p.toFixed(3),
        ]),
        note: patterned.length === 0 ? "No ward is a hot or cold spot in any period." : null,
      };
    }),
  };
}
