import { countOf, formatCount, formatPercent, formatSignedCount } from "../format/formatNumbers";
import { rankIntervalSentence, rankWords } from "../format/rankWords";
import { rankInterval } from "../stats/rankInterval";
import { type FunnelLimits, funnelLimits } from "../stats/poissonLimits";
import { isoMonth, monthWords, monthsWords } from "./extractSummary";
import type { ForceWideCounts, LsoaMonth } from "./lsoaTally";
import { areaKey } from "../areaName";
import type { AreaStanding } from "../compute/tableResult";
import { districtChangesSentence, districtNow } from "./districtChanges";

/** A district's crimes in the picture's months (anti-social behaviour apart), with the same months a year earlier when the extract has them. */
export interface DistrictRow {
  readonly name: string;
  readonly code?: string;
  readonly count: number;
  /** Its anti-social behaviour incidents in those months (police.uk's records apart from crimes). */
  readonly antisocialBehaviour: number;
  /** The old districts police.uk's LSOA names gave it by (Shepway for Folkestone and Hythe), when renamed or merged since. */
  readonly was?: readonly string[];
  /** The crimes of the months compared with a year earlier, when those are fewer than the months pictured. */
  readonly compared?: number;
  readonly previous?: number;
  readonly change?: number;
  readonly pctChange?: number | null;
  readonly population?: number;
  readonly ratePer1000?: number;
  /** The districts outside the force, grouped: each under 1% of the force's records. */
  readonly outside?: { readonly districts: number };
}

/** Where the home area stands among the force's districts. */
export interface DistrictStanding extends AreaStanding {
  readonly name: string;
  /** Its crimes and anti-social behaviour incidents in the months pictured, by its LSOAs. */
  readonly crime: number;
  readonly antisocialBehaviour: number;
  /** Those figures in words beside the force's: what an extract's summary leads with. */
  readonly figures: string;
  readonly rankInterval: readonly [number, number];
  /** The home area's rate against the districts', with exact Poisson limits; null without populations. */
  readonly funnel: (FunnelLimits & { readonly withoutPopulation: readonly string[] }) | null;
}

/** The force's districts from a force-wide download (police.uk), as the seed sets a borough among them. */
export interface DistrictPicture {
  /** The force as the download names it (`Kent Police`), and its area (`Kent`). */
  readonly force: string;
  readonly forceArea: string;
  readonly months: { readonly from: string; readonly to: string; readonly count: number };
  /**
   * The months pictured that have the same month a year earlier in the download (all of them
   * for a download of two years; the last of 13 months), and those year-earlier months; null
   * when none has.
   */
  readonly comparedMonths: { readonly from: string; readonly to: string; readonly count: number } | null;
  readonly previousMonths: { readonly from: string; readonly to: string } | null;
  /** The force's crimes in those months, every district's (outside included). */
  readonly total: number;
  /** The force's anti-social behaviour incidents in those months. */
  readonly antisocialBehaviour: number;
  /** The force's crimes in the months compared, and in the same months a year earlier. */
  readonly comparedTotal: number | null;
  readonly previousTotal: number | null;
  /** The force's districts, most crimes first, then those outside the force grouped. */
  readonly districts: readonly DistrictRow[];
  /** Districts police.uk named by an old name, said once ("Shepway is Folkestone and Hythe since 2018"); null when none. */
  readonly renamed: string | null;
  readonly home: DistrictStanding | null;
}

/** How the picture is made: an LSOA lookup (else police.uk's LSOA names), district populations, the home area. */
export interface DistrictOptions {
  /** LSOA code → district, from an ONS lookup; police.uk's LSOA names are used without one. */
  readonly lsoaDistricts?: ReadonlyMap<string, { readonly name: string; readonly code: string | null }>;
  /** Residents by district, keyed by lower-case name and by code. */
  readonly populations?: ReadonlyMap<string, number>;
  readonly homeArea?: string | null;
}

/** police.uk names an LSOA by its district and a code: "Maidstone 014C". */
const LSOA_NAME = /^(.*\S)\s+\d{3}[A-Z]$/;
/** A district's share of the force's records under which it is another force's, at the edge. */
const OUTSIDE_SHARE = 0.01;
const MAX_MONTHS = 12;

/** The force's area as people say it: "Kent Police" → "Kent", "Avon and Somerset Constabulary" → "Avon and Somerset". */
export const forceArea = (force: string): string =>
  force.replace(/\s+(police(\s+service)?|constabulary|police force)$/i, "").trim() || force;

