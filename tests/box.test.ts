import Table from 'cli-table3';
import fc from 'fast-check';
import { eastAsianWidth } from 'get-east-asian-width';
import { describe, expect, it } from 'vitest';
import { drawBox, PADDING, type Align, type BoxOptions } from '../src/render/box.js';
import { charWidth, displayWidth, PLAIN } from '../src/render/width.js';
import { fill, fillPlain, type Line } from '../src/render/wrap.js';

/** What cli-table3 draws for the same cells: the header row first, a rule between every two rows. */
function cliTable3(header: string[][], rows: string[][][], widths: number[], aligns: Align[]): string[] {
  const table = new Table({
    colWidths: widths.map((w) => w + PADDING),
    colAligns: aligns,
    wordWrap: false,
    style: { head: [], border: [] },
  });
  table.push(...[header, ...rows].map((row) => row.map((lines) => lines.join('\n'))));
  return table.toString().split('\n');
}

/** Text a plan is made of: ASCII, Chinese, Chinese punctuation. */
const plainText = fc.string({ unit: fc.constantFrom('a', 'Q', '1', ' ', '.', '电', '梯', '质', '，', '。', '（', '）', '１', '“', '”', '—', '…', '█', '▏', '│'), maxLength: 30 });

/** Cells of lines as drawBox takes them, each line with its display width. */
const measured = (row: string[][]): Line[][] => row.map((cell) => cell.map((text) => ({ text, width: displayWidth(text) })));
const box = (header: string[][], rows: string[][][], options: BoxOptions) => drawBox(measured(header), rows.map(measured), options);

describe('drawBox', () => {
  it('draws a header, a rule under it and the rows, rules between rows only when asked', () => {
    const header = [['id'], ['text']];
    const rows = [[['1'], ['电梯安全']], [['12'], ['推进', '责任保险']]];
    expect(box(header, rows, { widths: [2, 8], aligns: ['right', 'left'], rules: true })).toEqual([
      '┌────┬──────────┐',
      '│ id │ text     │',
      '├────┼──────────┤',
      '│  1 │ 电梯安全 │',
      '├────┼──────────┤',
      '│ 12 │ 推进     │',
      '│    │ 责任保险 │',
      '└────┴──────────┘',
    ]);
    expect(box(header, rows.slice(0, 1), { widths: [2, 8], rules: false }).join('\n')).toBe(
      '┌────┬──────────┐\n│ id │ text     │\n├────┼──────────┤\n│ 1  │ 电梯安全 │\n└────┴──────────┘',
    );
  });

  it('pads by display width, colour codes counting as nothing, and colours only the frame with border', () => {
    const bold = (s: string) => `\x1b[1m${s}\x1b[22m`;
    const lines = box([[bold('部门')]], [[[bold('市商委')]]], { widths: [6], rules: false, border: (s) => `<${s}>` });
    expect(lines[1]).toBe(`<│> ${bold('部门')}   <│>`);
    expect(lines[3]).toBe(`<│> ${bold('市商委')} <│>`);
    expect(lines[0]).toBe('<┌────────┐>');
  });

  it('draws what cli-table3 draws for the same cells and widths', () => {
    const table = fc.integer({ min: 1, max: 4 }).chain((columns) => fc.record({
      header: fc.array(fc.array(plainText, { minLength: 1, maxLength: 2 }), { minLength: columns, maxLength: columns }),
      rows: fc.array(fc.array(fc.array(plainText, { minLength: 1, maxLength: 3 }), { minLength: columns, maxLength: columns }), { maxLength: 4 }),
      aligns: fc.array(fc.constantFrom<Align>('left', 'right'), { minLength: columns, maxLength: columns }),
      extra: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: columns, maxLength: columns }),
    }));
    fc.assert(fc.property(table, ({ header, rows, aligns, extra }) => {
      // Each column as wide as its widest line (at least one column) plus some room.
      const widths = extra.map((room, i) => room + Math.max(1, ...[header, ...rows].flatMap((row) => row[i]!.map(displayWidth))));
      expect(box(header, rows, { widths, aligns, rules: true })).toEqual(cliTable3(header, rows, widths, aligns));
    }), { numRuns: 300 });
  });
});

describe('measuring plain text without a loop', () => {
  it('displayWidth agrees with charWidth summed, for plain text and any other', () => {
    const any = fc.string({ unit: fc.oneof(fc.constantFrom('a', '电', '，', '“', 'é', '\u0301', '\u200b', '😀', 'ｱ'), fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength: 40 });
    fc.assert(fc.property(fc.oneof(plainText, any), (text) => {
      const summed = Array.from(text).reduce((sum, char) => sum + charWidth(char.codePointAt(0)!), 0);
      expect(displayWidth(text)).toBe(summed);
    }), { numRuns: 1000 });
  });

  it('fillPlain ends a line where fill does, for every plain text, start and width', () => {
    fc.assert(fc.property(plainText, fc.nat(30), fc.integer({ min: 1, max: 20 }), (text, from, width) => {
      expect(PLAIN.test(text)).toBe(true);
      const start = Math.min(from, Math.max(0, text.length - 1));
      expect(fillPlain(text, start, width)).toBe(fill(text, start, width));
    }), { numRuns: 1000 });
  });

  it('answers punctuation and bars as get-east-asian-width does, without asking it', () => {
    for (const [from, to] of [[0x2010, 0x2027], [0x2500, 0x259f], [0x3000, 0x303e], [0xff01, 0xff60]] as const) {
      for (let code = from; code <= to; code++) expect([code, charWidth(code)]).toEqual([code, eastAsianWidth(code, { ambiguousAsWide: false })]);
    }
  });
});
