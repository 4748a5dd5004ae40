import type { Translate } from '../i18n/index.js';
import { lookup } from '../plan/lookup.js';
import type { Column, Report } from '../render/report.js';
import { countPartners, countWorkload, type Workload } from '../query/stats.js';
import type { Department, Plan, Task } from '../types.js';
import { maxOf } from '../text.js';
import { taskColumns } from './tasks.js';

/** A department as scripts see it: `department` is its name, in every command. */
export function departmentJSON(d: Department) {
  return { department: d.name, full_name: d.fullName ?? null, aliases: d.aliases, group: d.group };
}

export function departmentLabel(t: Translate, d: Department): string {
  return d.group ? t('department.groupLabel', { name: d.name }) : d.name;
}

interface Duty {
  task: Task;
  partners: string[];
}

/**
 * One department's duty sheet: the tasks it carries alone, those it shares and with whom.
 * JSON: task records with `partners`, the other departments on the task; data formats add a `partners` column.
 */
export function deptReport(plan: Plan, t: Translate, department: Department): Report<Duty> {
  const { record } = lookup(plan);
  const duties = plan.tasks
    .filter((task) => task.departments.includes(department.name))
    .map((task) => ({ task, partners: task.departments.filter((d) => d !== department.name) }));
  // What it leads first (牵头, or listed first under a lead rule), then what it carries alone or shares, then the rest.
  const leads = duties.filter((d) => d.task.leads?.includes(department.name));
  const rest = duties.filter((d) => !d.task.leads?.includes(department.name));
  // 负责 naming it alone is its own; 负责 naming several bodies (A、B负责) is carried together, and says with whom.
  const sole = rest.filter((d) => d.task.responsibility === 'sole' && d.partners.length === 0);
  const together = rest.filter((d) => d.task.responsibility === 'sole' && d.partners.length > 0);
  const shared = rest.filter((d) => d.task.responsibility === 'shared');
  const other = rest.filter((d) => d.task.responsibility !== 'sole' && d.task.responsibility !== 'shared');
  const partners = countPartners(plan, plan.tasks, department.name).slice(0, 5);
  const heading = [
    `${department.name}${department.fullName ? ` — ${department.fullName}` : ''}${department.group ? t('department.isGroup') : ''}`,
    t('dept.summary', { total: duties.length, sole: sole.length, shared: shared.length }),
  ];
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
    records: duties,
    heading,
    groups: [
      ...(leads.length > 0 ? [{ title: t('dept.leads', { n: leads.length }), records: leads }] : []),
      { title: t('dept.alone', { n: sole.length }), records: sole, columns: people.filter((c) => c.header !== 'partners') },
      ...(together.length > 0 ? [{ title: t('dept.together', { n: together.length }), records: together }] : []),
      { title: t('dept.shared', { n: shared.length }), records: shared },
      ...(other.length > 0 ? [{ title: t('dept.other', { n: other.length }), records: other }] : []),
    ],
    columns: [
      ...task.filter((c) => c.only !== 'table').map((c) => ({ ...c, only: 'text' as const })),
      { header: 'partners', value: partnersOf, only: 'text' },
      ...people,
    ],
    toJSON: (d) => ({ ...record(d.task), partners: d.partners }),
  };
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
      { header: 'group', value: (r) => String(r.department.group), only: 'text' },
      { header: 'total', label: t('column.total'), value: (r) => String(r.total), align: 'right' },
      { header: 'lead', label: t('column.lead'), value: (r) => String(r.lead), align: 'right', optional: true },
      { header: 'sole', label: t('column.sole'), value: (r) => String(r.sole), align: 'right', optional: true },
      { header: 'shared', label: t('column.shared'), value: (r) => String(r.shared), align: 'right', optional: true },
      { header: '', value: () => '', bar: { value: (r) => r.total, max }, only: 'table', tone: 'accent' },
    ],
    toJSON: (r) => ({ ...departmentJSON(r.department), total: r.total, lead: r.lead, sole: r.sole, shared: r.shared }),
  };
}
