// The body of the draft: one section per priority with its own evidence, police crime and
// anti-social behaviour with its charts of change, the other themes and evidence, and the
// community's views. Tables too long to stand in the text are sent whole to an appendix.
import { type WardAnalysis, type WardBoundaries, layerPicture } from "../../../geo";
import {
  type Assessment,
  type KeyFinding,
  THEME_VOCABULARY,
  evidenceTheme,
  formatCount,
  formatPValue,
  runMonthSeries,
} from "../../core";
import { changeCharts, monthChart } from "./changeCharts";
import type { ReportFigure, ReportMap, ReportSection, ReportTable } from "./reportTypes";
import {
  type Place,
  type PlacedTable,
  entryOfTheme,
  findingPlace,
  isCrimeTypes,
  layerPlace,
  tableKey,
} from "./reportThemes";
import { reportTable, tableTitle, tooBig } from "./reportTables";
import { analyst } from "./reportWords";

/** How many of a section's key changes it lists. */
const SENTENCES = 8;
/** The share of a layer's wards with a population from which the report maps rates rather than counts. */
const RATES_FROM_SHARE = 0.8;

type Wards = { analysis: WardAnalysis; boundaries: WardBoundaries } | null;

/** What the chapters share: the placed tables, findings and maps, and where full tables go. */
export interface ChapterParts {
  readonly assessment: Assessment;
  readonly findings: readonly KeyFinding[];
  readonly tables: ReadonlyMap<Place, readonly PlacedTable[]>;
  readonly maps: ReadonlyMap<Place, readonly ReportMap[]>;
  /** Tables too long or wide for the text, printed whole in an appendix. */
  readonly appendixTables: ReportTable[];
  /** The tables of evaluations (`evaluationTables`), whose changes belong with police crime. */
  readonly evaluations: ReadonlySet<string>;
}

/** A ward map of each layer, placed by its theme: ward numbers and key, scale bar and north arrow; rings on domestic abuse's only. */
export function placedMaps(wards: Wards): Map<Place, ReportMap[]> {
  const out = new Map<Place, ReportMap[]>();
  if (!wards) return out;
  for (const layer of wards.analysis.layers) {
    const place = layerPlace(layer);
    // Rates where the population covers most wards (a count map mostly shows where people live).
    const rated = layer.wards.filter((w) => w.ratePer1000 !== null).length;
    const measure = rated >= RATES_FROM_SHARE * layer.wards.length ? "rate" : "count";
    const coverage = place === "domestic abuse";
    const picture = layerPicture(wards.boundaries, wards.analysis, layer, { coverage, measure, labels: true });
    const hotspots = layer.wards.filter((_, i) => picture.hotspotWards.includes(i)).map((w) => w.name);
    const said =
      hotspots.length > 0 ? ` Gi* hotspots at 95%: ${hotspots.join(", ")}.` : " No ward is a Gi* hotspot at 95%.";
    const map = {
      caption: `${picture.title}: ${picture.subtitle.charAt(0).toLowerCase()}${picture.subtitle.slice(1)}.${said}`,
      picture,
    };
    out.set(place, [...(out.get(place) ?? []), map]);
  }
  return out;
}

/** A placed table as printed, or a line saying it is whole in the appendix. */
function printed(parts: ChapterParts, placed: readonly PlacedTable[]): { tables: ReportTable[]; notes: string[] } {
  const tables: ReportTable[] = [];
  const notes: string[] = [];
  for (const p of placed) {
    const table = reportTable(p.result, p.labels, p.caption);
    if (tooBig(p.result) && !p.labels) {
      parts.appendixTables.push(table);
      notes.push(
        `${tableTitle(p.result)}: ${p.result.rows.length} rows, printed whole in the appendix of full tables.`,
      );
    } else tables.push(table);
  }
  return { tables, notes };
}

