import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bar } from '../src/render/bar.js';
import { csvField, render as csv } from '../src/render/csv.js';
import { render as json, safeJSON } from '../src/render/json.js';
import { render as markdown } from '../src/render/markdown.js';
import { render as ndjson } from '../src/render/ndjson.js';
import type { Report } from '../src/render/report.js';
import { neutralise } from '../src/render/sanitize.js';
import { fitColumns, narrowWidest, render as table } from '../src/render/table.js';
import { render as tsv } from '../src/render/tsv.js';
import { displayWidth, stripAnsi } from '../src/render/width.js';
import { breakLines, wrapText } from '../src/render/wrap.js';
import { taskReport } from '../src/views/tasks.js';
import { translator } from '../src/i18n/index.js';
import { realPlan, smallPlan } from './helpers.js';

const en = translator('en');
const small = taskReport(smallPlan, en, smallPlan.tasks.slice(0, 3));

/** The text of every cell of a drawn table, row by row, the lines of a wrapped cell joined. */
function cellsOf(drawn: string): string[][] {
  const rows: string[][] = [];
  let current: string[] | undefined;
  for (const line of stripAnsi(drawn).split('\n')) {
    if (!line.startsWith('│')) {
      current = undefined;
      continue;
    }
    const cells = line.slice(1, -1).split('│').map((c) => c.trim());
    if (!current) rows.push((current = cells));
    else cells.forEach((c, i) => (current![i] += c));
  }
  return rows;
}