/**
 * The months pictured: the latest 12 (or all, when fewer); and of those, the ones whose month a
 * year earlier the download holds (`comparedFrom` to the last), which the change compares.
 */
function pictureMonths(own: readonly LsoaMonth[]) {
  let [first, last] = [Infinity, -Infinity];
  for (const c of own) [first, last] = [Math.min(first, c.month), Math.max(last, c.month)];
  const from = Math.max(first, last - MAX_MONTHS + 1);
  const comparedFrom = Math.max(from, first + MAX_MONTHS);
  return { first, from, last, length: last - from + 1, comparedFrom, hasPrevious: comparedFrom <= last };
}

type DistrictTally = Map<
  string,
  { code: string | null; was: Set<string>; count: number; asb: number; compared: number; previous: number }
>;

/** Each district's crimes in the months pictured and a year earlier, by each record's LSOA. */
function districtTally(
  own: readonly LsoaMonth[],
  months: ReturnType<typeof pictureMonths>,
  lsoaDistricts: DistrictOptions["lsoaDistricts"],
): DistrictTally {
  const { from, last, comparedFrom, hasPrevious } = months;
  // An ONS lookup names the district of the lookup's date; police.uk's LSOA names those of
  // their date, so a district renamed or merged since is put under its name now.
  const districtOf = (code: string, name: string): { name: string; code: string | null; was?: string } | null => {
    const looked = lsoaDistricts?.get(code);
    if (looked) return looked;
    const m = LSOA_NAME.exec(name.trim());
    if (!m) return null;
    const now = districtNow(m[1]);
    return now ? { name: now.now, code: null, was: now.old } : { name: m[1], code: null };
  };
  const tally: DistrictTally = new Map();
  for (const c of own) {
    const district = districtOf(c.lsoaCode, c.lsoaName);
    if (!district) continue;
    const row = tally.get(district.name) ?? {
      code: district.code,
      was: new Set<string>(),
      count: 0,
      asb: 0,
      compared: 0,
      previous: 0,
    };
    if (district.was) row.was.add(district.was);
    if (c.month >= from && c.month <= last) {
      row.count += c.crime;
      row.asb += c.antisocialBehaviour;
    }
    if (hasPrevious && c.month >= comparedFrom && c.month <= last) row.compared += c.crime;
    if (hasPrevious && c.month >= comparedFrom - MAX_MONTHS && c.month <= last - MAX_MONTHS) row.previous += c.crime;
    tally.set(district.name, row);
  }
  return tally;
}

/**
 * The districts' rows, most crimes first, with their change and rate; districts with under 1%
 * of the force's crimes are added up as outside it.
 */
function districtRows(
  tally: DistrictTally,
  total: number,
  compare: { readonly hasPrevious: boolean; readonly partial: boolean },
  populations: DistrictOptions["populations"],
): {
  rows: DistrictRow[];
  outside: { districts: number; count: number; asb: number; compared: number; previous: number };
} {
  const { hasPrevious, partial } = compare;
  const population = (name: string, code: string | null): number | undefined =>
    populations?.get(name.toLowerCase()) ?? (code ? populations?.get(code.toLowerCase()) : undefined);
  const rows: DistrictRow[] = [];
  const outside = { districts: 0, count: 0, asb: 0, compared: 0, previous: 0 };
  for (const [name, r] of tally) {
    if (r.count < total * OUTSIDE_SHARE) {
      outside.districts += 1;
      outside.count += r.count;
      outside.asb += r.asb;
      outside.compared += r.compared;
      outside.previous += r.previous;
      continue;
    }
    const people = population(name, r.code);
    rows.push({
      name,
      ...(r.code ? { code: r.code } : {}),
      count: r.count,
      antisocialBehaviour: r.asb,
      ...(r.was.size > 0 ? { was: [...r.was].sort() } : {}),
      ...(hasPrevious
        ? {
            ...(partial ? { compared: r.compared } : {}),
            previous: r.previous,
            change: r.compared - r.previous,
            pctChange: r.previous > 0 ? (r.compared - r.previous) / r.previous : null,
          }
        : {}),
      ...(people ? { population: people, ratePer1000: (r.count / people) * 1000 } : {}),
    });
  }
  rows.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
  return { rows, outside };
}