/** One theme's evidence: its key changes, tables (or rows of mixed tables) and maps. */
function themeSection(
  parts: ChapterParts,
  place: Place,
  heading: string,
  level: 1 | 2,
  intro: string | null,
): ReportSection {
  const own = parts.findings.filter((f) => !f.monthly && findingPlace(f, parts.evaluations) === place);
  // Changes beyond chance first, then what the theme's figures say without a test (a share, a
  // standing among peers, the busiest time), then the rest; the days that stand out are one table.
  const changes = own.filter((f) => !f.pattern);
  const sentences = [
    ...changes.filter((f) => f.significant),
    ...changes.filter((f) => f.pValue === null),
    ...changes.filter((f) => !f.significant && f.pValue !== null),
  ]
    .slice(0, SENTENCES)
    .map((f) => f.text);
  const days = own.some((f) => f.pattern) ? namedDaysTables(parts.assessment, place) : [];
  const { tables, notes } = printed(parts, parts.tables.get(place) ?? []);
  return {
    heading,
    level,
    intro,
    paragraphs: notes,
    sentences,
    tables: [...days, ...tables],
    maps: parts.maps.get(place) ?? [],
  };
}

/** The named days on which an extract's profiled category stood out, when that category is evidence for `place`. */
function namedDaysTables(assessment: Assessment, place: Place): ReportTable[] {
  return assessment.incidents.flatMap((analysis) => {
    const { patterns } = analysis;
    if (!patterns || evidenceTheme([patterns.category])?.key !== place) return [];
    const days = patterns.namedDates.filter((d) => d.significant);
    if (days.length === 0) return [];
    return [
      {
        caption: `${patterns.category}: days that stood out, ${patterns.from} – ${patterns.to} (${analysis.source})`,
        header: ["Day", "Dates", "Records", "Expected", "Times as many", "p"],
        rows: days.map((d) => [
          d.name,
          d.dates.join(", "),
          formatCount(d.observed),
          formatCount(d.expected, 1),
          d.ratio === null ? "–" : d.ratio.toFixed(1),
          d.pValue === null ? "–" : formatPValue(d.pValue),
        ]),
        note: "Expected: the average of the same weekdays in the period, named days left out. Each is more than normal day-to-day variation would explain.",
      },
    ];
  });
}

const hasEvidence = (s: ReportSection): boolean =>
  s.sentences.length > 0 || s.tables.length > 0 || (s.maps?.length ?? 0) > 0 || (s.paragraphs?.length ?? 0) > 0;

/**
 * A section per priority: the MoRiLE top five each a chapter, in rank order, and the other
 * scored themes after them; without MoRiLE, each theme of the vocabulary that has evidence.
 */
export function prioritySections(parts: ChapterParts): { priorities: ReportSection[]; others: ReportSection[] } {
  const { morile } = parts.assessment;
  if (!morile) {
    const others = THEME_VOCABULARY.map((t) =>
      themeSection(parts, t.key, `${t.key.charAt(0).toUpperCase()}${t.key.slice(1)}`, 2, null),
    ).filter(hasEvidence);
    return { priorities: [], others };
  }
  const priorities: ReportSection[] = [];
  const others: ReportSection[] = [];
  for (const theme of morile.themes) {
    const place = entryOfTheme(theme.theme)?.key ?? null;
    const stability = theme.stable === null ? "" : theme.stable ? "; its place is stable" : "; its place is not stable";
    const intro = `MoRiLE score ${theme.score.toFixed(1)}, ${theme.band.toLowerCase()} priority; ranks ${theme.rankRange[0]} to ${theme.rankRange[1]} when any one level moves or a weight changes by 25%${stability}.`;
    const top = theme.rank <= 5;
    const heading = top ? `Priority ${theme.rank}: ${theme.theme}` : theme.theme;
    const section = place
      ? themeSection(parts, place, heading, top ? 1 : 2, intro)
      : { heading, level: (top ? 1 : 2) as 1 | 2, intro, sentences: [], tables: [] };
    if (top && !hasEvidence(section))
      priorities.push({
        ...section,
        paragraphs: [
          analyst(`no table or row of the workbook is evidence for ${theme.theme}; add it, or say where it is.`),
        ],
      });
    else (top ? priorities : others).push(section);
  }
  // Themes of the vocabulary MoRiLE does not score keep their evidence, under their own names.
  const scored = new Set(morile.themes.map((t) => entryOfTheme(t.theme)?.key));
  for (const t of THEME_VOCABULARY.filter((e) => !scored.has(e.key))) {
    const section = themeSection(
      parts,
      t.key,
      `${t.key.charAt(0).toUpperCase()}${t.key.slice(1)} (not scored)`,
      2,
      null,
    );
    if (hasEvidence(section)) others.push(section);
  }
  return { priorities, others: others.filter(hasEvidence) };
}

