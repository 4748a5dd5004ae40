import type { Line } from './wrap.js';

/**
 * The frame cli-table3 draws, line for line: the same characters, one space each side of a cell, one border
 * column between and around cells. Drawn here because cli-table3 costs ~0.7 ms a row on a cold start (its
 * options are merged per cell, its layout pass compares every cell with every other) and V8 is still
 * optimising that code when a short run ends, which the process then waits for: 1.7–1.9× `node -e 0` for
 * `plan tasks` against ~1.25× this way. tests/box.test.ts checks the two draw the same table.
 */

export type Align = 'left' | 'right';

export interface BoxOptions {
  /** Content width of each column, padding and borders not included. */
  widths: number[];
  aligns?: Align[];
  /** Draw a rule between body rows (the header always has one under it). */
  rules: boolean;
  /** Colour for the frame; the cells come coloured already. */
  border?: (text: string) => string;
}

const EMPTY: Line = { text: '', width: 0 };

/** One space either side of a cell's text. */
export const PADDING = 2;

/**
 * A boxed table: the header row, a rule, then the body rows. Each cell is its lines, already wrapped to the
 * column's width, each with the columns it takes (colour codes do not count); a row is as tall as its tallest cell.
 *
 * @example drawBox([[id]], [[[one]], [[two]]], { widths: [2], rules: false }).join('\n') // id = { text: 'id', width: 2 }, …
 * // ┌────┐
 * // │ id │
 * // ├────┤
 * // │ 1  │
 * // │ 2  │
 * // └────┘
 */
export function drawBox(header: Line[][], rows: Line[][][], options: BoxOptions): string[] {
  const { widths, aligns = [], rules, border = (text: string) => text } = options;
  const rule = (left: string, middle: string, right: string) =>
    border(`${left}${widths.map((w) => '─'.repeat(w + PADDING)).join(middle)}${right}`);
  const edge = border('│');
  const draw = (row: Line[][]): string[] => {
    const height = row.reduce((most, cell) => Math.max(most, cell.length), 1);
    const lines: string[] = [];
    for (let k = 0; k < height; k++) {
      let line = edge;
      widths.forEach((width, i) => {
        const { text, width: used } = row[i]?.[k] ?? EMPTY;
        const gap = ' '.repeat(Math.max(0, width - used));
        line += ` ${aligns[i] === 'right' ? gap + text : text + gap} ${edge}`;
      });
      lines.push(line);
    }
    return lines;
  };
  const between = rule('├', '┼', '┤');
  const lines = [rule('┌', '┬', '┐'), ...draw(header)];
  rows.forEach((row, r) => {
    if (r === 0 || rules) lines.push(between);
    lines.push(...draw(row));
  });
  lines.push(rule('└', '┴', '┘'));
  return lines;
}
