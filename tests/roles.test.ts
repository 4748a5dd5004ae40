// The roles a task record gives when the plan file writes none: what its responsibility and leads imply.
import { describe, expect, it } from 'vitest';
import { rolesOf } from '../src/plan/lookup.js';
import type { Task } from '../src/types.js';

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
