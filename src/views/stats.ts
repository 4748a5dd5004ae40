import { EXIT, PlanError } from '../errors.js';
import { lookup } from '../plan/lookup.js';
import { chineseNumber, partLabel, sectionLabel } from '../plan/numbers.js';
import { bar } from '../render/bar.js';
import type { AnyReport } from '../render/report.js';
import { filterTasks } from '../query/filter.js';
import { compactIds, countByPart, countPairs, countPartners, countSections, countWorkload } from '../query/stats.js';
import type { FilterOptions, Plan } from '../types.js';
import { departmentLabel } from './departments.js';
import { maxOf } from '../text.js';

export const STAT_VIEWS = ['workload', 'matrix', 'pairs', 'partners', 'sections'] as const;
export type StatView = (typeof STAT_VIEWS)[number];

/** A table shows this many pairs; other formats list them all. */
const PAIRS_SHOWN = 20;

const barWidth = (width: number, others: number) => Math.max(8, Math.min(30, width - others));

function scope(plan: Plan, count: number): string {
  const narrowed = count !== plan.tasks.length;
  return narrowed ? `${count} of ${plan.tasks.length} tasks (filtered)` : `all ${count} tasks`;
}

/**
 * One view of who carries the plan, over the tasks that pass `filter`.
 * - workload: tasks per department (total, sole, shared, share of tasks), groups apart from departments;
 * - matrix: department × part;
 * - pairs: departments named together on the most tasks (groups left out);
 * - partners: the departments one department (--dept) shares most tasks with;
 * - sections: per part and section, tasks and the departments and groups involved.
 */
export function statsReport(plan: Plan, view: StatView, filter: FilterOptions, width = 80): AnyReport {
  const tasks = filterTasks(plan, filter);
  const about = scope(plan, tasks.length);
  switch (view) {
    case 'workload': {
      const rows = countWorkload(plan, tasks).filter((r) => r.total > 0);
      const max = maxOf(rows.map((r) => r.total));
      const share = (n: number) => (tasks.length ? `${((100 * n) / tasks.length).toFixed(0)}%` : '');
      return {
        records: rows,
        heading: [`Workload per department, ${about}`],
        groups: [
          { title: 'Departments', records: rows.filter((r) => !r.department.group) },
          { title: 'Groups of departments (each stands for several)', records: rows.filter((r) => r.department.group) },
        ],
        columns: [
          { header: 'department', value: (r) => r.department.name, tone: 'bold', wrap: true },
          { header: 'group', value: (r) => String(r.department.group), only: 'text' },
          { header: 'total', value: (r) => String(r.total), align: 'right' },
          { header: 'sole', value: (r) => String(r.sole), align: 'right' },
          { header: 'shared', value: (r) => String(r.shared), align: 'right' },
          { header: 'share', value: (r) => share(r.total), align: 'right' },
          { header: '', value: (r) => bar(r.total, max, barWidth(width, 50)), only: 'table', tone: 'accent' },
        ],
        toJSON: (r) => ({ department: r.department.name, group: r.department.group, total: r.total, sole: r.sole, shared: r.shared, share: tasks.length ? r.total / tasks.length : 0 }),
      };
    }
    case 'matrix': {
      const rows = countByPart(plan, tasks).filter((r) => r.total > 0);
      return {
        records: rows,
        heading: [`Tasks per department and part, ${about}`, ...plan.parts.map((p) => `  ${partLabel(p.id)}${p.title}`)],
        columns: [
          { header: 'department', value: (r) => departmentLabel(r.department), tone: 'bold', wrap: true },
          ...plan.parts.map((p, i) => ({ header: chineseNumber(p.id), value: (r: (typeof rows)[number]) => String(r.parts[i] || (r.parts[i] === 0 ? '·' : '')), align: 'right' as const, only: 'table' as const })),
          ...plan.parts.map((p, i) => ({ header: `part_${p.id}`, value: (r: (typeof rows)[number]) => String(r.parts[i]), only: 'text' as const })),
          { header: 'total', value: (r) => String(r.total), align: 'right', tone: 'bold' },
        ],
        toJSON: (r) => ({
          department: r.department.name,
          group: r.department.group,
          total: r.total,
          parts: Object.fromEntries(plan.parts.map((p, i) => [String(p.id), r.parts[i]])),
        }),
      };
    }
    case 'pairs': {
      const rows = countPairs(plan, tasks);
      return {
        records: rows,
        heading: [`Departments named together on the most tasks, ${about}${rows.length > PAIRS_SHOWN ? `; the top ${PAIRS_SHOWN} of ${rows.length} pairs (--format tsv lists all)` : ''}`],
        groups: [{ title: '', records: rows.slice(0, PAIRS_SHOWN) }],
        columns: [
          { header: 'department', value: (r) => r.a.name, tone: 'bold' },
          { header: 'with', value: (r) => r.b.name, tone: 'bold' },
          { header: 'count', value: (r) => String(r.tasks.length), align: 'right' },
          { header: 'tasks', value: (r) => compactIds(r.tasks), wrap: true, only: 'table' },
          { header: 'tasks', value: (r) => r.tasks.join(','), only: 'text' },
        ],
        toJSON: (r) => ({ departments: [r.a.name, r.b.name], count: r.tasks.length, tasks: r.tasks }),
      };
    }
    case 'partners': {
      const name = filter.departments?.[0];
      if (name === undefined || filter.departments!.length > 1) {
        throw new PlanError('the partners view is about one department: give exactly one --dept NAME', { exitCode: EXIT.usage });
      }
      const department = lookup(plan).department(name)!;
      const rows = countPartners(plan, tasks, name);
      const max = maxOf(rows.map((r) => r.tasks.length));
      return {
        records: rows,
        heading: [`Who ${name} works with, on ${tasks.length} tasks${department.group ? ' (a group of departments)' : ''}`],
        columns: [
          { header: 'partner', value: (r) => departmentLabel(r.department), tone: 'bold', wrap: true, only: 'table' },
          { header: 'partner', value: (r) => r.department.name, only: 'text' },
          { header: 'count', value: (r) => String(r.tasks.length), align: 'right' },
          { header: '', value: (r) => bar(r.tasks.length, max, barWidth(width, 60)), only: 'table', tone: 'accent' },
          { header: 'tasks', value: (r) => compactIds(r.tasks), wrap: true, only: 'table' },
          { header: 'tasks', value: (r) => r.tasks.join(','), only: 'text' },
        ],
        toJSON: (r) => ({ department: name, partner: r.department.name, group: r.department.group, count: r.tasks.length, tasks: r.tasks }),
      };
    }
    case 'sections': {
      const rows = countSections(plan, tasks);
      const { part, section } = lookup(plan);
      const title = (r: (typeof rows)[number]) => (r.section === undefined ? `${partLabel(r.part)}${part(r.part).title}` : `  ${sectionLabel(r.section)}${section(r.section).title}`);
      return {
        records: rows,
        heading: [`Tasks and departments per part and section, ${about}`],
        columns: [
          { header: 'part', value: (r) => String(r.part), align: 'right', only: 'text' },
          { header: 'section', value: (r) => (r.section === undefined ? '' : String(r.section)), align: 'right', only: 'text' },
          { header: 'title', value: title, wrap: true },
          { header: 'tasks', value: (r) => String(r.tasks), align: 'right' },
          { header: 'departments', value: (r) => String(r.departments), align: 'right' },
          { header: 'groups', value: (r) => String(r.groups), align: 'right' },
        ],
        toJSON: (r) => ({ part: r.part, section: r.section ?? null, tasks: r.tasks, departments: r.departments, groups: r.groups }),
      };
    }
  }
}
