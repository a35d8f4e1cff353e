import { sheetCellRef } from "../src/model";
import type { TableResult } from "../src/core/compute/tableResult";
import type { TableRow } from "../src/core/tables/table";
import { countOf } from "../src/core/format/formatNumbers";
import { type Finding, finding } from "../src/core/findings";
import { saysWards } from "../src/core/tables/wardTables";
import type { WardBoundaries } from "./boundaries";
import { emergingHotspots } from "./emergingHotspots";
import { type WardMatch, WardMatcher } from "./wardMatch";
import type { LayerInput, PeriodCounts } from "./wardLayerInput";

// A ward table's layer: which tables are of wards, each row's ward (by code, name or spelling,
// each doubt a finding), and the counts of its newest period and of every period.

// Labels looked up exactly before a table is taken for a ward table, and the share of them that
// must name a ward: spelling tolerance (edit distances against every ward) runs only on tables
// that pass. On a large workbook with no ward tables, fuzzy matching every label of every table
// took two fifths of the run.
const SAMPLE = 24;
const EXACT_SHARE = 0.25;

/** A ward-table row's ward: by its code where it gives one the boundaries know, else by its name. */
function matchRow(row: TableRow, matcher: WardMatcher): { match: WardMatch; byNameNotCode: boolean } {
  if (row.code) {
    const byCode = matcher.match(row.code);
    if (byCode.kind === "matched") return { match: byCode, byNameNotCode: false };
  }
  return { match: matcher.match(row.label), byNameNotCode: row.code !== undefined };
}

/** True when most data rows of a table are wards (so it is a ward table). */
function wardRows(result: TableResult, matcher: WardMatcher): boolean {
  const rows = result.table.rows.filter((r) => !r.aggregate);
  if (rows.length < 3) return false;
  const step = Math.max(1, Math.floor(rows.length / SAMPLE));
  let sampled = 0;
  let exact = 0;
  for (let i = 0; i < rows.length && sampled < SAMPLE; i += step, sampled += 1)
    if ((rows[i].code && matcher.exactly(rows[i].code as string) !== null) || matcher.exactly(rows[i].label) !== null)
      exact += 1;
  if (exact / sampled < EXACT_SHARE) return false;
  const matched = rows.filter((r) => matchRow(r, matcher).match.kind === "matched").length;
  return matched / rows.length >= 0.6;
}

/**
 * The one warning for a table of wards whose wards the boundaries do not hold (another borough's
 * boundaries, or none of its names): "Crime by ward: 19 ward names, 0 in the boundaries given
 * (26 wards)". Null when most of its wards are the boundaries' (a table too short to map).
 */
function unmatchedWardTable(result: TableResult, matcher: WardMatcher, wards: number): Finding | null {
  const rows = result.table.rows.filter((r) => !r.aggregate);
  const matched = rows.filter((r) => matchRow(r, matcher).match.kind === "matched").length;
  // Too short a table to map, but of these wards: nothing to warn of.
  if (rows.length === 0 || matched / rows.length >= 0.6) return null;
  const { title, range } = result.table;
  const name = title ? (title.split(" – ").pop() as string) : `the table ${range}`;
  return finding(
    result.table.sheet,
    "",
    "warning",
    "ward-table-unmatched",
    `${name}: ${countOf(rows.length, "ward name")}, ${matched} in the boundaries given (${countOf(wards, "ward")}); it is left off the map`,
  );
}

/** A finding for a row whose label is no ward of the boundaries, or read as one by its spelling; null when exact. */
function rowFinding(row: TableRow, match: WardMatch, sheet: string, boundaries: WardBoundaries): Finding | null {
  const cell = sheetCellRef(sheet, row.labelCell.row, row.labelCell.column);
  if (match.kind !== "matched") {
    const near = match.candidates.map((c) => `${c.name} (${Math.round(c.similarity * 100)}%)`).join(", ");
    return finding(
      sheet,
      cell,
      "warning",
      match.kind === "ambiguous" ? "ward-ambiguous" : "ward-unmatched",
      `"${row.label}" is not a ward of these boundaries${match.kind === "ambiguous" ? " (two wards are equally close)" : ""}; closest: ${near}. It is left off the map`,
    );
  }
  if (match.how !== "spelling") return null;
  return finding(
    sheet,
    cell,
    "info",
    "ward-spelling",
    `"${row.label}" read as ward ${boundaries.wards[match.ward].name} (${Math.round(match.similarity * 100)}% alike)`,
  );
}

