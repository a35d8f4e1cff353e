// The words of a Strategic Assessment around its evidence: the title's years, the executive
// summary (from the results only, each figure with its sheet and range), the aim, background and
// methodology, the priorities, and the glossary. Where only a person can write, a marked
// placeholder ("[Analyst: …]"), never invented prose.
import type { WardAnalysis } from "../../../geo";
import { type Assessment, type KeyFinding, type Period, countOf, monthsWords } from "../../core";
import type { ReportTable } from "./reportTypes";

/** The partnership's name when neither it nor its area is known. */
export const GENERIC_NAME = "Community Safety Partnership";

/** A placeholder for what only the analyst can write. */
export const analyst = (what: string): string => `[Analyst: ${what}]`;

/** The period the assessment reports on: the lead table's newest, else the newest any table compares. */
export function dataPeriod(assessment: Assessment, lead: KeyFinding | undefined): Period | null {
  const periodOf = (t: Assessment["tables"][number]): Period | null =>
    t.table.kind === "categories" ? null : (t.table.columns[t.table.columns.length - 1]?.period ?? null);
  const leadTable = lead && assessment.tables.find((t) => t.table.sheet === lead.sheet && t.table.title === lead.table);
  const own = leadTable ? periodOf(leadTable) : null;
  if (own && own.kind !== "relative") return own;
  // The newest year any table compares; else (an extract of a few months) the extract's span.
  let best: Period | null = null;
  for (const t of assessment.tables) {
    const p = periodOf(t);
    if (p && p.kind !== "relative" && p.months >= 12 && (!best || p.order > best.order)) best = p;
  }
  const span = assessment.incidents.find((a) => a.extract.span)?.extract.span;
  if (best || !span) return best;
  const [year, month] = span.from.split("-").map(Number);
  return { label: `${span.from} to ${span.to}`, kind: "span", order: year * 12 + month - 1, months: span.months };
}

/**
 * "November 2018 to October 2019" and the assessment's year: the financial year starting the
 * April after the data end ("2020-21" for data to October 2019, as the seed; to March 2020 too).
 */
export function periodWords(period: Period | null): { data: string | null; year: string | null } {
  if (!period || period.kind === "relative") return { data: null, year: null };
  const last = period.order + Math.max(1, period.months) - 1;
  const start = Math.floor(last / 12) + (last % 12 >= 3 ? 1 : 0);
  return {
    data: monthsWords(period.order, last),
    year: `${start}-${String((start + 1) % 100).padStart(2, "0")}`,
  };
}

/** Where a key change comes from: its sheet and the table's range, so every figure can be traced. */
export function sourceOf(assessment: Assessment, f: KeyFinding): string {
  const table = assessment.tables.find((t) => t.table.sheet === f.sheet && t.table.title === f.table);
  const range = table && !table.table.range.endsWith("(records)") ? table.table.range : null;
  return range ?? f.sheet;
}

/** The hotspots of every ward layer at 95%, by the rule the map draws, as one sentence. */
function hotspotSentence(wards: WardAnalysis | null): string | null {
  if (!wards) return null;
  const said = wards.layers
    .map((layer) => ({
      title: layer.title,
      names: layer.wards.filter((w) => w.gi && ["hot-99", "hot-95"].includes(w.gi.band)).map((w) => w.name),
    }))
    .filter((l) => l.names.length > 0)
    .map((l) => `${l.title}: ${l.names.join(", ")}`);
  return said.length > 0
    ? `Ward hotspots (Getis-Ord Gi*, 95%, each ward's own count above its layer's average): ${said.join("; ")}.`
    : null;
}

/**
 * The executive summary from the results only: the partnership's all-crime change and its
 * standing among its peers, the strongest changes beyond chance, the priorities and the hotspots.
 */
export function executiveSummary(
  assessment: Assessment,
  findings: readonly KeyFinding[],
  wards: WardAnalysis | null,
): { readonly paragraphs: readonly string[]; readonly strongest: readonly string[] } {
  const traced = (f: KeyFinding): string => `${f.text} (${sourceOf(assessment, f)})`;
  const lead = findings[0];
  const standings = assessment.tables.flatMap((t) => (t.homeArea ? [`${t.homeArea.sentence} (${t.table.range})`] : []));
  const strongest = findings.filter((f) => f !== lead && f.significant && !f.monthly).slice(0, 5);
  const top = assessment.morile?.themes.slice(0, 5) ?? [];
  const paragraphs = [
    analyst(
      "the year in a few sentences: what the partnership delivered, what changed, and what the figures mean for it.",
    ),
    ...(lead ? [traced(lead)] : []),
    ...standings,
    ...(top.length > 0
      ? [
          `MoRiLE ranks these ${countOf(top.length, "theme")} highest for threat, risk and harm: ${top
            .map(
              (t) =>
                `${t.rank}. ${t.theme} (score ${t.score.toFixed(1)}, ranks ${t.rankRange[0]} to ${t.rankRange[1]})`,
            )
            .join("; ")}.`,
        ]
      : []),
    ...[hotspotSentence(wards)].filter((s): s is string => s !== null),
    ...(strongest.length > 0 ? ["The changes most clearly beyond chance:"] : []),
  ];
  return { paragraphs, strongest: strongest.map(traced) };
}

