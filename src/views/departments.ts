import { lookup } from '../plan/lookup.js';
import { sectionLabel } from '../plan/numbers.js';
import { bar } from '../render/bar.js';
import type { Column, Report } from '../render/report.js';
import { countPartners, countWorkload, type Workload } from '../query/stats.js';
import type { Department, Plan, Task } from '../types.js';
import { maxOf } from '../text.js';

/** A department as scripts see it. */
export function departmentJSON(d: Department) {
  return { name: d.name, full_name: d.fullName ?? null, aliases: d.aliases, group: d.group };
}

export function departmentLabel(d: Department): string {
  return d.group ? `${d.name} (group)` : d.name;
}

interface Duty {
  task: Task;
  partners: string[];
}

/**
 * One department's duty sheet: the tasks it carries alone, those it shares and with whom.
 * JSON: task records with `partners`, the other departments on the task.
 */
export function deptReport(plan: Plan, department: Department): Report<Duty> {
  const { record } = lookup(plan);
  const duties = plan.tasks
    .filter((t) => t.departments.includes(department.name))
    .map((task) => ({ task, partners: task.departments.filter((d) => d !== department.name) }));
  const sole = duties.filter((d) => d.task.responsibility === 'sole');
  const shared = duties.filter((d) => d.task.responsibility === 'shared');
  const partners = countPartners(plan, plan.tasks, department.name).slice(0, 5);
  const heading = [
    `${department.name}${department.fullName ? ` — ${department.fullName}` : ''}${department.group ? ' (a group of departments)' : ''}`,
    `${duties.length} tasks: ${sole.length} alone (负责), ${shared.length} shared (按职责分工负责)`,
  ];
  if (partners.length > 0) heading.push(`most often with: ${partners.map((p) => `${p.department.name} (${p.tasks.length})`).join(', ')}`);
  const columns: Column<Duty>[] = [
    { header: 'id', value: (d) => String(d.task.id), align: 'right', tone: 'bold' },
    { header: 'section', value: (d) => sectionLabel(d.task.section) },
    { header: 'responsibility', value: (d) => d.task.responsibility, only: 'text' },
    { header: 'with', value: (d) => d.partners.join('、'), wrap: true, separator: '、', tone: 'accent' },
    { header: 'text', value: (d) => d.task.text, wrap: true, weight: 3 },
  ];
  return {
    records: duties,
    heading,
    groups: [
      { title: `Alone (负责): ${sole.length}`, records: sole, columns: columns.filter((c) => c.header !== 'with') },
      { title: `Shared (按职责分工负责): ${shared.length}`, records: shared },
    ],
    columns,
    toJSON: (d) => ({ ...record(d.task), partners: d.partners }),
  };
}

/** Every department with its task counts, most first, with a bar for the total on a terminal. */
export function deptsReport(plan: Plan, width = 80): Report<Workload> {
  const rows = countWorkload(plan, plan.tasks);
  const max = maxOf(rows.map((r) => r.total));
  const barWidth = Math.max(8, Math.min(30, width - 50));
  return {
    records: rows,
    groups: [
      { title: '', records: rows.filter((r) => !r.department.group) },
      { title: 'Groups of departments (each stands for several)', records: rows.filter((r) => r.department.group) },
    ],
    columns: [
      { header: 'department', value: (r) => r.department.name, tone: 'bold', wrap: true, only: 'table' },
      { header: 'name', value: (r) => r.department.name, only: 'text' },
      { header: 'full_name', value: (r) => r.department.fullName ?? '', only: 'text' },
      { header: 'group', value: (r) => String(r.department.group), only: 'text' },
      { header: 'total', value: (r) => String(r.total), align: 'right' },
      { header: 'sole', value: (r) => String(r.sole), align: 'right' },
      { header: 'shared', value: (r) => String(r.shared), align: 'right' },
      { header: '', value: (r) => bar(r.total, max, barWidth), only: 'table', tone: 'accent' },
    ],
    toJSON: (r) => ({ ...departmentJSON(r.department), total: r.total, sole: r.sole, shared: r.shared }),
  };
}