/**
 * The counts given for a table by title (an extract's months), by period and ward aligned with
 * the boundaries; null when there are none or fewer than four periods.
 */
function periodsByWard(
  given: PeriodCounts | undefined,
  matcher: WardMatcher,
  wards: number,
): { periods: readonly string[]; byPeriod: number[][] } | null {
  if (!given || given.periods.length < 4) return null;
  const byPeriod = given.periods.map(() => new Array<number>(wards).fill(0));
  for (const ward of given.wards) {
    const m = matcher.match(ward.name);
    if (m.kind === "matched") ward.counts.forEach((c, p) => (byPeriod[p][m.ward] += c));
  }
  return { periods: given.periods, byPeriod };
}

/**
 * The layer of a table whose rows are wards (its newest period; emerging hotspots over four
 * periods or more), or null for a table of anything else. Rows that name no ward, and a table of
 * wards the boundaries do not hold, are findings.
 */
export function wardTableLayer(
  result: TableResult,
  matcher: WardMatcher,
  boundaries: WardBoundaries,
  findings: Finding[],
  periodCounts: readonly PeriodCounts[],
): LayerInput | null {
  if (!wardRows(result, matcher)) {
    const unmatched = saysWards(result.table) ? unmatchedWardTable(result, matcher, boundaries.wards.length) : null;
    if (unmatched) findings.push(unmatched);
    return null;
  }
  const { table } = result;
  let byName = 0;
  const last = table.columns.length - 1;
  const wards = boundaries.wards.length;
  const counts = new Array<number>(wards).fill(0);
  const periods = table.columns.length >= 4 ? table.columns.length : 0;
  const byPeriod = Array.from({ length: periods }, () => new Array<number>(wards).fill(0));
  const seen = new Set<number>();
  table.rows.forEach((row, r) => {
    if (row.aggregate) return;
    const { match: m, byNameNotCode } = matchRow(row, matcher);
    const doubt = rowFinding(row, m, table.sheet, boundaries);
    if (doubt) findings.push(doubt);
    if (m.kind !== "matched") return;
    if (byNameNotCode) byName += 1;
    result.rows[r].values.forEach((v, p) => {
      if (p < periods && v !== null) byPeriod[p][m.ward] += v;
    });
    const value = result.rows[r].values[last];
    if (value !== null) {
      counts[m.ward] += value;
      seen.add(m.ward);
    }
  });
  if (byName > 0)
    findings.push(
      finding(
        table.sheet,
        "",
        "info",
        "ward-codes-differ",
        `${table.title ?? table.sheet} uses other ward codes than the boundaries (another vintage of wards); ${byName} of ${table.rows.filter((r) => !r.aggregate).length} matched by name`,
      ),
    );
  const trend =
    periods > 0
      ? { periods: table.columns.map((c) => c.header), byPeriod }
      : periodsByWard(
          periodCounts.find((p) => p.title === table.title),
          matcher,
          wards,
        );
  const noData = boundaries.wards.map((_, i) => i).filter((i) => !seen.has(i));
  return {
    id: `${table.sheet}|${table.range}|${table.title ?? ""}`,
    // The table's own title line, not a sheet banner above it ("ILLUSTRATIVE DATA ... – Domestic abuse by ward").
    title: (table.title ?? table.sheet).split(" – ").pop() as string,
    sheet: table.sheet,
    period: table.columns[last].header,
    source: "ward table",
    counts,
    noData,
    points: [],
    outside: 0,
    emerging: trend
      ? { periods: trend.periods, wards: emergingHotspots(trend.byPeriod, boundaries.neighbours, noData) }
      : null,
  };
}