/** Aim, background and methodology: what the law asks, and how these figures were worked out. */
export function methodSections(
  assessment: Assessment,
  partnership: string,
  period: string | null,
): { readonly heading: string; readonly paragraphs: readonly string[] }[] {
  const sheets = [...new Set(assessment.tables.map((t) => t.table.sheet))];
  return [
    {
      heading: "Aim",
      paragraphs: [
        `This Strategic Assessment gives the members of ${partnership === GENERIC_NAME ? "the partnership" : partnership} the levels and patterns of crime, disorder and substance misuse${period ? ` in ${period}` : ""}, the changes since the last assessment, and the matters the partnership should prioritise in the coming year.`,
        analyst("what the partnership will use this assessment for: its plan, its groups' action plans."),
      ],
    },
    {
      heading: "Background",
      paragraphs: [
        "The Crime and Disorder Act 1998 (section 6) requires each community safety partnership to formulate and implement a strategy to reduce crime and disorder and to combat substance misuse. The Crime and Disorder (Formulation and Implementation of Strategy) Regulations 2007 require it to prepare a strategic assessment each year: the levels and patterns of crime, disorder and substance misuse, the changes since the last assessment, the matters to prioritise, and the views of the community.",
      ],
    },
    {
      heading: "Methodology",
      paragraphs: [
        `The figures come from the partnership's data: ${
          extractOnly(assessment)
            ? assessment.incidents.map((a) => `${a.source} (${countOf(a.records, "record")})`).join("; ")
            : `${countOf(assessment.tables.length, "table")} on ${countOf(sheets.length, "sheet")} (${sheets.join(", ")})`
        }. ${
          extractOnly(assessment) && assessment.incidents.every((a) => !a.comparable)
            ? "The records do not reach back over two years, so there is no year-on-year comparison: they are summarised whole, and the districts compared over the same months."
            : "Each table's latest period is compared with the one before it."
        }`,
        "A change in a count of events (crimes, admissions, referrals) is tested against the variation chance alone would give, with an exact test of two Poisson counts: a change is called more than normal variation when p < 0.05. Durations, averages, rates, money, caseloads and items found in batches are given with their change only. Months of a series are tested against the same month a year earlier, and a month is unusual when the test stays under 0.01 after allowing for every month tested (Benjamini–Hochberg).",
        "A ward is a hotspot when Getis-Ord Gi* over ward borders is significant and its own count is above its layer's average; a significant ward with a low count of its own is next to a hotspot.",
        ...(assessment.morile
          ? [
              `Themes are scored for threat, risk and harm with the MoRiLE (Management of Risk in Law Enforcement) matrix, ${assessment.morile.preset} preset; how sure a rank is is given as the range of ranks a theme takes when any one level moves by one or a weight by 25%.`,
            ]
          : []),
        analyst("the partners who supplied the data, and anything about its quality the reader should know."),
      ],
    },
  ];
}

/** The priorities for the coming year: the MoRiLE top five, or a placeholder without MoRiLE. */
export function prioritiesTable(assessment: Assessment): ReportTable | null {
  const top = assessment.morile?.themes.slice(0, 5);
  if (!top || top.length === 0) return null;
  return {
    caption: "The five highest-ranked themes (MoRiLE)",
    header: ["Rank", "Theme", "Score", "Band", "Ranks under changes"],
    rows: top.map((t) => [
      String(t.rank),
      t.theme,
      t.score.toFixed(1),
      t.band,
      `${t.rankRange[0]} to ${t.rankRange[1]}`,
    ]),
    note: null,
  };
}

/** Acronyms a Strategic Assessment uses, each given only when the report uses it. */
const GLOSSARY: readonly [string, string][] = [
  ["ASB", "Anti-social behaviour"],
  ["CSP", "Community Safety Partnership"],
  ["CSE", "Child sexual exploitation"],
  ["DA", "Domestic abuse"],
  [
    "Gi*",
    "Getis-Ord Gi*, the statistic that finds clusters of high (hot) or low (cold) values among neighbouring wards",
  ],
  ["IDVA", "Independent domestic violence adviser"],
  ["IOM", "Integrated Offender Management"],
  ["LSOA", "Lower layer super output area (a small census area)"],
  ["MARAC", "Multi-agency risk assessment conference"],
  ["MoRiLE", "Management of Risk in Law Enforcement: a matrix for scoring threat, risk and harm"],
  ["ONS", "Office for National Statistics"],
  ["PSPO", "Public Spaces Protection Order"],
  ["YOT", "Youth offending team"],
];

/** The glossary of the acronyms the text uses. */
export function glossary(text: string): ReportTable | null {
  const used = GLOSSARY.filter(([term]) =>
    new RegExp(`(^|[^A-Za-z])${term.replace("*", "\\*")}([^A-Za-z]|$)`).test(text),
  );
  return used.length > 0
    ? { caption: "Glossary", header: ["Term", "Meaning"], rows: used.map(([t, m]) => [t, m]), note: null }
    : null;
}

/** True for the assessment of record-level files alone (no workbook's sheets): said as its records, not as sheets. */
export function extractOnly(assessment: Assessment): boolean {
  return assessment.sheetsRead === 0 && assessment.incidents.length > 0;
}
