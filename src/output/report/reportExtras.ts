// The parts of the draft that stand apart from the themes: the force's districts with their
// funnel plot, emerging hotspots, the MoRiLE ranking, the audit findings and the sources.
import { type WardAnalysis, type WardBoundaries, emergingLabel } from "../../../geo";
import { REPORT_FUNNEL, funnelCaption, funnelSvg } from "./funnelPicture";
import {
  type Assessment,
  type DistrictPicture,
  countOf,
  districtTableRows,
  formatCount,
  isoMonthsWords,
} from "../../core";
import type { ReportOptions, ReportSection, ReportTable } from "./reportTypes";
import { extractOnly } from "./reportWords";

const FINDINGS_LISTED = 300;

type Wards = { analysis: WardAnalysis; boundaries: WardBoundaries } | null;

/** The MoRiLE ranking as a table, when themes were scored. */
export function morileRanking(morile: Assessment["morile"]): ReportTable | null {
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
export function findingsAppendix(assessment: Assessment): ReportTable | null {
  const listed = assessment.findings.filter((f) => f.severity !== "info");
  const notes = assessment.findings.length - listed.length;
  const severity = { error: "Error", warning: "Warning", info: "Note" } as const;
  const elsewhere = [
    listed.length > FINDINGS_LISTED
      ? countOf(listed.length - FINDINGS_LISTED, "more error or warning", "more errors and warnings")
      : null,
    notes > 0 ? `${countOf(notes, "note")} (missing and suppressed values, spellings read)` : null,
  ].filter(Boolean);
  return listed.length > 0
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
export function sourceList(assessment: Assessment, wards: Wards, mapped: boolean, options: ReportOptions): string[] {
  return [
    ...(extractOnly(assessment)
      ? assessment.incidents.map(
          (a) =>
            `${a.source}: ${countOf(a.records, "record")} read, ${countOf(assessment.tables.length, "table")} computed by CSP Assess.`,
        )
      : [
          `${options.source ?? "The workbook"}: ${countOf(assessment.sheetsRead, "sheet")} read, ${countOf(assessment.tables.length, "table")} computed by CSP Assess.`,
        ]),
    // Boundaries are credited where they were drawn: in a map.
    ...(wards && mapped ? [`Ward boundaries: ${wards.boundaries.attribution}.`] : []),
    ...(wards?.analysis.populationSheet ? [`Ward populations: ${wards.analysis.populationSheet}.`] : []),
    ...(wards?.analysis.attributions ?? []).map((a) => `${a}.`),
    "Significance: an exact test of two Poisson counts (a change is called significant at p < 0.05).",
    "Contains public sector information licensed under the Open Government Licence v3.0.",
  ];
}

/** The force's districts from a force-wide download: the home area's sentence, the table and the funnel plot. */
export function districtSection(picture: DistrictPicture): ReportSection {
  const svg = funnelSvg(picture);
  const caption = funnelCaption(picture);
  return {
    heading: `${picture.forceArea} districts`,
    level: 2,
    intro: `Crimes recorded by ${picture.force}, ${isoMonthsWords(picture.months.from, picture.months.to)}, placed in districts by each record's LSOA${picture.renamed ? ` (${picture.renamed.replace(/\.$/, "")})` : ""}${picture.comparedMonths && picture.previousMonths ? `; the change compares ${isoMonthsWords(picture.comparedMonths.from, picture.comparedMonths.to)} with ${isoMonthsWords(picture.previousMonths.from, picture.previousMonths.to)}` : ""}. Anti-social behaviour is not counted.`,
    sentences: picture.home ? [picture.home.sentence] : [],
    tables: [
      {
        caption: `${picture.forceArea} districts: crimes`,
        ...districtTableRows(picture, formatCount),
        note: "Districts with under 1% of the force's crimes are grouped as outside it.",
      },
    ],
    figures: svg && caption ? [{ svg, width: REPORT_FUNNEL.width, height: REPORT_FUNNEL.height, caption }] : [],
  };
}

/** Emerging hot and cold spots of every ward layer over four periods or more, as a table each. */
export function emergingSection(analysis: WardAnalysis): ReportSection | null {
  const layers = analysis.layers.filter((l) => l.emerging);
  if (layers.length === 0) return null;
  return {
    heading: "Emerging hotspots",
    level: 2,
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
