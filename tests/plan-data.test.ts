// Checks plan.yaml against the published text, parsed here independently of the code that wrote plan.yaml.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPlanText } from '../src/plan/load.js';

const source = readFileSync(new URL('fixtures/chongqing-2016-quality-plan.txt', import.meta.url), 'utf8');
const yamlText = readFileSync(new URL('../plan.yaml', import.meta.url), 'utf8');
const plan = await loadPlanText(yamlText, 'plan.yaml');
const raw = parse(yamlText);

// The published layout (GB/T 9704): 一、 part, （一） section, 1． task ending in （departments 负责|按职责分工负责）.
const numerals = '一二三四五六七八九十';
const chinese = (s: string) => (s.length === 1 ? numerals.indexOf(s) + 1 : s[0] === '十' ? 10 + numerals.indexOf(s[1]!) + 1 : 0);
const lines = source.split('\n').map((l) => l.trim()).filter(Boolean);
const parts = lines.flatMap((l) => /^([一二三四五])、(.+)$/.exec(l) ?? []).length;
const expectedParts = lines.map((l) => /^([一二三四五])、(.+)$/.exec(l)).filter((m) => m).map((m) => ({ id: chinese(m![1]!), title: m![2]! }));
const expectedSections = lines.map((l) => /^（([一二三四五六七八九十]+)）(.+)$/.exec(l)).filter((m) => m).map((m) => ({ id: chinese(m![1]!), title: m![2]! }));
const expectedTasks = lines
  .map((l) => /^(\d+)．(.*)（([^（）]*?)(按职责分工负责|负责)）$/.exec(l))
  .filter((m) => m)
  .map((m) => ({ id: Number(m![1]), text: m![2]!, departments: m![3]!.split('、'), responsibility: m![4] === '负责' ? 'sole' : 'shared' }));

describe('plan.yaml against the published text', () => {
  it('has the counts of the document: 5 parts, 17 sections, 75 tasks, 36 departments', () => {
    expect(parts).toBeGreaterThan(0);
    expect(expectedParts).toHaveLength(5);
    expect(expectedSections).toHaveLength(17);
    expect(expectedTasks).toHaveLength(75);
    expect(plan.parts).toHaveLength(5);
    expect(plan.sections).toHaveLength(17);
    expect(plan.tasks).toHaveLength(75);
    expect(plan.departments).toHaveLength(36);
    expect(new Set(expectedTasks.flatMap((t) => t.departments)).size).toBe(36);
  });

  it('has every part and section title verbatim', () => {
    expect(plan.parts.map(({ id, title }) => ({ id, title }))).toEqual(expectedParts);
    expect(plan.sections.map(({ id, title }) => ({ id, title }))).toEqual(expectedSections);
  });

  it.each(expectedTasks)('task $id: text, departments and responsibility as published', (expected) => {
    const task = plan.tasks.find((t) => t.id === expected.id);
    expect(task).toBeDefined();
    expect(task!.text).toBe(expected.text);
    expect(task!.departments).toEqual(expected.departments);
    expect(task!.responsibility).toBe(expected.responsibility);
  });

  it('puts every task in the section it stands under, and every section in its part', () => {
    let part = 0;
    let section = 0;
    for (const line of lines) {
      const p = /^([一二三四五])、/.exec(line);
      const s = /^（([一二三四五六七八九十]+)）/.exec(line);
      const t = /^(\d+)．/.exec(line);
      if (p) part = chinese(p[1]!);
      else if (s) {
        section = chinese(s[1]!);
        expect(plan.sections.find((x) => x.id === section)!.part).toBe(part);
      } else if (t) expect(plan.tasks.find((x) => x.id === Number(t[1]))!.section).toBe(section);
    }
  });

  it('registers exactly the names the tasks use, and marks the two groups', () => {
    const used = new Set(expectedTasks.flatMap((t) => t.departments));
    expect(new Set(plan.departments.map((d) => d.name))).toEqual(used);
    expect(plan.departments.filter((d) => d.group).map((d) => d.name).sort()).toEqual(['市质量工作部门联席会议成员单位', '市政府有关部门'].sort());
  });

  it('keeps the metadata, the notice and the opening and closing paragraphs verbatim', () => {
    expect(raw.title).toBe('重庆市贯彻实施质量发展纲要2016年行动计划');
    expect(raw.issuer).toBe('重庆市人民政府办公厅');
    expect(raw.date).toBe('2016-06-23');
    expect(source).toContain(`${raw.addressees}：`);
    expect(source).toContain('重庆市人民政府办公厅\n2016年6月23日');
    for (const paragraph of [raw.notice, raw.opening, raw.closing]) {
      expect(lines).toContain(paragraph);
    }
    for (const document of raw.implements) {
      expect(source.replace(/[《》]/g, '')).toContain(document.replace(/（国办发〔2016〕18号）$/, ''));
    }
  });

  it('leaves nothing of the document out: every line of the source is in plan.yaml', () => {
    const covered = [raw.notice, raw.opening, raw.closing, raw.issuer, ...plan.tasks.map((t) => t.text)];
    for (const line of lines) {
      const body = line.replace(/^(\d+)．/, '').replace(/^（[一二三四五六七八九十]+）/, '').replace(/^[一二三四五]、/, '').replace(/（[^（）]*?(按职责分工负责|负责)）$/, '');
      const known = covered.includes(body) || plan.sections.some((s) => s.title === body) || plan.parts.some((p) => p.title === body)
        || raw.title.startsWith(body) || raw.title.endsWith(body) || `${raw.addressees}：` === body || body === '2016年6月23日';
      expect(known, line).toBe(true);
    }
  });
});
