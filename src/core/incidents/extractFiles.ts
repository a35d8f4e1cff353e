import { type ExtractFileRows, type ExtractSink, cellText } from "../../model";
import { IncidentAggregator } from "./incidentAggregator";
import type { RecordLocator } from "./incidentCounts";
import { type RecordColumns, findRecordColumns } from "./recordColumns";

/** What a file of a police.uk download is, from its name (`2022-01/2022-01-kent-street.csv`). */
export interface ExtractFileName {
  readonly kind: "street" | "outcomes" | "stop-and-search" | "other";
  /** `2022-01`, and the force as the name writes it (`kent`), when the name follows police.uk's. */
  readonly month: string | null;
  readonly force: string | null;
}

/** Rows looked at for a header before a file is taken not to be records. */
const HEADER_ROWS = 10;

// police.uk names every file of a download YYYY-MM-<force>-<street|outcomes|stop-and-search>.csv.
const POLICE_UK_NAME = /(?:^|[\\/])(\d{4}-\d{2})-([a-z0-9-]+?)-(street|outcomes|stop-and-search)\.csv$/i;

/**
 * Reads a file's name as police.uk names the files of a download.
 *
 * @example
 * extractFileName("2019-10-kent-street.csv") //= { kind: "street", month: "2019-10", force: "kent" }
 */
export function extractFileName(name: string): ExtractFileName {
  const m = POLICE_UK_NAME.exec(name);
  if (!m) return { kind: "other", month: null, force: null };
  return { kind: m[3].toLowerCase() as ExtractFileName["kind"], month: m[1], force: m[2].toLowerCase() };
}

/** A file that was not read, and why. */
export interface SkippedFile {
  readonly name: string;
  readonly reason: string;
}

/** The files an extract was read from. */
export interface ExtractFiles {
  readonly read: readonly { readonly name: string; readonly records: number }[];
  readonly skipped: readonly SkippedFile[];
}

/**
 * Reads the files of one extract into one aggregator: a single CSV, several monthly files, a
 * folder or a police.uk download. Each file has its own header row, so columns may stand in
 * any order. Outcomes and stop-and-search files are skipped by name; a month of a force given
 * twice (by name, or a police.uk file whose first record's month and force were already read)
 * is skipped and reported, so it is counted once.
 */
export class ExtractCollector implements ExtractSink {
  private aggregator: IncidentAggregator | null = null;
  private readonly read: { name: string; records: number }[] = [];
  private readonly skipped: SkippedFile[] = [];
  private readonly monthsByName = new Map<string, string>();
  private readonly monthsByContent = new Map<string, string>();

  constructor(
    private readonly mapping: ReadonlyMap<string, string> = new Map(),
    private readonly locator: RecordLocator | null = null,
  ) {}

  skip(name: string, reason: string): void {
    this.skipped.push({ name, reason });
  }

  file(name: string): ExtractFileRows | null {
    const parsed = extractFileName(name);
    if (parsed.kind === "outcomes" || parsed.kind === "stop-and-search") {
      this.skip(name, `a police.uk ${parsed.kind} file, not street-level crime`);
      return null;
    }
    if (parsed.month && parsed.force) {
      const key = `${parsed.month} ${parsed.force}`;
      const earlier = this.monthsByName.get(key);
      if (earlier) {
        this.skip(name, `${parsed.month} of ${parsed.force} was given twice (also ${earlier}): counted once`);
        return null;
      }
      this.monthsByName.set(key, name);
    }
    return this.rows(name);
  }

  private rows(name: string): ExtractFileRows {
    let columns: RecordColumns | null = null;
    let records = 0;
    let state: "header" | "rows" | "skipped" = "header";
    let firstRow = true;
    let looked = 0;
    let firstSeen = "";
    return {
      row: (values, where) => {
        if (state === "skipped") return;
        if (state === "header") {
          if (values.every((v) => cellText(v) === "")) return;
          // The header may sit under a title line or two, as in a sheet: look a few rows down.
          columns = findRecordColumns(values);
          looked += 1;
          firstSeen ||= values
            .map((v) => cellText(v))
            .filter(Boolean)
            .slice(0, 6)
            .join(", ");
          if (!columns) {
            if (looked < HEADER_ROWS) return;
            state = "skipped";
            this.skip(
              name,
              `its first row (${firstSeen}) has no date or Month column and no category such as Crime type`,
            );
            return;
          }
          state = "rows";
          this.aggregatorFor(columns);
          return;
        }
        const c = columns as RecordColumns;
        if (firstRow && c.monthOnly && (c.fallsWithin ?? null) !== null) {
          // police.uk files hold one month of one force: the first record says which.
          firstRow = false;
          const key = `${cellText(values[c.date] ?? null)} ${cellText(values[c.fallsWithin as number] ?? null)}`;
          const earlier = this.monthsByContent.get(key);
          if (earlier) {
            state = "skipped";
            this.skip(name, `its records (${key}) were already read from ${earlier}: counted once`);
            return;
          }
          this.monthsByContent.set(key, name);
        }
        firstRow = false;
        records += 1;
        (this.aggregator as IncidentAggregator).add(values, where);
      },
      end: () => {
        if (state === "header" && looked === 0) this.skip(name, "empty: no header row");
        else if (state === "header")
          this.skip(
            name,
            `its first row (${firstSeen}) has no date or Month column and no category such as Crime type`,
          );
        else if (state === "rows") this.read.push({ name, records });
      },
    };
  }

  private aggregatorFor(columns: RecordColumns): void {
    if (this.aggregator) this.aggregator.useColumns(columns);
    else this.aggregator = new IncidentAggregator(columns, this.mapping, this.locator);
  }

  /** The files read and skipped. */
  files(): ExtractFiles {
    return { read: [...this.read], skipped: [...this.skipped] };
  }

  /** The aggregator holding every record read, or null when no file had record-level columns. */
  result(): IncidentAggregator | null {
    return this.aggregator;
  }
}
