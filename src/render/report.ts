import type { Range } from '../types.js';

/** One column of a tabular view: how a record shows as text. */
export interface Column<R> {
  /** The column's name in TSV and CSV headers: the record's JSON name, the same in every language. */
  header: string;
  /** The heading people read (table, markdown, one record a block), in their language; default: header. */
  label?: string;
  value: (record: R) => string;
  /** A bar chart cell: value out of max, as wide as the table can spare (the bars give way before any text). */
  bar?: { value: (record: R) => number; max: number };
  /** Less important: left out of a terminal table that would otherwise wrap names or squeeze the text. */
  optional?: boolean;
  /** Long text that a terminal table wraps inside its cell. */
  wrap?: boolean;
  /** A list of names joined by this (、): a wrapped cell breaks between names where it can. */
  separator?: string;
  /** A wrapped column's share of the spare width (default 1; the task text takes 3). */
  weight?: number;
  align?: 'left' | 'right';
  /** Parts of the value to emphasise on a terminal (search matches). */
  ranges?: (record: R) => Range[];
  /** Emphasis for the whole cell on a terminal. */
  tone?: Tone;
  /** Only where people read (table, markdown, blocks: translated values, bars), or only in data (tsv, csv). */
  only?: 'table' | 'text';
}

export type Tone = 'bold' | 'dim' | 'accent';

/** A line of a terminal view that is not a table (the outline's tree). */
export interface Line {
  text: string;
  tone?: Tone;
  /** What the lines it wraps onto start with (a tree's `│  `); default: an indented line's indent and two more. */
  hang?: string;
}

/**
 * What a command answers, before it is rendered: the records scripts get (json, ndjson, yaml) and the
 * columns people and spreadsheets get (table, tsv, csv, markdown).
 */
export interface Report<R = unknown> {
  records: R[];
  columns: Column<R>[];
  /** The record as a script sees it; the field names are the contract of SPEC.md. */
  toJSON: (record: R) => unknown;
  /** Lines printed above a terminal table. */
  heading?: string[];
  /**
   * The line said under the heading when the tables show fewer records than there are (`shown` of `of`): a view
   * whose table shows only the first few (stats' pairs), or records cut by --limit. Without it, nothing is said
   * there (the command says a --limit cut on stderr).
   */
  cut?: (shown: number, of: number) => string;
  /** How many records there are in all, where `records` holds only the first of them (cut by --limit). */
  total?: number;
  /** On a terminal, one table per group, each under its title; other formats list `records` flat. */
  groups?: { title: string; records: R[]; columns?: Column<R>[] }[];
  /** On a terminal, these lines instead of a table. */
  lines?: (width: number) => Line[];
  /** On a terminal, one record a block at any width (a task in full), not a table. */
  blocks?: boolean;
  /** Said on stderr when there are no records (and the exit code is 1). */
  empty?: string;
  /**
   * Why this report, one of several asked at once, is not given (too large to count): people's formats say it in
   * its place under its heading, keyed data formats give null, and the command says it on stderr.
   */
  withheld?: string;
  /** The exit code when it has records, where not 0 (validate: the problems of an invalid plan, 3). */
  exitCode?: number;
}

/** The columns a format shows: people's formats leave out data-only ones, data formats people-only ones. */
export function columnsFor<R>(report: Report<R>, kind: 'table' | 'text'): Column<R>[] {
  return report.columns.filter((c) => c.only === undefined || c.only === kind);
}

/** The lines above a report's tables: its heading, and its `cut` line when the tables show fewer than there are. */
export function headingOf<R>(report: Report<R>): string[] {
  const shown = report.groups ? report.groups.reduce((n, g) => n + g.records.length, 0) : report.records.length;
  const of = report.total ?? report.records.length;
  return [...(report.heading ?? []), ...(report.cut && shown < of ? [report.cut(shown, of)] : [])];
}

/** The heading people read for a column. */
export const labelOf = <R>(column: Column<R>) => column.label ?? column.header;

export interface RenderOptions {
  color: boolean;
  /** Columns of the terminal a table must fit in. */
  width: number;
  /** TSV: a header line first (--header). */
  header?: boolean;
  /** CSV: a UTF-8 byte order mark first, for Excel (files and terminals, not pipes; --no-bom). */
  bom?: boolean;
}

/**
 * A report of whatever records, where one type must take several (the views of `plan stats`). Report<R> is
 * invariant in R (records go out, columns take them in), so no narrower type than any can hold them all.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyReport = Report<any>;

export type Renderer = <R>(report: Report<R>, options: RenderOptions) => string | Promise<string>;