describe('display width', () => {
  it.each([
    { text: '', width: 0 },
    { text: 'abc', width: 3 },
    { text: '市质监局', width: 8 },
    { text: '（一）', width: 6 },
    { text: 'QC小组', width: 6 },
    { text: '\x1b[1m电梯\x1b[22m', width: 4 },
    { text: 'é', width: 1 },
  ])('$text is $width columns', ({ text, width }) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe('wrapping Chinese', () => {
  it('breaks by display width, never wider than asked', () => {
    const lines = wrapText(realPlan.tasks[3]!.text, 20);
    expect(lines.join('')).toBe(realPlan.tasks[3]!.text);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(20);
  });

  it('keeps closing punctuation off the start of a line and opening brackets off the end', () => {
    for (const task of realPlan.tasks) {
      for (const width of [10, 17, 30]) {
        const lines = wrapText(task.text, width);
        expect(lines.join('')).toBe(task.text);
        for (const line of lines.slice(1)) expect('，。、；：！？）》”', line).not.toContain(line[0]);
        for (const line of lines.slice(0, -1)) expect('（《“', line).not.toContain(line[line.length - 1]);
      }
    }
  });

  it('keeps a number whole: 96333 does not break', () => {
    const lines = wrapText('加快建设“96333”电梯应急处置平台', 14);
    expect(lines.some((line) => line.includes('96333'))).toBe(true);
  });

  it('marks ranges after wrapping, so that a match split over two lines is marked on both', () => {
    const lines = wrapText('开展电梯安全监管', 6, [[2, 4]], (s) => `[${s}]`);
    expect(lines).toEqual(['开展[电]', '[梯]安全', '监管']);
  });

  it('drops the spaces where a line breaks: the next line starts under the one before', () => {
    expect(wrapText('三、优化质量 › （八）加强监管', 14)).toEqual(['三、优化质量 ›', '（八）加强监管']);
    expect(wrapText('a  b', 2)).toEqual(['a ', 'b']);
    expect(wrapText('  （一）开展质量提升', 12)).toEqual(['  （一）开展', '质量提升']); // an indent is not a break
  });

  it('returns one empty line for empty text', () => {
    expect(breakLines('', 10)).toEqual([[0, 0]]);
  });

  it.each([
    { text: '市科委、市中小企业局', width: 12, expected: ['市科委、', '市中小企业局'] },
    { text: '市商委、市教委、市质监局', width: 16, expected: ['市商委、市教委、', '市质监局'] },
    // A name wider than the column is broken where the line fills.
    { text: '市科委、重庆市质量技术监督局', width: 12, expected: ['市科委、', '重庆市质量技', '术监督局'] },
    { text: '重庆市质量技术监督局', width: 12, expected: ['重庆市质量技', '术监督局'] },
  ])('breaks a list of names between names: $text in $width', ({ text, width, expected }) => {
    expect(breakLines(text, width, '、').map(([a, b]) => text.slice(a, b))).toEqual(expected);
  });

  it.each([80, 120])('breaks the departments of a task only between names, but names wider than the column, at %i', async (width) => {
    const out = stripAnsi(await table(taskReport(realPlan, en, realPlan.tasks), { color: false, width }));
    const at = out.split('\n')[1]!.split('│').findIndex((cell) => cell.trim() === 'departments');
    const column = displayWidth(out.split('\n')[0]!.split(/[┌┬]/)[at]!) - 2;
    // The lines of the departments cell of each row; rows are separated by rules.
    const rows = out.split(/\n├[^\n]*\n/).slice(1).map((row) => row.split('\n').filter((line) => line.startsWith('│'))
      .map((line) => line.split('│')[at]!.trim()).filter(Boolean));
    expect(rows).toHaveLength(realPlan.tasks.length);
    realPlan.tasks.forEach((task, r) => {
      expect(rows[r]!.join('')).toBe(task.departments.join('、'));
      let offset = 0;
      for (const line of rows[r]!.slice(0, -1)) {
        offset += line.length;
        if (line.endsWith('、')) continue;
        // Broken inside a name: only one too wide for the column with its separator.
        const starts = task.departments.map((_, i) => task.departments.slice(0, i).join('、').length + (i > 0 ? 1 : 0));
        const name = task.departments.find((n, i) => starts[i]! < offset && offset < starts[i]! + n.length)!;
        expect(displayWidth(name) + 2, `${name} at ${width}`).toBeGreaterThan(column);
      }
    });
  });
});

describe('fitColumns', () => {
  it.each([
    { natural: [2, 30, 200], weights: [0, 1, 3], width: 80, expected: [2, 17, 51] },
    { natural: [2, 10, 20], weights: [0, 1, 3], width: 80, expected: [2, 10, 20] },
    { natural: [2, 30, 200], weights: [0, 1, 3], width: 200, expected: [2, 30, 158] },
  ])('$natural in $width columns → $expected', ({ natural, weights, width, expected }) => {
    const widths = fitColumns(natural, weights, width);
    expect(widths).toEqual(expected);
    expect(1 + widths.reduce((s, w) => s + w + 3, 0)).toBeLessThanOrEqual(width);
  });
});

describe('narrowWidest', () => {
  it('takes a column at a time off the widest column above its floor, the first of equals', () => {
    const oneByOne = (widths: number[], over: number, floors: number[]) => {
      for (; over > 0; over--) {
        let widest = -1;
        widths.forEach((w, i) => {
          if (w > floors[i]! && (widest < 0 || w > widths[widest]!)) widest = i;
        });
        if (widest < 0) break;
        widths[widest]!--;
      }
      return over;
    };
    const columns = fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 12 })), { minLength: 1, maxLength: 8 });
    fc.assert(fc.property(columns, fc.nat(300), (pairs, over) => {
      const widths = pairs.map(([w]) => w);
      const floors = pairs.map(([, f]) => f);
      const expected = [...widths];
      const left = oneByOne(expected, over, floors);
      expect(narrowWidest(widths, over, floors)).toBe(left);
      expect(widths).toEqual(expected);
    }), { numRuns: 2000 });
  });
});

