import type { Translate } from '../i18n/index.js';
import { lookup } from '../plan/lookup.js';
import type { Column, Report } from '../render/report.js';
import type { Plan, Task } from '../types.js';

/**
 * The columns of a task, the same in every command. Data (TSV, CSV): id, part, section, responsibility,
 * departments, text, and a command's own columns after them; people (table, markdown) read the section,
 * the responsibility in their words, the departments and the text.
 */
export function taskColumns<R>(plan: Plan, t: Translate, task: (record: R) => Task, extra: { text?: Partial<Column<R>>; departments?: Partial<Column<R>> } = {}): Column<R>[] {
  const { placeOf, label, origin } = lookup(plan);
  // The part's id in the task's own plan (several plans merged are renumbered through all of them).
  const partId = (merged: Task) => {
    const own = origin(merged);
    return String(lookup(own.plan).partOf(own.task)?.id ?? '');
  };
  return [
    { header: 'id', label: t('column.id'), value: (r) => label(task(r)), align: 'right', tone: 'bold' },
    { header: 'part', value: (r) => partId(task(r)), align: 'right', only: 'text' },
    { header: 'section', label: t('column.section'), value: (r) => placeOf(task(r)) },
    { header: 'responsibility', value: (r) => task(r).responsibility, only: 'text' },
    { header: 'responsibility', label: t('column.responsibility'), value: (r) => t('value.responsibility', { value: task(r).responsibility }), only: 'table', tone: 'dim', optional: true },
    { header: 'departments', label: t('column.departments'), value: (r) => task(r).departments.join('、'), wrap: true, separator: '、', tone: 'accent', ...extra.departments },
    { header: 'text', label: t('column.text'), value: (r) => task(r).text, wrap: true, weight: 3, ...extra.text },
  ];
}

/**
 * Tasks in full (`plan show`): on a terminal one block a task with the headings above it, its roles as written,
 * and its scope, time limit and the bodies a note adds; data formats have the same columns as every task list.
 */
export function fullTaskReport(plan: Plan, t: Translate, tasks: Task[]): Report<Task> {
  const { headingsOf } = lookup(plan);
  const [id, ...rest] = taskColumns<Task>(plan, t, (task) => task);
  // The headings say the section on a terminal; data formats keep it as a column of its own.
  const columns = rest.map((c) => (c.header === 'section' ? { ...c, only: 'text' as const } : c));
  const people = (header: string, label: string, value: (task: Task) => string): Column<Task> => ({ header, label, value, only: 'table', wrap: true });
  return {
    records: tasks,
    blocks: true,
    columns: [
      id!,
      people('headings', t('column.headings'), (task) => headingsOf(task).join(' › ')),
      ...columns,
      // What the document says of some tasks only: a column where any of these tasks has it.
      ...[
        people('leads', t('column.leads'), (task) => (task.leads ?? []).join('、')),
        people('roles', t('column.roles'), (task) => (task.roles ?? []).map((r) => `${r.department}：${r.word}`).join('；')),
        people('scope', t('column.scope'), (task) => task.scope ?? ''),
        people('deadline', t('column.deadline'), (task) => task.deadline ?? ''),
        people('implied', t('column.implied'), (task) => (task.implied ?? []).join('、')),
      ].filter((column) => tasks.some((task) => column.value(task) !== '')),
    ],
    toJSON: lookup(plan).record,
  };
}

/**
 * Tasks as SPEC.md records them: `{ id, number, part, section, headings, text, departments, leads, roles, responsibility }`.
 *
 * @example taskReport(plan, t, plan.tasks.slice(0, 1)).toJSON(plan.tasks[0]) // { id: 1, part: { id: 1, … }, … }
 */
export function taskReport(plan: Plan, t: Translate, tasks: Task[]): Report<Task> {
  return {
    records: tasks,
    columns: taskColumns(plan, t, (task) => task),
    toJSON: lookup(plan).record,
  };
}
