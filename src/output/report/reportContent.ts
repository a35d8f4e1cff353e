import type { WardAnalysis, WardBoundaries } from "../../../geo";
import { type Assessment, KEY_CHANGES, type KeyFinding, keyFindings } from "../../core";
import type { ReportContent, ReportOptions, ReportSection, ReportTable } from "./reportTypes";

export type { ReportContent, ReportFigure, ReportMap, ReportOptions, ReportSection, ReportTable } from "./reportTypes";
import {
  type ChapterParts,
  communitySection,
  crimeChapter,
  otherEvidence,
  placedMaps,
  prioritySections,
} from "./reportChapters";
import { districtSection, emergingSection, findingsAppendix, morileRanking, sourceList } from "./reportExtras";
import { demographicsTable, isPopulationByAge } from "./reportTables";
import { evaluationTables, placeTables } from "./reportThemes";
import {
  analyst,
  dataPeriod,
  GENERIC_NAME,
  executiveSummary,
  glossary,
  methodSections,
  periodWords,
  prioritiesTable,
} from "./reportWords";

// The draft Strategic Assessment in the order partnerships write it (the seed's): title page,
// contents, executive summary, aim, background and methodology, priorities for the coming year,
// a section per priority, police crime and anti-social behaviour, other themes and evidence,
// community views, conclusions and recommendations, appendices.

type Wards = { analysis: WardAnalysis; boundaries: WardBoundaries } | null;

const section = (heading: string, level: 1 | 2, content: Partial<ReportSection>): ReportSection => ({
  heading,
  level,
  intro: null,
  sentences: [],
  tables: [],
  ...content,
});

/** The executive summary, its key changes, and the aim, background and methodology. */
function openingSections(
  assessment: Assessment,
  findings: readonly KeyFinding[],
  wards: Wards,
  partnership: string,
  period: string | null,
): ReportSection[] {
  const summary = executiveSummary(assessment, findings, wards?.analysis ?? null);
  const top = findings.slice(0, KEY_CHANGES);
  return [
    section("Executive summary", 1, { paragraphs: summary.paragraphs, sentences: summary.strongest }),
    ...(top.length > 0
      ? [
          section("Key changes", 2, {
            // Each with where it comes from: "Theft rose …" means little without its table.
            sentences: top.map(
              (f) => `${f.text} (${f.table ?? f.sheet}${f.theme ? `; MoRiLE theme: ${f.theme}` : ""})`,
            ),
          }),
        ]
      : []),
    section("Aim, background and methodology", 1, {}),
    ...methodSections(assessment, partnership, period).map((m) => section(m.heading, 2, { paragraphs: m.paragraphs })),
  ];
}

/** The conclusions: what the data show for each priority, and the analyst's recommendations. */
function conclusions(priorities: readonly ReportSection[]): ReportSection {
  return section("Conclusions and recommendations", 1, {
    sentences: priorities.filter((p) => p.sentences.length > 0).map((p) => `${p.heading}: ${p.sentences[0]}`),
    paragraphs: [
      analyst("the key conclusions, and the recommended changes to the Community Safety Plan and its action plans."),
    ],
  });
}

/** The appendices in order, lettered: MoRiLE, demographics, full tables, audit findings, glossary, sources. */
function appendices(
  assessment: Assessment,
  full: readonly ReportTable[],
  text: string,
  sources: readonly string[],
): ReportSection[] {
  const parts: [string, Partial<ReportSection>][] = [];
  const morile = morileRanking(assessment.morile);
  if (morile) parts.push(["MoRiLE ranking", { tables: [morile], intro: morile.note }]);
  const population = assessment.tables.filter(isPopulationByAge).map(demographicsTable);
  if (population.length > 0) parts.push(["Demographics", { tables: population }]);
  if (full.length > 0) parts.push(["Full tables", { tables: full }]);
  const findings = findingsAppendix(assessment);
  if (findings) parts.push(["Audit findings", { tables: [findings] }]);
  const terms = glossary(text);
  if (terms) parts.push(["Glossary", { tables: [terms] }]);
  parts.push(["Sources", { sentences: sources }]);
  return parts.map(([name, content], i) => section(`Appendix ${String.fromCharCode(65 + i)}: ${name}`, 1, content));
}

/** The partnership's name: given, else on a Settings sheet ("Partnership | …"), else the home area's. */
function partnershipName(assessment: Assessment, options: ReportOptions): string {
  const area = assessment.homeArea?.name ?? null;
  return (
    options.partnership?.trim() ||
    assessment.partnership ||
    (area ? `${area} Community Safety Partnership` : GENERIC_NAME)
  );
}

/**
 * The draft Strategic Assessment's content from a run's results, in the order partnerships write
 * it. Deterministic: the same results and options give the same content.
 */
export function reportContent(assessment: Assessment, wards: Wards, options: ReportOptions = {}): ReportContent {
  const findings = keyFindings(assessment);
  const partnership = partnershipName(assessment, options);
  const words = periodWords(dataPeriod(assessment, findings[0]));
  const parts: ChapterParts = {
    assessment,
    findings,
    tables: placeTables(assessment),
    maps: placedMaps(wards),
    appendixTables: [],
    evaluations: evaluationTables(assessment),
  };
  const { priorities, others } = prioritySections(parts);
  const prioritiesTableNow = prioritiesTable(assessment);
  const crime = crimeChapter(parts);
  const districts = assessment.incidents.flatMap((a) => (a.districts ? [districtSection(a.districts)] : []));
  const emerging = wards ? emergingSection(wards.analysis) : null;
  const other = otherEvidence(parts);
  const body: ReportSection[] = [
    ...openingSections(assessment, findings, wards, partnership, words.data),
    section("Priorities for the coming year", 1, {
      tables: prioritiesTableNow ? [prioritiesTableNow] : [],
      paragraphs: [
        prioritiesTableNow
          ? analyst(
              "the priorities the partnership board agrees for the coming year, and any change from the last plan.",
            )
          : analyst(
              "no MoRiLE sheet was found, so no theme is ranked. Add one (csp-assess morile-template writes an empty one to fill in), or write the priorities the partnership board agrees.",
            ),
      ],
    }),
    ...priorities,
    ...crime,
    ...districts,
    ...(emerging ? [emerging] : []),
    ...(others.length > 0 || other
      ? [
          section(assessment.morile ? "Other themes and evidence" : "The evidence by theme", 1, {}),
          ...others,
          ...(other ? [other] : []),
        ]
      : []),
    communitySection(parts),
    conclusions(priorities),
  ];
  const text = JSON.stringify(body);
  const maps = [...parts.maps.values()].flat();
  return {
    title: words.year ? `Strategic Assessment ${words.year}` : "Strategic Assessment",
    partnership,
    period: words.data,
    date: options.date ?? null,
    keyChanges: findings.slice(0, KEY_CHANGES),
    sections: body,
    appendices: appendices(
      assessment,
      parts.appendixTables,
      text,
      sourceList(assessment, wards, maps.length > 0, options),
    ),
  };
}