describe('terminal tables', () => {
  it.each([80, 120, 60])('fit %i columns, with every task of the plan in full', async (width) => {
    const out = await table(taskReport(realPlan, en, realPlan.tasks), { color: false, width });
    for (const line of out.trimEnd().split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    const texts = cellsOf(out).slice(1).map((row) => row[row.length - 1]);
    expect(texts).toEqual(realPlan.tasks.map((t) => t.text));
    expect(out).not.toContain('…');
  });

  it.each([20, 40, 59])('below 60 columns, one record a block, every line within %i columns, every text in full', async (width) => {
    const out = await table(taskReport(realPlan, en, realPlan.tasks), { color: false, width });
    expect(out).not.toContain('│');
    const blocks = out.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(realPlan.tasks.length);
    for (const line of out.trimEnd().split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    blocks.forEach((block, i) => {
      const text = block.split('\n').slice(block.split('\n').findIndex((l) => l.trimStart().startsWith('text')) + (width < 30 ? 1 : 0))
        .map((l) => l.replace(/^\s*(text)?\s*/, '')).join('');
      expect(text).toBe(realPlan.tasks[i]!.text);
      // Numbers in quotes stay whole: “96333” never split.
      if (realPlan.tasks[i]!.text.includes('“96333”')) expect(block).toContain('“96333”');
    });
  });

  it('colours only when asked', async () => {
    expect(await table(small, { color: false, width: 80 })).not.toContain('\x1b');
    const coloured = await table(small, { color: true, width: 80 });
    expect(coloured).toContain('\x1b[');
    expect(stripAnsi(coloured)).toBe(await table(small, { color: false, width: 80 }));
  });

  it('keeps every character of a very long cell', async () => {
    const long = { ...realPlan, tasks: realPlan.tasks.slice(0, 3).map((t) => ({ ...t, text: t.text.repeat(40) })) };
    const out = await table(taskReport(long, en, long.tasks), { color: false, width: 120 });
    expect(cellsOf(out).slice(1).map((row) => row[row.length - 1])).toEqual(long.tasks.map((t) => t.text));
  });

  it('matches its snapshot for the small plan at 80 columns', async () => {
    expect(await table(small, { color: false, width: 80 })).toMatchSnapshot();
  });
});

describe('machine formats', () => {
  it('tsv: one record a line, tab-separated, no header, no colour', () => {
    expect(tsv(small)).toBe([
      '1\t1\t（一）\tsole\t市质监局\t开展电梯安全监管专项行动，推进电梯责任保险。\n',
      '2\t1\t（二）\tshared\t市商委、市质监局\t促进跨境电商健康发展，开展QC小组活动。\n',
      '3\t1\t（二）\tshared\t市商委、市教委、市质监局\t畅通“12315”投诉举报渠道。\n',
    ].join(''));
  });

  it('tsv --header: the JSON names first', () => {
    expect(tsv(small, { color: false, width: 80, header: true }).split('\n')[0]).toBe('id\tpart\tsection\tresponsibility\tdepartments\ttext');
  });

  it('csv: RFC 4180 with CRLF, and a byte order mark only when asked (files and terminals)', () => {
    expect(csv(small).startsWith('id,')).toBe(true);
    expect(csv(small, { color: false, width: 80, bom: true })).toBe('\ufeffid,part,section,responsibility,departments,text\r\n'
      + '1,1,（一）,sole,市质监局,开展电梯安全监管专项行动，推进电梯责任保险。\r\n'
      + '2,1,（二）,shared,市商委、市质监局,促进跨境电商健康发展，开展QC小组活动。\r\n'
      + '3,1,（二）,shared,市商委、市教委、市质监局,畅通“12315”投诉举报渠道。\r\n');
  });

  it.each([
    { value: 'plain', expected: 'plain' },
    { value: 'a,b', expected: '"a,b"' },
    { value: 'say "hi"', expected: '"say ""hi"""' },
    { value: 'two\nlines', expected: '"two\nlines"' },
    { value: '=HYPERLINK("http://x")', expected: '"\'=HYPERLINK(""http://x"")"' },
    { value: '+1', expected: "'+1" },
    { value: '-2+3', expected: "'-2+3" },
    { value: '@SUM(A1)', expected: "'@SUM(A1)" },
    { value: '\tx', expected: "'\tx" },
    { value: '\rx', expected: '"\'\rx"' },
  ])('csv field $value → $expected', ({ value, expected }) => {
    expect(csvField(value)).toBe(expected);
  });

  it('json: an array of task records with the fields of SPEC.md', () => {
    expect(JSON.parse(json(small))[0]).toEqual({
      id: 1,
      number: '1',
      part: { id: 1, title: '第一部分' },
      section: { id: 1, title: '电梯安全。' },
      headings: ['一、第一部分', '（一）电梯安全。'],
      text: '开展电梯安全监管专项行动，推进电梯责任保险。',
      departments: ['市质监局'],
      leads: [],
      roles: [{ department: '市质监局', role: 'responsible', word: '负责' }],
      responsibility: 'sole',
    });
  });

  it('ndjson: one compact record a line', () => {
    const lines = ndjson(small).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('{"id":2,"number":"2","part":{"id":1,"title":"第一部分"},"section":{"id":2,"title":"跨境电商。"},"headings":["一、第一部分","（二）跨境电商。"],"text":"促进跨境电商健康发展，开展QC小组活动。","departments":["市商委","市质监局"],"leads":[],"roles":[{"department":"市商委","role":"responsible","word":"按职责分工负责"},{"department":"市质监局","role":"responsible","word":"按职责分工负责"}],"responsibility":"shared"}');
  });

  it.each([
    { value: 'a|b', expected: 'a\\|b' },
    { value: '**bold** _it_', expected: '\\*\\*bold\\*\\* \\_it\\_' },
    { value: '<img src=x onerror=alert(1)>', expected: '&lt;img src=x onerror=alert(1)&gt;' },
    { value: 'a\\b', expected: 'a\\\\b' },
    { value: '[link](http://x) `code` ~~s~~ #1 &amp;', expected: '\\[link\\](http://x) \\`code\\` \\~\\~s\\~\\~ \\#1 &amp;amp;' },
    { value: 'two\nlines', expected: 'two<br>lines' },
  ])('markdown: $value is escaped', ({ value, expected }) => {
    const report: Report<string> = { records: [value], columns: [{ header: 'x', label: 'X', value: (r) => r }], toJSON: (r) => r };
    expect(markdown(report)).toBe(`| X |\n| --- |\n| ${expected} |\n`);
  });

  it('json escapes C1 controls, which some terminals obey, and still parses to the same text', () => {
    const text = 'a\x1b]0;owned\x07b\x9b31mc';
    const out = safeJSON({ text });
    expect(out).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
    expect(JSON.parse(out).text).toBe(text);
  });
});

describe('neutralise', () => {
  it.each([
    { input: 'a\x1b[31mb', expected: 'a␛[31mb' },
    { input: '\x1b]0;title\x07', expected: '␛]0;title␇' },
    { input: 'x\x9b2Jy', expected: 'x\ufffd2Jy' },
    { input: 'tab\there', expected: 'tab␉here' },
    { input: 'line\nbreak', expected: 'line␊break' },
    { input: 'rtl\u202eevil', expected: 'rtl\ufffdevil' },
    { input: '电梯安全', expected: '电梯安全' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(neutralise(input)).toBe(expected);
  });
});

describe('bar', () => {
  it.each([
    { value: 4, max: 4, width: 8, expected: '████████' },
    { value: 1, max: 4, width: 8, expected: '██' },
    { value: 1, max: 100, width: 8, expected: '▏' },
    { value: 0, max: 4, width: 8, expected: '' },
  ])('$value of $max in $width → $expected', ({ value, max, width, expected }) => {
    expect(bar(value, max, width)).toBe(expected);
  });
});
