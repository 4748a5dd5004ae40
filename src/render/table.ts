import { Chalk } from 'chalk';
import Table from 'cli-table3';
import tableUtils from 'cli-table3/src/utils.js';
import { columnsFor, type Column, type RenderOptions, type Report, type Tone } from './report.js';
import { neutralise } from './sanitize.js';
import { charWidth, displayWidth } from './width.js';
import { wrapText } from './wrap.js';

// cli-table3's Cell.draw truncates every cell to 10 columns for a debug message it throws away, and its
// truncate removes one character at a time, re-measuring the whole string: quadratic on long Chinese
// cells (upstream PR #362). This linear version gives the same result: the text cut to `width` columns.
const ANSI_TOKEN = /(\x1b\[[0-9;]*m)/;
tableUtils.truncate = (text: string, width: number, truncateChar = '…'): string => {
  if (displayWidth(text) <= width) return text;
  const budget = width - displayWidth(truncateChar);
  let out = '';
  let used = 0;
  for (const token of text.split(ANSI_TOKEN)) {
    if (ANSI_TOKEN.test(token)) {
      out += token;
      continue;
    }
    for (const char of token) {
      const w = charWidth(char.codePointAt(0)!);
      if (used + w > budget) return `${out}${truncateChar}${out.includes('\x1b') ? '\x1b[0m' : ''}`;
      used += w;
      out += char;
    }
  }
  return out;
};

/** cli-table3 puts one space each side of a cell and one border column between and around cells. */
const PADDING = 2;

/** The narrowest a column may get: one Chinese character. Long-text columns give way first, down to FLOOR. */
const MIN_WIDTH = 2;
const FLOOR = 8;

/**
 * Column widths (content only) that fit `width`: the widest long-text column gives up a column at a time
 * until the table fits; only when they are all down to FLOOR do the short columns wrap too.
 */
export function fitColumns(natural: number[], wrappable: boolean[], width: number): number[] {
  const widths = [...natural];
  let total = 1 + widths.reduce((sum, w) => sum + w + PADDING + 1, 0);
  const widest = (ok: (i: number) => boolean) => {
    let best = -1;
    widths.forEach((w, i) => {
      if (ok(i) && (best < 0 || w > widths[best]!)) best = i;
    });
    return best;
  };
  while (total > width) {
    let i = widest((j) => wrappable[j]! && widths[j]! > FLOOR);
    if (i < 0) i = widest((j) => widths[j]! > MIN_WIDTH);
    if (i < 0) break;
    widths[i]!--;
    total--;
  }
  return widths;
}

type Paint = (tone: Tone | undefined, text: string) => string;

function drawTable<R>(columns: Column<R>[], records: R[], options: RenderOptions, chalk: InstanceType<typeof Chalk>, paint: Paint): string {
  const texts = records.map((r) => columns.map((c) => neutralise(c.value(r))));
  const natural = columns.map((c, i) => Math.max(displayWidth(c.header), ...texts.map((row) => displayWidth(row[i]!))));
  const widths = fitColumns(natural, columns.map((c) => c.wrap === true), options.width);
  const mark = (s: string) => chalk.bold.yellow(s);
  const table = new Table({
    head: columns.map((c) => chalk.bold(c.header)),
    colWidths: widths.map((w) => w + PADDING),
    colAligns: columns.map((c) => c.align ?? 'left'),
    wordWrap: false,
    style: { head: [], border: options.color ? ['grey'] : [] },
  });
  records.forEach((record, r) => {
    table.push(columns.map((c, i) => {
      const lines = wrapText(texts[r]![i]!, widths[i]!, c.ranges?.(record) ?? [], mark);
      return lines.map((line) => paint(c.tone, line)).join('\n');
    }));
  });
  return table.toString();
}

/** A boxed table sized to the terminal, every character of every value shown, wrapped inside its cell. */
export function render(report: Report<any>, options: RenderOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Paint = (tone, text) => (tone === 'bold' ? chalk.bold(text) : tone === 'dim' ? chalk.dim(text) : tone === 'accent' ? chalk.cyan(text) : text);
  if (report.lines) {
    return `${report.lines(options.width).map((line) => wrapText(neutralise(line.text), options.width).map((l) => paint(line.tone, l)).join('\n')).join('\n')}\n`;
  }
  const blocks: string[] = [];
  if (report.heading?.length) blocks.push(report.heading.map((line) => wrapText(neutralise(line), options.width).join('\n')).join('\n'));
  const groups = report.groups ?? [{ title: '', records: report.records }];
  for (const group of groups) {
    if (group.records.length === 0) continue;
    const title = group.title ? `${chalk.bold(neutralise(group.title))}\n` : '';
    blocks.push(title + drawTable(columnsFor(report, 'table'), group.records, options, chalk, paint));
  }
  return `${blocks.join('\n\n')}\n`;
}
