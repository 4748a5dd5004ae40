// Roles: the ones a task record gives when the plan file writes none, and what each body's role (and a note's implied
// body) makes of its responsibility, its duty sheet and its counts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translator } from '../src/i18n/index.js';
import { importDocument } from '../src/import/index.js';
import { carriersOf, responsibilityOf, rolesOf } from '../src/plan/lookup.js';
import { filterTasks } from '../src/query/filter.js';
import { countWorkload } from '../src/query/stats.js';
import type { Plan, Task } from '../src/types.js';
import { deptReport, dutyOf } from '../src/views/departments.js';

const task = (fields: Partial<Task>): Task => ({ id: 1, text: 't', departments: ['甲', '乙'], responsibility: 'sole', ...fields } as Task);

describe('rolesOf without roles written', () => {
  it.each([
    { name: 'A、B负责', fields: {}, expected: [['甲', 'responsible', '负责'], ['乙', 'responsible', '负责']] },
    { name: 'A、B按职责分工负责', fields: { responsibility: 'shared' }, expected: [['甲', 'responsible', '按职责分工负责'], ['乙', 'responsible', '按职责分工负责']] },
    { name: 'A指导', fields: { responsibility: 'guided', departments: ['甲'] }, expected: [['甲', 'guide', '指导']] },
    // 列第一位者为牵头单位: the first-listed leads; the document's word is still 负责.
    { name: 'A、B负责 under a lead rule', fields: { leads: ['甲'] }, expected: [['甲', 'lead', '负责'], ['乙', 'responsible', '负责']] },
    { name: 'A、B按职责分工负责 under a lead rule', fields: { leads: ['甲'], responsibility: 'shared' }, expected: [['甲', 'lead', '按职责分工负责'], ['乙', 'responsible', '按职责分工负责']] },
    { name: 'B牵头，A参与', fields: { leads: ['乙'], responsibility: 'led' }, expected: [['甲', 'participant', '参与'], ['乙', 'lead', '牵头']] },
  ] as const)('$name', ({ fields, expected }) => {
    expect(rolesOf(task(fields as Partial<Task>)).map((r) => [r.department, r.role, r.word])).toEqual(expected);
  });

  it('roles written are kept as written', () => {
    const roles = [{ department: '甲', role: 'convener', word: '会同' }, { department: '乙', role: 'responsible', word: '负责' }] as const;
    expect(rolesOf(task({ leads: ['甲'], roles: [...roles] }))).toEqual(roles);
  });
});

describe('a body that only guides or takes part', () => {
  // （生态环境部指导，试点城市政府负责落实）: the task is sole, carried by the city government alone.
  const guided = task({
    departments: ['生态环境部', '试点城市政府'],
    roles: [{ department: '生态环境部', role: 'guide', word: '指导' }, { department: '试点城市政府', role: 'responsible', word: '负责落实' }],
  });
  const plan = { meta: { title: 't' }, parts: [], sections: [], notes: [], synonyms: [], tasks: [guided], departments: [{ name: '生态环境部', aliases: [], group: false }, { name: '试点城市政府', aliases: [], group: false }] } as unknown as Plan;

  it('has the task as guided; the one that carries it, as its own', () => {
    expect(responsibilityOf(guided, '生态环境部')).toBe('guided');
    expect(responsibilityOf(guided, '试点城市政府')).toBe('sole');
    expect(carriersOf(guided)).toEqual(['试点城市政府']);
  });

  it('the duty sheet lists it under 指导或参与, and the carrier carries it alone', () => {
    expect(dutyOf(guided, '生态环境部')).toBe('other');
    expect(dutyOf(guided, '试点城市政府')).toBe('sole');
    // Without roles, two bodies under 负责 carry it together.
    expect(dutyOf(task({}), '甲')).toBe('together');
  });

  it('counts and filters by the responsibility each body has', () => {
    expect(countWorkload(plan, plan.tasks).map((r) => [r.department.name, r.sole, r.guided])).toEqual([['生态环境部', 0, 1], ['试点城市政府', 1, 0]]);
    expect(filterTasks(plan, { departments: ['生态环境部'], responsibility: 'sole' })).toEqual([]);
    expect(filterTasks(plan, { departments: ['生态环境部'], responsibility: 'guided' })).toEqual([guided]);
    expect(filterTasks(plan, { departments: ['试点城市政府'], responsibility: 'sole' })).toEqual([guided]);
    expect(filterTasks(plan, { responsibility: 'sole' })).toEqual([guided]);
  });
});

describe('a body a note of the document makes responsible (以下均需试点城市政府落实，不再列出)', () => {
  it('has a duty sheet of the tasks named on it and, apart, those the note gives it', async () => {
    const { plan } = await importDocument(readFileSync(new URL('fixtures/import/several.txt', import.meta.url)), 'several.txt');
    const sheet = deptReport(plan, translator('en'), plan.departments.find((d) => d.name === '试点城市政府')!);
    const json = sheet.records.map((r) => sheet.toJSON(r) as { id: number; duty: string });
    expect(json.map((r) => [r.id, r.duty])).toEqual([[2, 'sole'], [3, 'implied'], [4, 'implied'], [5, 'implied'], [6, 'implied'], [7, 'implied']]);
    expect(sheet.heading).toContain('and 5 tasks a note of the document gives it without naming it there: 以下均需试点城市政府落实，不再列出');
    expect(sheet.heading![1]).toBe('1 task: 1 alone (负责), 0 shared (按职责分工负责)');
    expect(sheet.groups!.map((g) => g.title)).toEqual(['Alone (负责): 1', 'Shared (按职责分工负责): 0', 'Given it by a note of the document, not named on the task: 5']);
  });
});
