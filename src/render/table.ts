import { drawBox, PADDING } from './box.js';
import { bar } from './bar.js';
import { columnsFor, headingOf, labelOf, type Column, type RenderOptions, type Report, type Tone } from './report.js';
import { neutralise } from './sanitize.js';
import { displayWidth, stripAnsi } from './width.js';
import { wrapLines, wrapProse, wrapText } from './wrap.js';
import { maxOf } from '../text.js';

/** The narrowest a column may get: one Chinese character. */
const MIN_WIDTH = 2;
/** Long-text columns are not squeezed below this while short columns can still give way. */
const FLOOR = 8;

/**
 * Column widths (content only) that fit `width`. Short columns keep their natural width; long-text columns
 * (weight > 0) share what is left in proportion to their weights, none wider than it needs. Only when that
 * leaves a long-text column under FLOOR do the short columns wrap too.
 *
 * @example fitColumns([2, 30, 200], [0, 1, 3], 80) // [2, 17, 51]
 */
export function fitColumns(natural: number[], weights: number[], width: number, minimum: number[] = []): number[] {
  const border = 1 + natural.length * (PADDING + 1);
  const widths = [...natural];
  const fixed = natural.reduce((sum, w, i) => sum + (weights[i]! > 0 ? 0 : w), 0);
  let open = natural.map((_, i) => i).filter((i) => weights[i]! > 0);
  let room = width - border - fixed;
  // Water-filling: columns that need less than their share keep their natural width and free the rest.
  for (;;) {
    const total = open.reduce((sum, i) => sum + weights[i]!, 0);
    const settled = open.filter((i) => natural[i]! <= Math.floor((room * weights[i]!) / total));
    if (settled.length === 0) {
      for (const i of open) widths[i] = Math.max(FLOOR, minimum[i] ?? 0, Math.floor((room * weights[i]!) / total));
      break;
    }
    for (const i of settled) room -= natural[i]!;
    open = open.filter((i) => !settled.includes(i));
    if (open.length === 0) break;
  }
  for (const i of open) widths[i] = Math.min(widths[i]!, natural[i]!);
  // Still too wide: narrow the widest column, first down to its minimum, then (a very narrow terminal) further.
  const over = border + widths.reduce((a, b) => a + b, 0) - width;
  const left = narrowWidest(widths, over, widths.map((_, i) => Math.max(MIN_WIDTH, minimum[i] ?? 0)));
  narrowWidest(widths, left, widths.map(() => MIN_WIDTH));
  return widths;
}

/**
 * Takes `over` columns off `widths` (in place), always from the widest column still above its floor, the first
 * of equals: the columns even out from the top. Returns how many could not be taken.
 *
 * @example narrowWidest([10, 4, 9], 3, [2, 2, 2]) // 0, widths now [8, 4, 8]
 */
export function narrowWidest(widths: number[], over: number, floors: number[]): number {
  while (over > 0) {
    let widest = -1;
    let next = -Infinity; // the widest of the others still above their floor
    widths.forEach((w, i) => {
      if (w <= floors[i]!) return;
      if (widest < 0 || w > widths[widest]!) {
        if (widest >= 0) next = Math.max(next, widths[widest]!);
        widest = i;
      } else next = Math.max(next, w);
    });
    if (widest < 0) break;
    // Down to the next column's width at once (a narrow terminal would otherwise take hundreds of rounds).
    const step = Math.max(1, Math.min(over, widths[widest]! - Math.max(next, floors[widest]!)));
    widths[widest]! -= step;
    over -= step;
  }
  return Math.max(0, over);
}

type Paint = (tone: Tone | undefined, text: string) => string;

/** The styles a table is drawn with: chalk's on a terminal with colour, else none. */
interface Styles {
  bold: (text: string) => string;
  dim: (text: string) => string;
  /** Borders. */
  gray: (text: string) => string;
  cyan: (text: string) => string;
  /** The words a search matched. */
  mark: (text: string) => string;
}

const same = (text: string) => text;
const NO_STYLES: Styles = { bold: same, dim: same, gray: same, cyan: same, mark: same };

/** chalk is loaded only for colour (it takes ~0.4 ms a start): output into a pipe or a file has none. */
async function stylesFor(color: boolean): Promise<Styles> {
  if (!color) return NO_STYLES;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { bold: (t) => chalk.bold(t), dim: (t) => chalk.dim(t), gray: (t) => chalk.gray(t), cyan: (t) => chalk.cyan(t), mark: (t) => chalk.bold.yellow(t) };
}

