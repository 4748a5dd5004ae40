import { readFileSync } from 'node:fs';
import { translator } from '../src/i18n/index.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compactIds, countByPart, countPairs, countPartners, countSections, countWorkload } from '../src/query/stats.js';
import { statsReport } from '../src/views/stats.js';
import { deptsReport } from '../src/views/departments.js';
import { outlineReport } from '../src/views/outline.js';
import { render as table } from '../src/render/table.js';
import { displayWidth } from '../src/render/width.js';
import { realPlan, smallPlan } from './helpers.js';

// Counted again here from the raw YAML, without the code under test.
interface RawTask { id: number; section: number; departments: string[]; responsibility: string }
const raw = parse(readFileSync(new URL('../plan.yaml', import.meta.url), 'utf8')) as { tasks: RawTask[]; sections: { id: number; part: number }[] };
const partOfSection = new Map(raw.sections.map((s) => [s.id, s.part]));
const naming = (name: string) => raw.tasks.filter((t) => t.departments.includes(name));

describe('counts on the real plan, against an independent count', () => {
  it('workload: total, sole and shared per department, summing to the department mentions', () => {
    const rows = countWorkload(realPlan, realPlan.tasks);
    for (const row of rows) {
      const mine = naming(row.department.name);
      expect(row.total, row.department.name).toBe(mine.length);
      expect(row.sole).toBe(mine.filter((t) => t.responsibility === 'sole').length);
      expect(row.shared).toBe(mine.filter((t) => t.responsibility === 'shared').length);
    }
    expect(rows.reduce((n, r) => n + r.total, 0)).toBe(raw.tasks.reduce((n, t) => n + t.departments.length, 0));
    expect(rows.map((r) => r.total)).toEqual([...rows.map((r) => r.total)].sort((a, b) => b - a));
    expect(rows[0]!.department.name).toBe('市质监局');
  });

  it('department × part', () => {
    for (const row of countByPart(realPlan, realPlan.tasks)) {
      const expected = [1, 2, 3, 4, 5].map((p) => naming(row.department.name).filter((t) => partOfSection.get(t.section) === p).length);
      expect(row.parts, row.department.name).toEqual(expected);
    }
  });

  it('pairs: tasks naming both, groups left out', () => {
    const pairs = countPairs(realPlan, realPlan.tasks);
    expect(pairs.some((p) => p.a.group || p.b.group)).toBe(false);
    for (const pair of pairs.slice(0, 20)) {
      const both = raw.tasks.filter((t) => t.departments.includes(pair.a.name) && t.departments.includes(pair.b.name)).map((t) => t.id);
      expect(pair.tasks).toEqual(both);
    }
    expect(pairs[0]!.tasks.length).toBe(Math.max(...pairs.map((p) => p.tasks.length)));
    // Equal counts keep the order in which the plan first names the pair.
    expect(pairs.slice(0, 4).map((p) => `${p.a.name}+${p.b.name} ${p.tasks.length}`)).toEqual([
      '市经济信息委+市质监局 21', '市经济信息委+市中小企业局 9', '市经济信息委+市科委 8', '市科委+市质监局 8',
    ]);
    expect(pairs).toHaveLength(271);
  });

  it('partners of 市质监局, most shared tasks first', () => {
    const partners = countPartners(realPlan, realPlan.tasks, '市质监局');
    const top = partners[0]!;
    expect(top.department.name).toBe('市经济信息委');
    expect(top.tasks).toEqual(raw.tasks.filter((t) => t.departments.includes('市质监局') && t.departments.includes('市经济信息委')).map((t) => t.id));
  });

  it('sections: tasks and departments involved, groups counted apart', () => {
    const rows = countSections(realPlan, realPlan.tasks);
    const part3 = rows.find((r) => r.part === 3 && r.section === undefined)!;
    const inPart3 = raw.tasks.filter((t) => partOfSection.get(t.section) === 3);
    expect(part3.tasks).toBe(inPart3.length);
    const names = new Set(inPart3.flatMap((t) => t.departments));
    expect(part3.groups).toBe(['市质量工作部门联席会议成员单位', '市政府有关部门'].filter((g) => names.has(g)).length);
    expect(part3.departments + part3.groups).toBe(names.size);
    expect(rows.filter((r) => r.section !== undefined).reduce((n, r) => n + r.tasks, 0)).toBe(75);
  });
});

const en = translator('en');

