import { cellText, isEmptyCell } from "../../model/cellValue";
import { sheetCellRef } from "../../model/cellRef";
import { type Finding, finding } from "../findings";
import { parseNumberCell } from "../parse/parseNumber";
import { parsePeriod } from "../parse/parsePeriod";
import { type BlockCell, type Matrix, formatAt, range, valueAt } from "./blockMatrix";
import { withoutFootnotes } from "./footnotes";
import { isCountUnit, namedColumn, repeatedNames } from "./headerRows";
import { headerRole } from "./labels";
import type { DerivedColumn, ValueColumn } from "./table";

// The role of each column under a block's header: a period, a derived column (difference or
// % change), a category of counts, or neither (comments, coordinates, words).

/** What rows above and below the header say of each matrix column: its group and its unit. */
export interface HeaderExtras {
  readonly groups: readonly string[] | null;
  readonly units: readonly string[] | null;
}

/** A column of values or of a derived figure, with its matrix column. */
export type Indexed<T> = T & { readonly index: number };

/** The columns of a table: its values (periods, or categories where it has no periods) and its derived columns. */
export interface ColumnRoles {
  readonly columns: Indexed<ValueColumn>[];
  readonly derived: Indexed<DerivedColumn>[];
  readonly isPeriodTable: boolean;
}

/**
 * Each column's role from its header (its name, the group over it, its unit) and what its body
 * holds; a table of periods has them in order, the order's doubts as findings. Null when no
 * column holds values.
 */
export function columnRoles(
  sheet: string,
  m: Matrix,
  header: readonly BlockCell[],
  nearTitle: string | null,
  extras: HeaderExtras,
  findings: Finding[],
): ColumnRoles | null {
  const bodyRows = range(1, m.lines.length - 1);
  let columns: Indexed<ValueColumn>[] = [];
  const derived: Indexed<DerivedColumn>[] = [];
  const categories: Indexed<ValueColumn>[] = [];

  const names = header.map((cell) => withoutFootnotes(cellText(cell.value)));
  const repeated = repeatedNames(names);
  for (let j = 1; j < header.length; j += 1) {
    const cell = header[j];
    // A spacer column, named only by the group it stands under, holds nothing.
    if (names[j] === "" && bodyRows.every((i) => isEmptyCell(valueAt(m, i, j)))) continue;
    const group = extras.groups?.[j] || null;
    const unit = extras.units?.[j] || null;
    const named = namedColumn(names[j], group, unit, repeated);
    const text = named.header;
    const period = parsePeriod(typeof cell.value === "string" || group ? text : cell.value);
    const at = { row: cell.row, column: cell.column };
    const described = { ...(unit ? { unit } : {}), ...(group ? { group } : {}) };
    if (period) {
      columns.push({
        header: period.label,
        headerCell: at,
        period,
        nonCount: unit !== null && !isCountUnit(unit),
        index: j,
        ...described,
      });
      continue;
    }
    const role = headerRole(text);
    if (role === "difference" || role === "pctChange") {
      derived.push({ header: text, role, headerCell: at, index: j });
      continue;
    }
    if (role === "comment" || role === "coordinate") continue;
    const parsed = bodyRows.map((i) => parseNumberCell(valueAt(m, i, j), formatAt(m, i, j)));
    const numbers = parsed.filter((p) => p.kind === "number").length;
    const words = parsed.filter((p) => p.kind === "missing" && p.reason === "text").length;
    const filled = bodyRows.filter((i) => !isEmptyCell(valueAt(m, i, j))).length;
    // A headed column of numbers and suppressed markers is data even when every value is
    // suppressed; an unheaded one needs at least one number.
    const headed = text !== "";
    if ((numbers >= 1 || headed) && words * 2 <= filled && (filled > 0 || headed)) {
      categories.push({
        header: text || `Column ${j + 1}`,
        headerCell: at,
        period: null,
        nonCount: named.nonCount,
        index: j,
        ...described,
      });
    }
  }

  // "Location | Count" under a title row "October-17 to September-18": the title is the period.
  if (columns.length === 0 && categories.length === 1 && nearTitle) {
    const period = parsePeriod(nearTitle);
    if (period) columns = [{ ...categories[0], header: period.label, period }];
  }
  const isPeriodTable = columns.length > 0;
  if (!isPeriodTable) columns = categories;
  if (columns.length === 0) return null;
  return { columns: isPeriodTable ? periodOrder(sheet, header, columns, findings) : columns, derived, isPeriodTable };
}

/** Periods in order, unless relative periods (Last year) stand beside dated ones; a period given twice is a finding. */
function periodOrder(
  sheet: string,
  header: readonly BlockCell[],
  given: Indexed<ValueColumn>[],
  findings: Finding[],
): Indexed<ValueColumn>[] {
  let columns = given;
  const kinds = new Set(columns.map((c) => (c.period?.kind === "relative" ? "relative" : "dated")));
  if (kinds.size > 1) {
    findings.push(
      finding(
        sheet,
        sheetCellRef(sheet, header[0].row, header[0].column),
        "warning",
        "unordered-periods",
        "mixes relative periods (Last year / This year) with dated ones, so the columns are kept in sheet order",
      ),
    );
  } else {
    columns = [...columns].sort((a, b) => (a.period?.order ?? 0) - (b.period?.order ?? 0));
  }
  for (let i = 1; i < columns.length; i += 1) {
    if (columns[i].period?.order === columns[i - 1].period?.order && kinds.size === 1) {
      findings.push(
        finding(
          sheet,
          sheetCellRef(sheet, columns[i].headerCell.row, columns[i].headerCell.column),
          "warning",
          "duplicate-period",
          `period "${columns[i].header}" appears twice in one table`,
        ),
      );
    }
  }
  return columns;
}