/** Below this many columns a table has no room for its text: one record a block instead. */
export const BLOCK_BELOW = 60;
/** Bars are drawn this wide at most, and at least this wide: they give way before any text wraps. */
const BAR_MOST = 24;
const BAR_LEAST = 4;
/** A table that would squeeze the task text below this (or wrap a list of names) leaves out its optional columns. */
const TEXT_COMFORT = 24;

const tableWidth = (widths: number[]) => 1 + widths.reduce((sum, w) => sum + w + PADDING + 1, 0);

interface Sized<R> {
  columns: Column<R>[];
  texts: string[][];
  measured: number[][];
  widths: number[];
}

/** Measures and fits the columns to `width`: optional columns go first, then bars shrink, then names wrap. */
function sizeColumns<R>(all: Column<R>[], records: R[], width: number): Sized<R> {
  // Every cell is read and measured once; leaving out a column only leaves out its index.
  const allTexts = records.map((r) => all.map((c) => (c.bar ? '' : neutralise(c.value(r)))));
  const allMeasured = allTexts.map((row) => row.map(displayWidth));
  const allNatural = all.map((c, i) => (c.bar ? BAR_LEAST : maxOf([displayWidth(labelOf(c)), ...allMeasured.map((row) => row[i]!)])));
  // A column keeps the width of its header (up to 12 columns) rather than break a word of it, and a list of
  // names the width of its longest name with the separator after it, up to 14 (a name of six characters):
  // wider would take too much from the text beside it.
  const allMinimum = all.map((c, i) => {
    const header = Math.min(displayWidth(labelOf(c)), 12);
    if (!c.separator) return header;
    const names = allTexts.flatMap((row) => row[i]!.split(c.separator!));
    return Math.max(header, Math.min(maxOf(names.map(displayWidth)) + displayWidth(c.separator), 14));
  });
  let kept = all.map((_, i) => i);
  for (;;) {
    const columns = kept.map((i) => all[i]!);
    const natural = kept.map((i) => allNatural[i]!);
    const minimum = kept.map((i) => allMinimum[i]!);
    const widths = fitColumns(natural, columns.map((c) => (c.wrap ? c.weight ?? 1 : 0)), width, minimum);
    // Squeezed: the task text below TEXT_COMFORT, a name wrapped, or a list of names down to its minimum.
    const squeezed = columns.some((c, i) => c.wrap && widths[i]! < natural[i]!
      && ((c.weight ?? 1) >= 3 ? widths[i]! < TEXT_COMFORT : c.separator ? widths[i]! <= minimum[i]! : true));
    let optional = columns.length - 1;
    while (optional >= 0 && !columns[optional]!.optional) optional--;
    if (squeezed && optional >= 0) {
      kept = kept.filter((_, i) => i !== optional);
      continue;
    }
    // What is left over widens the bars.
    const spare = Math.max(0, width - tableWidth(widths));
    const bars = columns.filter((c) => c.bar).length;
    columns.forEach((c, i) => {
      if (c.bar) widths[i] = Math.min(BAR_MOST, BAR_LEAST + Math.floor(spare / bars));
    });
    return {
      columns,
      texts: allTexts.map((row) => kept.map((i) => row[i]!)),
      measured: allMeasured.map((row) => kept.map((i) => row[i]!)),
      widths,
    };
  }
}

function drawTable<R>(all: Column<R>[], records: R[], options: RenderOptions, styles: Styles, paint: Paint): string {
  const { columns, texts, measured, widths } = sizeColumns(all, records, options.width);
  const mark = styles.mark;
  const cells = records.map((record, r) => columns.map((c, i) => {
    if (c.bar) {
      const drawn = bar(c.bar.value(record), c.bar.max, widths[i]!);
      return [{ text: drawn, width: displayWidth(drawn) }];
    }
    return wrapLines(texts[r]![i]!, widths[i]!, { ranges: c.ranges?.(record), mark, measured: measured[r]![i]!, separator: c.separator });
  }));
  const header = columns.map((c, i) => wrapLines(labelOf(c), widths[i]!).map(({ text, width }) => ({ text: styles.bold(text), width })));
  const rows = cells.map((row) => row.map((lines, i) => lines.map(({ text, width }) => ({ text: paint(columns[i]!.tone, text), width }))));
  return drawBox(header, rows, {
    widths,
    aligns: columns.map((c) => c.align ?? 'left'),
    // Rules between rows only help when a row spans several lines.
    rules: cells.some((row) => row.some((lines) => lines.length > 1)),
    border: (text) => styles.gray(text),
  }).join('\n');
}