describe('exact JSON of the views on the small plan', () => {
  const json = (report: { records: unknown[]; toJSON: (r: never) => unknown }) => report.records.map((r) => report.toJSON(r as never));

  it('stats --view workload', () => {
    expect(json(statsReport(smallPlan, en, 'workload', {}))).toEqual([
      { department: '市质监局', group: false, total: 3, lead: 0, sole: 1, shared: 2, led: 0, guided: 0, share: 0.6 },
      { department: '市商委', group: false, total: 2, lead: 0, sole: 0, shared: 2, led: 0, guided: 0, share: 0.4 },
      { department: '市教委', group: false, total: 2, lead: 0, sole: 0, shared: 2, led: 0, guided: 0, share: 0.4 },
      { department: '市政府有关部门', group: true, total: 2, lead: 0, sole: 0, shared: 2, led: 0, guided: 0, share: 0.4 },
    ]);
  });

  it('stats --view matrix', () => {
    expect(json(statsReport(smallPlan, en, 'matrix', {}))).toEqual([
      { department: '市质监局', group: false, total: 3, parts: { 1: 3, 2: 0 } },
      { department: '市商委', group: false, total: 2, parts: { 1: 2, 2: 0 } },
      { department: '市教委', group: false, total: 2, parts: { 1: 1, 2: 1 } },
      { department: '市政府有关部门', group: true, total: 2, parts: { 1: 0, 2: 2 } },
    ]);
  });

  it('stats --view pairs leaves groups out', () => {
    expect(json(statsReport(smallPlan, en, 'pairs', {}))).toEqual([
      { department: '市商委', partner: '市质监局', count: 2, tasks: [2, 3] },
      { department: '市商委', partner: '市教委', count: 1, tasks: [3] },
      { department: '市教委', partner: '市质监局', count: 1, tasks: [3] },
    ]);
  });

  it('stats --view partners --dept 市教委', () => {
    expect(json(statsReport(smallPlan, en, 'partners', { departments: ['市教委'] }))).toEqual([
      { department: '市教委', partner: '市商委', group: false, count: 1, tasks: [3] },
      { department: '市教委', partner: '市质监局', group: false, count: 1, tasks: [3] },
      { department: '市教委', partner: '市政府有关部门', group: true, count: 1, tasks: [4] },
    ]);
  });

  it('stats --view sections: part and section as objects, as in task records', () => {
    const part1 = { id: 1, title: '第一部分' };
    const part2 = { id: 2, title: '第二部分' };
    expect(json(statsReport(smallPlan, en, 'sections', {}))).toEqual([
      { part: part1, section: null, tasks: 3, departments: 3, groups: 0 },
      { part: part1, section: { id: 1, title: '电梯安全。' }, tasks: 1, departments: 1, groups: 0 },
      { part: part1, section: { id: 2, title: '跨境电商。' }, tasks: 2, departments: 3, groups: 0 },
      { part: part2, section: null, tasks: 2, departments: 1, groups: 1 },
      { part: part2, section: { id: 3, title: '宣传教育。' }, tasks: 2, departments: 1, groups: 1 },
    ]);
  });

  it('stats --part narrows every view', () => {
    expect(json(statsReport(smallPlan, en, 'workload', { part: 2 }))).toEqual([
      { department: '市政府有关部门', group: true, total: 2, lead: 0, sole: 0, shared: 2, led: 0, guided: 0, share: 1 },
      { department: '市教委', group: false, total: 1, lead: 0, sole: 0, shared: 1, led: 0, guided: 0, share: 0.5 },
    ]);
  });

  it('outline', () => {
    expect(json(outlineReport(smallPlan, en))).toEqual([
      { part: { id: 1, title: '第一部分' }, section: { id: 1, title: '电梯安全。' }, count: 1, tasks: [1] },
      { part: { id: 1, title: '第一部分' }, section: { id: 2, title: '跨境电商。' }, count: 2, tasks: [2, 3] },
      { part: { id: 2, title: '第二部分' }, section: { id: 3, title: '宣传教育。' }, count: 2, tasks: [4, 5] },
    ]);
  });

  it('depts', () => {
    expect(json(deptsReport(smallPlan, en))[0]).toEqual({ department: '市质监局', full_name: '测试市质量技术监督局', full_name_confirmed: true, aliases: ['质监局'], group: false, total: 3, lead: 0, sole: 1, shared: 2, led: 0, guided: 0 });
  });
});

describe('charts in the terminal', () => {
  it.each(['workload', 'matrix', 'pairs', 'sections'] as const)('stats %s fits 80 columns', async (view) => {
    const out = await table(statsReport(realPlan, en, view, {}), { color: false, width: 80 });
    for (const line of out.trimEnd().split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('depts and partners fit 80 columns and draw bars', async () => {
    for (const report of [deptsReport(realPlan, en), statsReport(realPlan, en, 'partners', { departments: ['市质监局'] })]) {
      const out = await table(report, { color: false, width: 80 });
      expect(out).toContain('█');
      for (const line of out.trimEnd().split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    }
  });
});

describe('compactIds', () => {
  it.each([
    { ids: [1, 2, 3, 5], expected: '1–3, 5' },
    { ids: [29, 30, 31, 33], expected: '29–31, 33' },
    { ids: [7, 8], expected: '7, 8' },
    { ids: [], expected: '' },
  ])('$ids → $expected', ({ ids, expected }) => {
    expect(compactIds(ids)).toBe(expected);
  });
});
