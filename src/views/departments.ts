import type { Translate } from '../i18n/index.js';
import { carriersOf, lookup, responsibilityOf } from '../plan/lookup.js';
import type { Column, Report } from '../render/report.js';
import { countPartners, countWorkload, type Workload } from '../query/stats.js';
import type { Department, Plan, Task } from '../types.js';
import { maxOf } from '../text.js';
import { taskColumns } from './tasks.js';

/**
 * A department as scripts see it: `department` is its name, in every command; `full_name_confirmed` is the plan
 * file's own field (false: no document of the time writes the full name out), null where there is no full name.
 */
export function departmentJSON(d: Department) {
  return { department: d.name, full_name: d.fullName ?? null, full_name_confirmed: fullNameConfirmed(d), aliases: d.aliases, group: d.group };
}

const fullNameConfirmed = (d: Department) => (d.fullName === undefined ? null : d.fullNameConfirmed !== false);

export function departmentLabel(t: Translate, d: Department): string {
  return d.group ? t('department.groupLabel', { name: d.name }) : d.name;
}

interface Duty {
  task: Task;
  partners: string[];
  duty: DutyKind;
}

/** What a department does in a task, as its duty sheet groups it. */
export type DutyKind = 'leads' | 'sole' | 'together' | 'shared' | 'other' | 'implied';

/**
 * The order of a duty sheet, in every format: what it leads (牵头, or listed first under a lead rule), what it
 * carries alone (负责 naming it only), with others (A、B负责), shared (按职责分工负责), the rest (指导, 参与…), then
 * those a note of the document gives it without naming it on the task (以下均需试点城市政府落实，不再列出).
 */
export const DUTY_ORDER: readonly DutyKind[] = ['leads', 'sole', 'together', 'shared', 'other', 'implied'];

export function dutyOf(task: Task, name: string): DutyKind {
  if (!task.departments.includes(name)) return 'implied';
  if (task.leads?.includes(name)) return 'leads';
  const own = responsibilityOf(task, name);
  if (own === 'sole') return carriersOf(task).some((d) => d !== name) ? 'together' : 'sole';
  return own === 'shared' ? 'shared' : 'other';
}

/** A department's tasks by what it does in them, each kind in plan order. */
export function dutiesByKind<T>(items: T[], task: (item: T) => Task, name: string): Record<DutyKind, T[]> {
  const kinds: Record<DutyKind, T[]> = { leads: [], sole: [], together: [], shared: [], other: [], implied: [] };
  for (const item of items) kinds[dutyOf(task(item), name)].push(item);
  return kinds;
}

/**
 * One department's duty sheet: the tasks it leads, carries alone, with others or shares, and with whom — in that
 * order in every format (several plans: each kind across all of them, in plan order).
 * JSON: task records with `partners`, the other departments on the task, and `duty`, the group it is listed in
 * (DutyKind); data formats add `partners` and `duty` columns.
 */
