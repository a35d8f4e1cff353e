import { SHORT_MONTHS } from "../calendar/namedDates";
import type { Period } from "../parse/parsePeriod";
import { aggregatedTable } from "../tables/aggregatedTable";
import type { DiscoveredTable } from "../tables/table";
import { monthOf } from "./extractSummary";
import type { IncidentAnalysis } from "./incidentAnalysis";
import type { InterventionWard } from "./interventionImpact";

/** The title of an intervention's table for one ward, so result sheets can find its computed rows. */
export function interventionTableTitle(intervention: string, ward: InterventionWard): string {
  return `${intervention}: ${ward.ward} (${ward.role === "intervention" ? "intervention ward" : "comparison ward"})`;
}

/** An intervention's name as it reads in a sentence: "the Town Centre team". */
const teamWords = (name: string): string => (/^(the|a|an)\s/i.test(name) ? name : `the ${name}`);

/** The title of an extract's table of crime by ward (a map layer). */
const crimeByWardTitle = (source: string): string => `${source}: crime by ward`;

/**
 * An extract's crime by ward month by month, under the title of its crime-by-ward table: the
 * periods of that layer's emerging hotspots, as the table itself has one or two columns.
 */
export function crimeByWardMonths(analysis: IncidentAnalysis): {
  readonly title: string;
  readonly periods: readonly string[];
  readonly wards: IncidentAnalysis["extract"]["crimeByWardMonth"]["wards"];
} {
  const { months, wards } = analysis.extract.crimeByWardMonth;
  return { title: crimeByWardTitle(analysis.source), periods: months, wards };
}

/** `Jan 22 – Mar 22`: an extract's span as a period label, as the comparison windows are written. */
function spanPeriod(analysis: IncidentAnalysis): Period | null {
  const { span } = analysis.extract;
  if (!span) return null;
  const [first, last] = [monthOf(span.from), monthOf(span.to)];
  const words = (m: number): string => `${SHORT_MONTHS[m % 12]} ${String(Math.floor(m / 12)).slice(2)}`;
  return {
    label: first === last ? words(first) : `${words(first)} – ${words(last)}`,
    kind: "span",
    order: last,
    months: span.months,
  };
}

/**
 * An extract too short for a year-on-year comparison, summarised over its whole span: records
 * by category (as the extract names them), crime by ward and anti-social behaviour by ward
 * (both map layers).
 */
function extractTables(analysis: IncidentAnalysis): DiscoveredTable[] {
  const { extract, source } = analysis;
  const period = spanPeriod(analysis);
  if (!period) return [];
  const tables = [
    aggregatedTable(
      source,
      `${source}: records by category`,
      "Category",
      [period],
      extract.byCategory.map((c) => ({ label: c.category, values: [c.count] })),
    ),
  ];
  const crime = extract.byWard.filter((w) => w.crime > 0);
  if (crime.length > 0)
    tables.push(
      aggregatedTable(
        source,
        crimeByWardTitle(source),
        "Ward",
        [period],
        crime.map((w) => ({ label: w.name, values: [w.crime] })),
      ),
    );
  const asb = extract.byWard.filter((w) => w.antisocialBehaviour > 0);
  if (asb.length > 0)
    tables.push(
      aggregatedTable(
        source,
        `${source}: anti-social behaviour by ward`,
        "Ward",
        [period],
        asb.map((w) => ({ label: w.name, values: [w.antisocialBehaviour] })),
      ),
    );
  return tables;
}

/**
 * The comparison tables of an extract, for the core to compute, word and map like any other:
 * crime by group (with all crime), by ward, domestic abuse and anti-social behaviour by ward,
 * and for each intervention one table per ward (before and after, by group) and one of all
 * crime by ward (a map layer). An extract that does not reach back over both compared periods
 * gives its whole-span tables instead.
 */
export function incidentTables(analysis: IncidentAnalysis): DiscoveredTable[] {
  const { summary, source } = analysis;
  const [earlier, later] = summary.windows.ranges;
  const periods: Period[] = [
    { label: summary.periods[0], kind: "span", order: earlier[1], months: 12 },
    { label: summary.periods[1], kind: "span", order: later[1], months: 12 },
  ];
  const tables = analysis.comparable
    ? [
        aggregatedTable(source, `${source}: crime by group`, "Crime group", periods, [
          ...summary.byGroup.map((g) => ({ label: g.group, values: g.values })),
          { label: "All crime", values: summary.allCrime, aggregate: true },
        ]),
      ]
    : extractTables(analysis);
  if (analysis.comparable && summary.byWard.length > 0) {
    tables.push(
      aggregatedTable(
        source,
        crimeByWardTitle(source),
        "Ward",
        periods,
        summary.byWard.map((w) => ({ label: w.name, values: w.values })),
      ),
    );
  }
  if (analysis.comparable && summary.domesticAbuse) {
    const wards = summary.byWard.filter((w) => w.domesticAbuse && w.domesticAbuse[0] + w.domesticAbuse[1] > 0);
    if (wards.length > 0)
      tables.push(
        aggregatedTable(
          source,
          `${source}: domestic abuse by ward`,
          "Ward",
          periods,
          wards.map((w) => ({ label: w.name, values: w.domesticAbuse ?? [0, 0] })),
        ),
      );
  }
  if (analysis.comparable && summary.antisocialBehaviour) {
    const wards = summary.byWard.filter(
      (w) => w.antisocialBehaviour && w.antisocialBehaviour[0] + w.antisocialBehaviour[1] > 0,
    );
    tables.push(
      aggregatedTable(source, `${source}: anti-social behaviour by ward`, "Ward", periods, [
        ...wards.map((w) => ({ label: w.name, values: w.antisocialBehaviour ?? [0, 0] })),
        { label: "All anti-social behaviour", values: summary.antisocialBehaviour, aggregate: true },
      ]),
    );
  }
  tables.push(...interventionTables(analysis));
  return tables;
}

/**
 * An extract's interventions as tables: one per ward (before and after, by group), said of its
 * place, and one of all crime by ward (a map layer) for an evaluation of three wards or more.
 */
function interventionTables(analysis: IncidentAnalysis): DiscoveredTable[] {
  const { source } = analysis;
  const tables: DiscoveredTable[] = [];
  for (const impact of analysis.interventions) {
    // Not whole years: the order only has to put "before" first.
    const span: Period[] = impact.periods.map((label, i) => ({ label, kind: "span", order: i, months: 0 }));
    for (const ward of impact.wards) {
      const comparison = ward.role !== "intervention";
      tables.push({
        ...aggregatedTable(
          source,
          interventionTableTitle(impact.name, ward),
          "Crime group",
          span,
          ward.rows.map((r) => ({ label: r.group, values: [r.before, r.after], aggregate: r.aggregate })),
        ),
        place: {
          name: ward.ward,
          role: comparison
            ? `a comparison ward for ${teamWords(impact.name)}`
            : `the intervention ward of ${teamWords(impact.name)}`,
          comparison,
        },
      });
    }
    if (impact.wards.length >= 3) {
      tables.push({
        ...aggregatedTable(
          source,
          `${impact.name}: all crime by ward`,
          "Ward",
          span,
          impact.wards.map((w) => ({ label: w.ward, values: [w.rows[0].before, w.rows[0].after] })),
        ),
        evaluation: true,
      });
    }
  }
  return tables;
}