/**
 * Charts of the police crime chapter: change by crime type, from the partnership's table of
 * crime types with the most types, and month lines with their unusual months.
 */
function crimeFigures(parts: ChapterParts): ReportFigure[] {
  const types = (parts.tables.get("crime") ?? [])
    .map((p) => p.result)
    .filter((t) => isCrimeTypes(t) && !t.table.place && !t.table.evaluation);
  const count = (t: (typeof types)[number]): number => t.rows.filter((r) => !r.aggregate).length;
  const own = types.reduce<(typeof types)[number] | null>(
    (best, t) => (!best || count(t) > count(best) ? t : best),
    null,
  );
  const figures = own ? changeCharts(own) : [];
  const { tables, incidents, unusualMonths } = parts.assessment;
  for (const series of runMonthSeries(tables, incidents)) {
    const chart = monthChart(
      series.series,
      series.months,
      series.counts,
      unusualMonths.filter((u) => u.series === series.series),
    );
    if (chart) figures.push(chart);
  }
  return figures;
}

/**
 * Police recorded crime and anti-social behaviour: its key changes, charts, tables and maps;
 * then, as a section of its own, each evaluation's wards before and after.
 */
export function crimeChapter(parts: ChapterParts): ReportSection[] {
  const placed = parts.tables.get("crime") ?? [];
  const own = placed.filter((p) => !p.result.table.place && !p.result.table.evaluation);
  const evaluations = placed.filter((p) => p.result.table.place || p.result.table.evaluation);
  const { tables, notes } = printed(parts, own);
  const crime = parts.findings.filter((f) => !f.monthly && findingPlace(f, parts.evaluations) === "crime");
  const isEvaluation = (f: KeyFinding): boolean => parts.evaluations.has(tableKey(f.sheet, f.table));
  const chapter: ReportSection = {
    heading: "Police recorded crime and anti-social behaviour",
    level: 1,
    intro: null,
    paragraphs: notes,
    sentences: crime
      .filter((f) => !isEvaluation(f))
      .slice(0, SENTENCES)
      .map((f) => f.text),
    figures: crimeFigures(parts),
    tables,
    maps: parts.maps.get("crime") ?? [],
  };
  if (evaluations.length === 0) return [chapter];
  const evaluation = printed(parts, evaluations);
  return [
    chapter,
    {
      heading: "Evaluations: wards before and after",
      level: 2,
      intro: `Crime in each ward of an intervention and its comparison wards, over the same weeks before and after it started (${evaluations[0].result.table.columns.map((c) => c.header).join(" against ")}).`,
      paragraphs: evaluation.notes,
      sentences: crime
        .filter(isEvaluation)
        .slice(0, SENTENCES)
        .map((f) => f.text),
      tables: evaluation.tables,
    },
  ];
}

/** The community's views: survey tables (feelings of safety, confidence), or what the analyst must add. */
export function communitySection(parts: ChapterParts): ReportSection {
  const { tables, notes } = printed(parts, parts.tables.get("community") ?? []);
  return {
    heading: "Community views",
    level: 1,
    intro: null,
    paragraphs:
      tables.length > 0
        ? notes
        : [
            analyst(
              "no survey table was found in the workbook. Add the community's views here: feelings of safety by day and by night, this survey against the last, and what residents said.",
            ),
          ],
    sentences: parts.findings.filter((f) => findingPlace(f, parts.evaluations) === "community").map((f) => f.text),
    tables,
  };
}

/** Evidence that fits no theme. */
export function otherEvidence(parts: ChapterParts): ReportSection | null {
  const section = themeSection(parts, "other", "Other evidence", 2, null);
  return hasEvidence(section) ? section : null;
}