/**
 * The force's districts from every record of a force-wide download, by each record's LSOA (the
 * LSOA name without its code, as police.uk writes it, or an LSOA lookup): crimes only, over the
 * latest 12 months (or the whole download when shorter); the change compares those of the
 * months whose month a year earlier the download holds (all of them for two years' files, the
 * last month only of 13). Only the force with most records is pictured (a download may
 * hold British Transport Police's too). Null when the records have no LSOAs.
 */
export function districtPicture(counts: ForceWideCounts, options: DistrictOptions = {}): DistrictPicture | null {
  const byForce = new Map<string, number>();
  for (const c of counts.lsoaMonths) byForce.set(c.force, (byForce.get(c.force) ?? 0) + c.crime);
  const force = [...byForce].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (force === undefined) return null;
  const own = counts.lsoaMonths.filter((c) => c.force === force);
  const months = pictureMonths(own);
  const { from, last, length, comparedFrom, hasPrevious } = months;
  const partial = hasPrevious && comparedFrom > from;
  const tally = districtTally(own, months, options.lsoaDistricts);
  const sum = (pick: (r: { count: number; asb: number; compared: number; previous: number }) => number): number =>
    [...tally.values()].reduce((s, r) => s + pick(r), 0);
  const total = sum((r) => r.count);
  const { rows, outside } = districtRows(tally, total, { hasPrevious, partial }, options.populations);
  const area = forceArea(force);
  const picture = {
    force,
    forceArea: area,
    months: { from: isoMonth(from), to: isoMonth(last), count: length },
    comparedMonths: hasPrevious
      ? { from: isoMonth(comparedFrom), to: isoMonth(last), count: last - comparedFrom + 1 }
      : null,
    previousMonths: hasPrevious ? { from: isoMonth(comparedFrom - MAX_MONTHS), to: isoMonth(last - MAX_MONTHS) } : null,
    total,
    antisocialBehaviour: sum((r) => r.asb),
    comparedTotal: hasPrevious ? sum((r) => r.compared) : null,
    previousTotal: hasPrevious ? sum((r) => r.previous) : null,
  };
  const grouped: DistrictRow[] =
    outside.districts > 0
      ? [
          {
            name: `Outside ${area}`,
            count: outside.count,
            antisocialBehaviour: outside.asb,
            ...(hasPrevious ? { ...(partial ? { compared: outside.compared } : {}), previous: outside.previous } : {}),
            outside: { districts: outside.districts },
          },
        ]
      : [];
  return {
    ...picture,
    districts: [...rows, ...grouped],
    renamed: districtChangesSentence(rows.flatMap((r) => r.was ?? [])),
    home: options.homeArea
      ? standing(rows, options.homeArea, {
          ...picture,
          fromMonth: from,
          toMonth: last,
          comparedFrom: partial ? comparedFrom : null,
          first: months.first,
        })
      : null,
  };
}

