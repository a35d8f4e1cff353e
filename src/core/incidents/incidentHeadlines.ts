import { countOf, formatCount, formatPercent } from "../format/formatNumbers";
import { ANTISOCIAL_BEHAVIOUR } from "./crimeGroups";
import { isoMonthsWords } from "./extractSummary";
import type { Headline } from "../headlines/writeHeadlines";
import { WEEKDAYS } from "../calendar/namedDates";
import type { IncidentAnalysis } from "./incidentAnalysis";

/**
 * Where an extract's totals are from: the borough's wards when its records were placed in them;
 * else, for a force-wide download, the force's area named as the force's (its districts are
 * pictured apart); else the extract as a whole.
 */
function whereCounted(analysis: IncidentAnalysis): string {
  if (analysis.extract.placed) return "in the borough";
  const forces = analysis.extract.forces;
  // A download may hold another force's records too (British Transport Police's): then the totals are the download's.
  if (analysis.districts && forces.length === 1) return `in ${analysis.districts.force}'s area (the force as a whole)`;
  if (forces.length > 1) return `in the records of ${forces.map((f) => f.force).join(" and ")}`;
  return forces.length === 1 ? `in ${forces[0].force}'s records` : "in the extract";
}

/**
 * Sentences an extract adds beyond its tables' comparisons: domestic abuse's shares, the
 * busiest weekday and hour of the profiled category, and each named date that stands out.
 */
export function incidentHeadlines(analysis: IncidentAnalysis): Headline[] {
  const { summary, patterns, source } = analysis;
  const headlines: Headline[] = [];
  const add = (label: string, text: string, pValue: number | null = null, significant: boolean | null = null): void => {
    headlines.push({ sheet: source, table: `${source}: records`, label, text, pValue, significant });
  };
  const { extract } = analysis;
  // The home district among the force's districts leads an extract's findings, as a table of areas' standing does.
  // Without boundaries, its own figures (by its LSOAs) lead, beside the force's.
  const home = analysis.districts?.home;
  if (home) {
    const about = { sheet: source, table: `${source}: districts`, label: home.name, pValue: null, significant: null };
    if (!extract.placed) headlines.push({ ...about, text: home.figures, homeArea: true });
    headlines.push({ ...about, text: home.sentence, homeArea: true });
  }
  if (!analysis.comparable && extract.span && extract.counted > 0) {
    // Too short to compare years: say what the whole extract holds, the busiest ward and crime first.
    const span = isoMonthsWords(extract.span.from, extract.span.to);
    const asb = extract.months.reduce((sum, m) => sum + m.antisocialBehaviour, 0);
    const crime = extract.counted - asb;
    let text = `${span}: ${countOf(crime, "crime")}${asb > 0 ? ` and ${countOf(asb, "anti-social behaviour incident")}` : ""} ${whereCounted(analysis)}`;
    const ward = [...extract.byWard].sort((a, b) => b.crime - a.crime)[0];
    if (ward && crime > 0)
      text += `; ${ward.name} had the most crime (${formatCount(ward.crime)}, ${formatPercent(ward.crime / crime)})`;
    const category = extract.byCategory.find((c) => c.category.toLowerCase() !== ANTISOCIAL_BEHAVIOUR.toLowerCase());
    if (category && crime > 0)
      text += `, and ${category.category.toLowerCase()} was the commonest crime (${formatCount(category.count)}, ${formatPercent(category.count / crime)})`;
    add("Whole extract", `${text}.`);
  }
  if (analysis.comparable && summary.daShareAll !== null) {
    const violence =
      summary.daShareViolence === null ? "" : ` and ${formatPercent(summary.daShareViolence)} of violent crime`;
    add(
      "Domestic abuse share",
      `Domestic abuse was ${formatPercent(summary.daShareAll)} of all crime${violence} in ${summary.periods[1]}.`,
    );
  }
  if (patterns && patterns.total > 0) {
    const byWeekday = WEEKDAYS.map((_, w) => patterns.monthWeekday.reduce((s, m) => s + m[w], 0));
    const top = byWeekday.indexOf(Math.max(...byWeekday));
    let text = `${patterns.category} was most often recorded on ${WEEKDAYS[top]}s (${formatPercent(byWeekday[top] / patterns.total)} of ${patterns.from} – ${patterns.to})`;
    if (patterns.hourWeekday) {
      const byHour = patterns.hourWeekday.map((h) => h.reduce((a, b) => a + b, 0));
      const hour = byHour.indexOf(Math.max(...byHour));
      text += ` and most often between ${String(hour).padStart(2, "0")}:00 and ${String((hour + 1) % 24).padStart(2, "0")}:00`;
    }
    add("Busiest time", `${text}.`);
    for (const named of patterns.namedDates) {
      if (named.significant)
        headlines.push({
          sheet: source,
          table: `${source}: records`,
          label: named.name,
          text: `${patterns.category} on ${named.name}: ${named.wording}.`,
          pValue: named.pValue,
          significant: true,
          pattern: true,
        });
    }
  }
  return headlines;
}
