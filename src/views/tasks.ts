import { lookup } from '../plan/lookup.js';
import { sectionLabel } from '../plan/numbers.js';
import type { Column, Report } from '../render/report.js';
import type { Plan, Task } from '../types.js';

/** The columns of a task in a table, TSV, CSV or Markdown: id, part, section, responsibility, departments, text. */
export function taskColumns<R>(plan: Plan, task: (record: R) => Task, extra: { text?: Partial<Column<R>> } = {}): Column<R>[] {
  const { section } = lookup(plan);
  return [
    { header: 'id', value: (r) => String(task(r).id), align: 'right', tone: 'bold' },
    { header: 'part', value: (r) => String(section(task(r).section).part), align: 'right', only: 'text' },
    { header: 'section', value: (r) => sectionLabel(task(r).section) },
    { header: 'responsibility', value: (r) => task(r).responsibility, only: 'text' },
    { header: 'resp.', value: (r) => task(r).responsibility, only: 'table', tone: 'dim' },
    { header: 'departments', value: (r) => task(r).departments.join('、'), wrap: true, separator: '、', tone: 'accent' },
    { header: 'text', value: (r) => task(r).text, wrap: true, weight: 3, ...extra.text },
  ];
}

/**
 * Tasks as SPEC.md records them: `{ id, part, section, text, departments, responsibility }`.
 *
 * @example taskReport(plan, plan.tasks.slice(0, 1)).toJSON(plan.tasks[0]) // { id: 1, part: { id: 1, … }, … }
 */
export function taskReport(plan: Plan, tasks: Task[]): Report<Task> {
  return {
    records: tasks,
    columns: taskColumns(plan, (t) => t),
    toJSON: lookup(plan).record,
  };
}