/** The home area's rank among the districts, its interval, its funnel and the sentence that says them. */
function standing(
  rows: readonly DistrictRow[],
  homeArea: string,
  picture: {
    force: string;
    forceArea: string;
    total: number;
    antisocialBehaviour: number;
    comparedTotal: number | null;
    previousTotal: number | null;
    fromMonth: number;
    toMonth: number;
    /** The first month compared, when fewer months than those pictured have a year-earlier month. */
    comparedFrom: number | null;
    /** The download's first month. */
    first: number;
  },
): DistrictStanding | null {
  const wanted = areaKey(homeArea);
  // The home area as named now, by its code, or by the old name police.uk's LSOAs still give it.
  const index = rows.findIndex(
    (r) =>
      areaKey(r.name) === wanted ||
      (r.code !== undefined && r.code !== null && areaKey(r.code) === wanted) ||
      (r.was ?? []).some((old) => areaKey(old) === wanted),
  );
  if (index < 0 || rows.length < 2) return null;
  const home = rows[index];
  const of = rows.length;
  const rank = 1 + rows.filter((r) => r.count > home.count).length;
  const interval = rankInterval(
    rows.map((r) => r.count),
    index,
  );
  const { forceArea: area, total, comparedTotal, previousTotal, comparedFrom } = picture;
  let sentence = `${home.name} had the ${rankWords(rank, of).replace(/^the /, "")} number of crimes of the ${of} ${area} districts in ${monthsWords(picture.fromMonth, picture.toMonth)} (${formatCount(home.count)})`;
  if (home.pctChange != null && home.change !== undefined && previousTotal && comparedTotal !== null) {
    const change = `${home.change >= 0 ? "up" : "down"} ${formatPercent(Math.abs(home.pctChange))} (${formatSignedCount(home.change)})`;
    const force = `${formatPercent((comparedTotal - previousTotal) / previousTotal)} for ${area} as a whole`;
    // Fewer months than pictured have a year-earlier month: the change says which it compares, and why.
    sentence +=
      comparedFrom === null
        ? `, ${change} on the same months a year earlier, against ${force} (${formatCount(total)})`
        : `; ${monthsWords(comparedFrom, picture.toMonth)} against ${monthsWords(comparedFrom - 12, picture.toMonth - 12)} only (the download starts in ${monthWords(picture.first)}): ${change}, against ${force}`;
  } else {
    sentence += `, ${formatPercent(home.count / total)} of ${area}'s ${formatCount(total)}`;
  }
  // Rates against the districts' whose residents are known (a district renamed since police.uk
  // named its LSOAs, such as Shepway, may have none); those without are named.
  let funnel: (FunnelLimits & { readonly withoutPopulation: readonly string[] }) | null = null;
  const known = rows.filter((r) => r.population);
  if (home.population && known.length >= 2) {
    const people = known.reduce((sum, r) => sum + (r.population as number), 0);
    const crimes = known.reduce((sum, r) => sum + r.count, 0);
    const withoutPopulation = rows.filter((r) => !r.population).map((r) => r.name);
    funnel = { ...funnelLimits(home.count, home.population, (crimes / people) * 1000), withoutPopulation };
    const across = withoutPopulation.length > 0 ? `the districts but ${withoutPopulation.join(", ")}` : "the districts";
    sentence += `; ${formatCount(funnel.rate, 1)} crimes per 1,000 residents against ${formatCount(funnel.aggregateRate, 1)} across ${across}, ${funnelWords(funnel)}`;
  }
  sentence += `.${rankIntervalSentence(interval, of)}`;
  const figures = `${monthsWords(picture.fromMonth, picture.toMonth)}: ${countOf(home.count, "crime")} and ${countOf(home.antisocialBehaviour, "anti-social behaviour incident")} in ${home.name} (the records police.uk places in its LSOAs), of ${countOf(total, "crime")} and ${countOf(picture.antisocialBehaviour, "incident")} in ${picture.force}'s area as a whole.`;
  return {
    name: home.name,
    rank,
    of,
    rankInterval: interval,
    funnel,
    sentence,
    crime: home.count,
    antisocialBehaviour: home.antisocialBehaviour,
    figures,
  };
}

function funnelWords(funnel: FunnelLimits): string {
  switch (funnel.position) {
    case "within 95%":
      return "within what chance alone would give for its population (95% limits)";
    case "above 95%":
    case "below 95%":
      return `${funnel.position.startsWith("above") ? "above" : "below"} the 95% limits for its population but within the 99.8% limits`;
    default:
      return `${funnel.position.startsWith("above") ? "above" : "below"} the 99.8% limits for its population: unlikely to be chance alone`;
  }
}

/**
 * The districts' table as the report and the pane print it: crimes over the months pictured, and
 * where the download reaches back, the months compared, the same months a year earlier and the
 * change; `figure` words each number.
 */
export function districtTableRows(
  picture: DistrictPicture,
  figure: (n: number, decimals?: number) => string,
): { header: string[]; rows: string[][] } {
  const compared = picture.comparedMonths;
  const partial = compared !== null && compared.count < picture.months.count;
  const words = (m: { from: string; to: string }): string => (m.from === m.to ? m.from : `${m.from} to ${m.to}`);
  const header = [
    "District",
    "Crimes",
    ...(compared && picture.previousMonths
      ? [...(partial ? [words(compared)] : []), partial ? words(picture.previousMonths) : "A year earlier", "Change"]
      : []),
    "Per 1,000 residents",
  ];
  const rows = picture.districts.map((d) => [
    d.outside ? `${d.name} (${d.outside.districts} districts)` : d.name,
    figure(d.count),
    ...(compared
      ? [
          ...(partial ? [d.compared === undefined ? "–" : figure(d.compared)] : []),
          d.previous === undefined ? "–" : figure(d.previous),
          d.pctChange == null ? "–" : `${formatPercent(d.pctChange)} (${formatSignedCount(d.change ?? 0)})`,
        ]
      : []),
    d.ratePer1000 === undefined ? "–" : figure(d.ratePer1000, 1),
  ]);
  return { header, rows };
}