/**
 * One record a block, for terminals too narrow for a table: each column a line, its label then its value,
 * the value wrapped beside the label (or under it, below 30 columns); a blank line between records.
 */
function drawBlocks<R>(columns: Column<R>[], records: R[], options: RenderOptions, styles: Styles, paint: Paint): string {
  const labels = columns.map((c) => neutralise(labelOf(c)));
  const labelWidth = Math.min(12, maxOf(labels.map(displayWidth)));
  const beside = options.width - labelWidth - 2 >= 16;
  const valueWidth = beside ? options.width - labelWidth - 2 : options.width - 2;
  const mark = styles.mark;
  return records.map((record) => {
    const lines: string[] = [];
    columns.forEach((c, i) => {
      const value = c.bar
        ? [bar(c.bar.value(record), c.bar.max, Math.min(BAR_MOST, valueWidth))]
        : wrapLines(neutralise(c.value(record)), valueWidth, { ranges: c.ranges?.(record), mark, separator: c.separator }).map((l) => l.text.trimEnd());
      if (value.join('') === '') return;
      const label = styles.dim(wrapText(labels[i]!, labelWidth)[0] ?? '');
      const pad = ' '.repeat(Math.max(0, labelWidth - displayWidth(stripAnsi(label))));
      if (beside) {
        value.forEach((v, k) => lines.push(`${k === 0 ? label + pad : ' '.repeat(labelWidth)}  ${paint(c.tone, v)}`));
      } else {
        if (labels[i]) lines.push(label);
        for (const v of value) lines.push(`  ${paint(c.tone, v)}`);
      }
    });
    return lines.join('\n');
  }).join('\n\n');
}

/**
 * A line of prose (a heading, a title, a tree's line) wrapped to the width, never split inside a number; its
 * continuation lines start with `hang`: by default, an indented line's indent and two more, so that they stay under it.
 */
function wrapHanging(text: string, width: number, hang = /^\s+\S/.test(text) ? `${/^\s*/.exec(text)![0]}  ` : ''): string[] {
  const room = width - displayWidth(hang);
  if (hang === '' || room < 16) return wrapProse(text, width);
  return wrapProse(text, room).map((line, i) => (i === 0 ? line : `${hang}${line}`));
}

const wrapped = (text: string, width: number) => wrapHanging(neutralise(text), width).join('\n');

/**
 * A boxed table sized to the terminal, every character of every value shown, wrapped inside its cell; below
 * BLOCK_BELOW columns, one record a block.
 */
export async function render<R>(report: Report<R>, options: RenderOptions): Promise<string> {
  const styles = await stylesFor(options.color);
  const paint: Paint = (tone, text) => (tone === 'bold' ? styles.bold(text) : tone === 'dim' ? styles.dim(text) : tone === 'accent' ? styles.cyan(text) : text);
  if (report.lines) {
    return `${report.lines(options.width).map((line) => wrapHanging(neutralise(line.text), options.width, line.hang).map((l) => paint(line.tone, l)).join('\n')).join('\n')}\n`;
  }
  const draw = options.width < BLOCK_BELOW || report.blocks ? drawBlocks : drawTable;
  const blocks: string[] = [];
  const heading = headingOf(report);
  if (heading.length) blocks.push(heading.map((line) => wrapped(line, options.width)).join('\n'));
  if (report.withheld) blocks.push(wrapped(report.withheld, options.width));
  const groups = report.groups ?? [{ title: '', records: report.records }];
  for (const group of groups) {
    if (group.records.length === 0) continue;
    const title = group.title ? `${styles.bold(wrapped(group.title, options.width))}\n` : '';
    blocks.push(title + draw(columnsFor({ ...report, columns: group.columns ?? report.columns }, 'table'), group.records, options, styles, paint));
  }
  return `${blocks.join('\n\n')}\n`;
}
