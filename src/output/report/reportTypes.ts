import type { MapPicture } from "../../../geo";
import type { KeyFinding } from "../../core";

// The shapes of the draft report's content, apart from the modules that build it, so each
// builder can name them without importing the assembly.

/** A table as the report prints it: every figure already worded as the seed writes it. */
export interface ReportTable {
  readonly caption: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Said under the table: how to read it, or where it came from. */
  readonly note: string | null;
}

/** One section: its heading, then its words, key changes, tables, charts and maps, in that order. */
export interface ReportSection {
  readonly heading: string;
  readonly level: 1 | 2;
  readonly intro: string | null;
  /** Plain paragraphs (the summary's, the method's, placeholders for the analyst). */
  readonly paragraphs?: readonly string[];
  /** Bulleted sentences: the section's key changes. */
  readonly sentences: readonly string[];
  readonly tables: readonly ReportTable[];
  /** Charts drawn for the section (changes by crime type, months, the districts' funnel plot). */
  readonly figures?: readonly ReportFigure[];
  readonly maps?: readonly ReportMap[];
}

/** A picture of the report other than a map, drawn by the same rasteriser. */
export interface ReportFigure {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly caption: string;
}

/** A ward map of the report, drawn as the pane draws it, with ward numbers, scale bar and north arrow. */
export interface ReportMap {
  readonly caption: string;
  readonly picture: MapPicture;
}

/** Everything the draft report says, built only from the run's results: no figure is made up. */
export interface ReportContent {
  /** "Strategic Assessment 2020-21": the year after the data end. */
  readonly title: string;
  readonly partnership: string;
  /** The period the data cover, in words ("November 2018 to October 2019"). */
  readonly period: string | null;
  /** The document's date as dd/mm/yyyy, from `--date`; never the clock. */
  readonly date: string | null;
  readonly keyChanges: readonly KeyFinding[];
  /** The body, from the executive summary to the conclusions. */
  readonly sections: readonly ReportSection[];
  /** The appendices, each a section of its own. */
  readonly appendices: readonly ReportSection[];
}

/** Choices of a report. */
export interface ReportOptions {
  /** The document's date (dd/mm/yyyy); without it the title page gives the data's period only. */
  readonly date?: string | null;
  /** The partnership's name for the title page; else the workbook's Settings sheet, else from the home area. */
  readonly partnership?: string | null;
  /** The workbook's name, for the sources. */
  readonly source?: string;
}
