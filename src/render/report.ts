import type { Range } from '../types.js';

/** One column of a tabular view: how a record shows as text. */
export interface Column<R> {
  header: string;
  value: (record: R) => string;
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
  /** Only in a terminal table (bar charts), or only in tsv, csv and markdown (long names a table leaves out). */
  only?: 'table' | 'text';
}

export type Tone = 'bold' | 'dim' | 'accent';

/** A line of a terminal view that is not a table (the outline's tree). */
export interface Line {
  text: string;
  tone?: Tone;
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
  /** On a terminal, one table per group, each under its title; other formats list `records` flat. */
  groups?: { title: string; records: R[]; columns?: Column<R>[] }[];
  /** On a terminal, these lines instead of a table. */
  lines?: (width: number) => Line[];
  /** Said on stderr when there are no records (and the exit code is 1). */
  empty?: string;
}

/** The columns a format shows: a table leaves out text-only ones, text formats leave out table-only ones. */
export function columnsFor<R>(report: Report<R>, kind: 'table' | 'text'): Column<R>[] {
  return report.columns.filter((c) => c.only === undefined || c.only === kind);
}

export interface RenderOptions {
  color: boolean;
  /** Columns of the terminal a table must fit in. */
  width: number;
}

/**
 * A report of whatever records, where one type must take several (the views of `plan stats`). Report<R> is
 * invariant in R (records go out, columns take them in), so no narrower type than any can hold them all.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyReport = Report<any>;

export type Renderer = <R>(report: Report<R>, options: RenderOptions) => string | Promise<string>;