export function deptReport(plan: Plan, t: Translate, department: Department): Report<Duty> {
  const { record } = lookup(plan);
  const named = (task: Task) => task.departments.includes(department.name);
  const duties = plan.tasks
    .filter((task) => named(task) || task.implied?.includes(department.name))
    .map((task) => ({ task, partners: task.departments.filter((d) => d !== department.name), duty: dutyOf(task, department.name) }));
  const kinds = dutiesByKind(duties, (d) => d.task, department.name);
  const { leads, sole, together, shared, other, implied } = kinds;
  const partners = countPartners(plan, plan.tasks, department.name).slice(0, 5);
  const heading = [
    `${department.name}${department.fullName ? ` — ${department.fullName}` : ''}${fullNameConfirmed(department) === false ? t('department.unconfirmed') : ''}${department.group ? t('department.isGroup') : ''}`,
    t('dept.summary', { total: duties.length - implied.length, sole: sole.length, shared: shared.length }),
  ];
  const notes = plan.notes.filter((n) => n.implied.includes(department.name)).map((n) => n.text);
  if (implied.length > 0) heading.push(t('dept.impliedSummary', { n: implied.length, notes: notes.join(t('list.comma')) }));
  if (leads.length > 0 || other.length > 0 || together.length > 0) heading.push(t('dept.leadSummary', { leads: leads.length, together: together.length, other: other.length }));
  if (partners.length > 0) heading.push(t('dept.oftenWith', { list: partners.map((p) => `${p.department.name} (${p.tasks.length})`).join(t('list.comma')) }));
  const partnersOf = (d: Duty) => d.partners.join('、');
  const task = taskColumns<Duty>(plan, t, (d) => d.task);
  const shown = (header: string) => task.find((c) => c.header === header && c.only !== 'text')!;
  // People read the place, the partners and the text (the table is split by responsibility already);
  // data formats get the task columns in their order, then partners.
  const people: Column<Duty>[] = [
    shown('id'),
    shown('section'),
    { header: 'partners', label: t('column.with'), value: partnersOf, wrap: true, separator: '、', tone: 'accent' as const },
    shown('text'),
  ].map((c) => ({ ...c, only: 'table' as const }));
  return {
    records: DUTY_ORDER.flatMap((kind) => kinds[kind]),
    heading,
    groups: [
      ...(leads.length > 0 ? [{ title: t('dept.leads', { n: leads.length }), records: leads }] : []),
      { title: t('dept.alone', { n: sole.length }), records: sole, columns: people.filter((c) => c.header !== 'partners') },
      ...(together.length > 0 ? [{ title: t('dept.together', { n: together.length }), records: together }] : []),
      { title: t('dept.shared', { n: shared.length }), records: shared },
      ...(other.length > 0 ? [{ title: t('dept.other', { n: other.length }), records: other }] : []),
      ...(implied.length > 0 ? [{ title: t('dept.implied', { n: implied.length }), records: implied }] : []),
    ],
    columns: [
      ...task.filter((c) => c.only !== 'table').map((c) => ({ ...c, only: 'text' as const })),
      { header: 'partners', value: partnersOf, only: 'text' },
      { header: 'duty', value: (d) => d.duty, only: 'text' },
      ...people,
    ],
    toJSON: (d) => ({ ...record(d.task), partners: d.partners, duty: d.duty }),
  };
}

/**
 * A department's tasks by responsibility, which add up to its total: data formats have `sole, shared, led, guided`;
 * a table shows sole and shared, and the tasks of the other two (A牵头，B参与; A指导) in one column where any has them.
 */
export function responsibilityColumns<R extends Workload>(t: Translate, rows: R[]): Column<R>[] {
  return [
    { header: 'sole', label: t('column.sole'), value: (r) => String(r.sole), align: 'right', optional: true },
    { header: 'shared', label: t('column.shared'), value: (r) => String(r.shared), align: 'right', optional: true },
    { header: 'led', value: (r) => String(r.led), only: 'text' },
    { header: 'guided', value: (r) => String(r.guided), only: 'text' },
    ...(rows.some((r) => r.led + r.guided > 0)
      ? [{ header: 'led_guided', label: t('column.ledGuided'), value: (r: R) => String(r.led + r.guided), align: 'right' as const, optional: true, only: 'table' as const }]
      : []),
  ];
}

/** Every department with its task counts, most first, with a bar for the total on a terminal. */
export function deptsReport(plan: Plan, t: Translate): Report<Workload> {
  const rows = countWorkload(plan, plan.tasks);
  const max = maxOf(rows.map((r) => r.total));
  return {
    records: rows,
    groups: [
      { title: '', records: rows.filter((r) => !r.department.group) },
      { title: t('department.groups'), records: rows.filter((r) => r.department.group) },
    ],
    columns: [
      { header: 'department', label: t('column.department'), value: (r) => r.department.name, tone: 'bold', wrap: true },
      { header: 'full_name', value: (r) => r.department.fullName ?? '', only: 'text' },
      { header: 'full_name_confirmed', value: (r) => String(fullNameConfirmed(r.department) ?? ''), only: 'text' },
      { header: 'group', value: (r) => String(r.department.group), only: 'text' },
      { header: 'total', label: t('column.total'), value: (r) => String(r.total), align: 'right' },
      // Data formats always; a table only where some department leads (the bundled plan has no 牵头).
      { header: 'lead', value: (r) => String(r.lead), only: 'text' },
      ...(rows.some((r) => r.lead > 0) ? [{ header: 'lead', label: t('column.lead'), value: (r: Workload) => String(r.lead), align: 'right' as const, optional: true, only: 'table' as const }] : []),
      ...responsibilityColumns(t, rows),
      { header: '', value: () => '', bar: { value: (r) => r.total, max }, only: 'table', tone: 'accent' },
    ],
    toJSON: (r) => ({ ...departmentJSON(r.department), total: r.total, lead: r.lead, sole: r.sole, shared: r.shared, led: r.led, guided: r.guided }),
  };
}
