import { sheetCellRef } from "../../model";
import type { TableResult } from "../compute/tableResult";
import { type Finding, finding, sortFindings } from "../findings";
import { formatCount, formatPercent } from "../format/formatNumbers";
import type { ParsedCell, ParsedNumber } from "../parse/parseNumber";
import { isGrandTotalLabel } from "../tables/labels";

const halfUnit = (decimals: number): number => 0.5 * 10 ** -decimals + 1e-9;
// Worked out once: every stated value of a large table is checked.
const TOLERANCES = Array.from({ length: 16 }, (_, d) => halfUnit(d));

/** Half a unit in the last place the analyst wrote: a stated 19% stands for 18.5%..19.5%. */
function tolerance(decimals: number): number {
  return TOLERANCES[decimals] ?? halfUnit(decimals);
}

const isNumber = (p: ParsedCell): p is ParsedNumber => p.kind === "number";

/**
 * Recomputes every derived column and aggregate row the analyst typed and reports each
 * mismatch with its cell, the stated value and the computed one. Rounding-aware: a value is
 * right when it equals the computed one to the precision it is written with.
 *
 * @example
 * auditTable(computeTable(discoverTables({ name: "S", top: 0, left: 0, values: [["Type", "2019", "2020"], ["A", 1, 2], ["B", 3, 4], ["Total", 4, 7]] })[0]))[0].message //= "S!C4: Total (2020) states 7 but the 2 rows it totals sum to 6"
 */
export function auditTable(result: TableResult): Finding[] {
  const findings: Finding[] = [];
  auditTotals(result, findings);
  auditDerived(result, findings);
  return findings;
}

/**
 * Aggregate rows against the data rows they total. A published table of areas (codes beside
 * names): its country and region rows are the publisher's own subtotals of a hierarchy the rows
 * do not spell out (forces within regions, British Transport Police beside them), so they are
 * not re-added.
 */
function auditTotals(result: TableResult, findings: Finding[]): void {
  const { table } = result;
  const sheet = table.sheet;
  const published = table.rows.some((r) => r.code !== undefined);
  table.rows.forEach((row, i) => {
    if (!row.aggregate || row.computed || published) return;
    const members = aggregateMembers(result, i);
    table.columns.forEach((column, c) => {
      const stated = row.values[c];
      // Rates and percentages do not add up.
      if (!isNumber(stated) || (column.unit && column.nonCount)) return;
      const parts = members.map((m) => table.rows[m].values[c]);
      const present = parts.filter(isNumber).map((p) => p.value);
      const sum = present.reduce((a, b) => a + b, 0);
      if (!Number.isFinite(sum)) return;
      const at = (): string => sheetCellRef(sheet, row.valueCells[c].row, row.valueCells[c].column);
      const matches = Math.abs(stated.value - sum) <= tolerance(stated.decimals);
      if (present.length < parts.length) {
        if (!matches) {
          findings.push(
            finding(
              sheet,
              at(),
              "info",
              "total-unverifiable",
              `${row.label} (${column.header}) states ${formatCount(stated.value)}; the rows that are present sum to ${formatCount(sum)}, but ${parts.length - present.length} are missing, so it cannot be checked`,
              stated.value,
              sum,
            ),
          );
        }
        return;
      }
      if (!matches) {
        findings.push(
          finding(
            sheet,
            at(),
            "error",
            "total-mismatch",
            `${row.label} (${column.header}) states ${formatCount(stated.value)} but the ${members.length} rows it totals sum to ${formatCount(sum)}`,
            stated.value,
            sum,
          ),
        );
      }
    });
  });
}

/** Derived columns (difference, % change) against the newest two periods. */
function auditDerived(result: TableResult, findings: Finding[]): void {
  const { table } = result;
  const sheet = table.sheet;
  const last = table.columns.length - 1;
  if (table.kind !== "categories" && last >= 1) {
    table.derived.forEach((column, d) => {
      const percentAsPoints = column.role === "pctChange" ? pointsInterpretation(result, d) : false;
      table.rows.forEach((row, i) => {
        const stated = row.derived[d];
        if (!isNumber(stated)) return;
        const computed = result.rows[i];
        const previous = computed.values[last - 1];
        const latest = computed.values[last];
        if (previous === null || latest === null) return;
        // Addresses and wording are built only for a mismatch: most rows agree.
        const at = (): string => sheetCellRef(sheet, row.derivedCells[d].row, row.derivedCells[d].column);
        const sum = (): string => `${formatCount(latest)} - ${formatCount(previous)}`;
        if (column.role === "difference") {
          if (computed.change !== null && Math.abs(stated.value - computed.change) > tolerance(stated.decimals)) {
            findings.push(
              finding(
                sheet,
                at(),
                "error",
                "difference-mismatch",
                `${row.label}: stated ${column.header.toLowerCase()} ${formatCount(stated.value)} but ${sum()} = ${formatCount(computed.change)}`,
                stated.value,
                computed.change,
              ),
            );
          }
          return;
        }
        const statedFraction = stated.isPercent || !percentAsPoints ? stated.value : stated.value / 100;
        const shown = (): string =>
          stated.isPercent
            ? `${formatCount(stated.value * 100)}%`
            : percentAsPoints
              ? `${formatCount(stated.value)}%`
              : formatCount(stated.value);
        if (computed.pctChange === null) {
          findings.push(
            finding(
              sheet,
              at(),
              "warning",
              "pct-change-undefined",
              `${row.label}: states a % change of ${shown()} but the earlier value is ${formatCount(previous)}, so no % change exists`,
              stated.value,
              null,
            ),
          );
          return;
        }
        const tol = tolerance(stated.decimals) / (stated.isPercent || percentAsPoints ? 100 : 1);
        if (Math.abs(statedFraction - computed.pctChange) > tol) {
          findings.push(
            finding(
              sheet,
              at(),
              "error",
              "pct-change-mismatch",
              `${row.label}: stated ${shown()} but (${sum()}) / ${formatCount(previous)} = ${formatPercent(computed.pctChange)}`,
              statedFraction,
              computed.pctChange,
            ),
          );
        }
      });
    });
  }
}

/** The data rows an aggregate row totals: its section, or every data row for a grand total. */
function aggregateMembers(result: TableResult, index: number): number[] {
  const rows = result.table.rows;
  const isData = (i: number): boolean => !rows[i].aggregate;
  const all = rows.map((_, i) => i).filter(isData);
  const earlierAggregates = rows.slice(0, index).some((r) => r.aggregate);
  if (isGrandTotalLabel(rows[index].label) || (earlierAggregates && index === rows.length - 1)) return all;
  const above: number[] = [];
  for (let i = index - 1; i >= 0 && isData(i); i -= 1) above.push(i);
  if (above.length > 0) return above.reverse(); // gathered upwards, returned in row order
  const below: number[] = [];
  for (let i = index + 1; i < rows.length && isData(i); i += 1) below.push(i);
  return below;
}

/**
 * A % column of plain numbers (no % sign or format) may hold fractions (0.29) or points (29);
 * take whichever reading agrees with more rows of the column.
 */
function pointsInterpretation(result: TableResult, d: number): boolean {
  const last = result.table.columns.length - 1;
  let fractions = 0;
  let points = 0;
  result.table.rows.forEach((row, i) => {
    const stated = row.derived[d];
    const computed = result.rows[i].pctChange;
    if (!isNumber(stated) || stated.isPercent || computed === null || result.rows[i].values[last] === null) return;
    if (Math.abs(stated.value - computed) <= tolerance(stated.decimals)) fractions += 1;
    if (Math.abs(stated.value / 100 - computed) <= tolerance(stated.decimals) / 100) points += 1;
  });
  return points > fractions;
}

/**
 * A computed table with its audit, as a new result: its findings are the table's own and the
 * audit's, errors first. Tables the analyst typed are audited; tables built from counts are not.
 */
export function auditedTable(result: TableResult): TableResult {
  return { ...result, findings: sortFindings([...result.findings, ...auditTable(result)]) };
}
