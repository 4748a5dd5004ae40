import type { Language, Translate } from '../i18n/index.js';
import { EXIT, PlanError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { lookup } from '../plan/lookup.js';
import { chineseNumber, partLabel, sectionLabel } from '../plan/numbers.js';
import type { AnyReport } from '../render/report.js';
import { filterTasks } from '../query/filter.js';
import { countByPart, countPairs, countPartners, countSections, countWorkload, type Pair } from '../query/stats.js';
import type { FilterOptions, Plan, Task } from '../types.js';
import { departmentLabel, responsibilityColumns } from './departments.js';
import { maxOf } from '../text.js';
import { compactTaskIds, matrixAcrossPlans, sectionsAcrossPlans, taskIdList } from './plans.js';

/** A table shows this many pairs; other formats list them all. */
const PAIRS_SHOWN = 20;

/** What every view is built from: the tasks that pass the filter, and how to say their scope. */
interface StatContext {
  plan: Plan;
  t: Translate;
  filter: FilterOptions;
  tasks: Task[];
  /** "all 75 tasks" or "12 of 75 tasks (filtered)". */
  about: string;
  /** Asked among several views: one too large to count is withheld, said in its place, not refused whole. */
  among?: StatsOptions['among'];
}

export interface StatsOptions {
  /** The view is one of several asked at once, in this language (the words of a view withheld). */
  among?: Language;
}

/** A share of the tasks as a number from 0 to 1, the same in every format (a table shows it as a percentage). */
const shareOf = (n: number, of: number) => (of ? Math.round((10000 * n) / of) / 10000 : 0);

/**
 * The views of who carries the plan, over the tasks that pass the filter; one entry a view.
 * - workload: tasks per department (total, sole, shared, share of tasks), groups apart from departments;
 * - matrix: department × part;
 * - pairs: departments named together on the most tasks (groups left out);
 * - partners: the departments one department (--dept) shares most tasks with;
 * - sections: per part and section, tasks and the departments and groups involved.
 */
const VIEWS = {
  workload: ({ plan, t, tasks, about }: StatContext): AnyReport => {
    const rows = countWorkload(plan, tasks).filter((r) => r.total > 0);
    const max = maxOf(rows.map((r) => r.total));
    return {
      records: rows,
      heading: [t('stats.workload', { about })],
      groups: [
        { title: t('department.departments'), records: rows.filter((r) => !r.department.group) },
        { title: t('department.groups'), records: rows.filter((r) => r.department.group) },
      ],
      columns: [
        { header: 'department', label: t('column.department'), value: (r) => r.department.name, tone: 'bold', wrap: true },
        { header: 'group', value: (r) => String(r.department.group), only: 'text' },
        { header: 'total', label: t('column.total'), value: (r) => String(r.total), align: 'right' },
        { header: 'lead', value: (r) => String(r.lead), only: 'text' },
        ...responsibilityColumns(t, rows),
        { header: 'share', value: (r) => String(shareOf(r.total, tasks.length)), only: 'text' },
        { header: 'share', label: t('column.share'), value: (r) => `${Math.round(100 * shareOf(r.total, tasks.length))}%`, align: 'right', only: 'table', optional: true },
        { header: '', value: () => '', bar: { value: (r) => r.total, max }, only: 'table', tone: 'accent' },
      ],
      toJSON: (r) => ({ department: r.department.name, group: r.department.group, total: r.total, lead: r.lead, sole: r.sole, shared: r.shared, led: r.led, guided: r.guided, share: shareOf(r.total, tasks.length) }),
    };
  },
  matrix: ({ plan, t, tasks, about }: StatContext): AnyReport => {
    const rows = countByPart(plan, tasks).filter((r) => r.total > 0);
    type Row = (typeof rows)[number];
    return {
      records: rows,
      heading: [t('stats.matrix', { about }), ...plan.parts.map((p) => `  ${partLabel(p.id)}${p.title}`)],
      columns: [
        { header: 'department', label: t('column.department'), value: (r) => departmentLabel(t, r.department), tone: 'bold', wrap: true, only: 'table' },
        { header: 'department', value: (r) => r.department.name, only: 'text' },
        { header: 'group', value: (r) => String(r.department.group), only: 'text' },
        ...plan.parts.map((p, i) => ({ header: chineseNumber(p.id), value: (r: Row) => String(r.parts[i] || (r.parts[i] === 0 ? '·' : '')), align: 'right' as const, only: 'table' as const })),
        ...plan.parts.map((p, i) => ({ header: `part_${p.id}`, value: (r: Row) => String(r.parts[i]), only: 'text' as const })),
        { header: 'total', label: t('column.total'), value: (r) => String(r.total), align: 'right', tone: 'bold' },
      ],
      toJSON: (r) => ({
        department: r.department.name,
        group: r.department.group,
        total: r.total,
        parts: Object.fromEntries(plan.parts.map((p, i) => [String(p.id), r.parts[i]])),
      }),
    };
  },
  pairs: ({ plan, t, tasks, about, among }: StatContext): AnyReport => {
    let rows: Pair[];
    try {
      rows = countPairs(plan, tasks);
    } catch (error) {
      // Too many pairs to count (countPairs refuses them): among other views, said in its place; alone, refused.
      if (among === undefined || !(error instanceof PlanError)) throw error;
      return { records: [], columns: [], toJSON: () => null, heading: [t('stats.pairs', { about })], withheld: error.say(among) };
    }
    return {
      records: rows,
      heading: [t('stats.pairs', { about })],
      groups: [{ title: '', records: rows.slice(0, PAIRS_SHOWN) }],
      cut: (shown, n) => t('stats.pairsCut', { shown, n }),
      columns: [
        { header: 'department', label: t('column.department'), value: (r) => r.a.name, tone: 'bold' },
        { header: 'partner', label: t('column.with'), value: (r) => r.b.name, tone: 'bold' },
        { header: 'count', label: t('column.count'), value: (r) => String(r.tasks.length), align: 'right' },
        { header: 'tasks', label: t('column.tasks'), value: (r) => compactTaskIds(plan, r.tasks), wrap: true, only: 'table' },
        { header: 'tasks', value: (r) => taskIdList(plan, r.tasks).join(','), only: 'text' },
      ],
      toJSON: (r) => ({ department: r.a.name, partner: r.b.name, count: r.tasks.length, tasks: taskIdList(plan, r.tasks) }),
    };
  },
  partners: ({ plan, t, filter, tasks }: StatContext): AnyReport => {
    const name = filter.departments?.[0];
    if (name === undefined || filter.departments!.length > 1) throw new PlanError(msg('stats.partnersOne'), { exitCode: EXIT.usage });
    const department = lookup(plan).department(name)!;
    const rows = countPartners(plan, tasks, name);
    const max = maxOf(rows.map((r) => r.tasks.length));
    return {
      records: rows,
      heading: [t('stats.partners', { name, n: tasks.length }) + (department.group ? t('department.isGroup') : '')],
      columns: [
        { header: 'department', value: () => name, only: 'text' },
        { header: 'partner', label: t('column.partner'), value: (r) => departmentLabel(t, r.department), tone: 'bold', wrap: true, only: 'table' },
        { header: 'partner', value: (r) => r.department.name, only: 'text' },
        { header: 'group', value: (r) => String(r.department.group), only: 'text' },
        { header: 'count', label: t('column.count'), value: (r) => String(r.tasks.length), align: 'right' },
        { header: '', value: () => '', bar: { value: (r) => r.tasks.length, max }, only: 'table', tone: 'accent' },
        { header: 'tasks', label: t('column.tasks'), value: (r) => compactTaskIds(plan, r.tasks), wrap: true, only: 'table' },
        { header: 'tasks', value: (r) => taskIdList(plan, r.tasks).join(','), only: 'text' },
      ],
      toJSON: (r) => ({ department: name, partner: r.department.name, group: r.department.group, count: r.tasks.length, tasks: taskIdList(plan, r.tasks) }),
    };
  },
  sections: ({ plan, t, tasks, about }: StatContext): AnyReport => {
    const rows = countSections(plan, tasks);
    const { part, section } = lookup(plan);
    const title = (r: (typeof rows)[number]) => (r.section === undefined ? `${partLabel(r.part)}${part(r.part).title}` : `  ${sectionLabel(r.section)}${section(r.section).title}`);
    return {
      records: rows,
      heading: [t('stats.sections', { about })],
      columns: [
        { header: 'part', value: (r) => String(r.part), only: 'text' },
        { header: 'part_title', value: (r) => part(r.part).title, only: 'text' },
        { header: 'section', value: (r) => (r.section === undefined ? '' : String(r.section)), only: 'text' },
        { header: 'section_title', value: (r) => (r.section === undefined ? '' : section(r.section).title), only: 'text' },
        { header: 'title', label: t('column.title'), value: title, wrap: true, only: 'table' },
        { header: 'tasks', label: t('column.taskCount'), value: (r) => String(r.tasks), align: 'right' },
        { header: 'departments', label: t('column.departmentCount'), value: (r) => String(r.departments), align: 'right' },
        { header: 'groups', label: t('column.groupCount'), value: (r) => String(r.groups), align: 'right' },
      ],
      toJSON: (r) => ({
        part: { id: r.part, title: part(r.part).title },
        section: r.section === undefined ? null : { id: r.section, title: section(r.section).title },
        tasks: r.tasks,
        departments: r.departments,
        groups: r.groups,
      }),
    };
  },
} satisfies Record<string, (context: StatContext) => AnyReport>;

export type StatView = keyof typeof VIEWS;
export const STAT_VIEWS = Object.keys(VIEWS) as StatView[];

/** One view of who carries the plan, over the tasks that pass `filter`. */
export function statsReport(plan: Plan, t: Translate, view: StatView, filter: FilterOptions, options: StatsOptions = {}): AnyReport {
  const tasks = filterTasks(plan, filter);
  const about = (tasks.length !== plan.tasks.length ? t('stats.filtered', { n: tasks.length, of: plan.tasks.length }) : t('stats.all', { n: tasks.length }))
    + (plan.merged ? t('plans.inPlans', { n: plan.merged.members.length }) : '');
  // Several plans: parts and sections are each plan's own, so those views are per plan.
  if (plan.merged && view === 'matrix') return matrixAcrossPlans(plan, t, tasks, about);
  if (plan.merged && view === 'sections') return sectionsAcrossPlans(plan, t, tasks, about);
  return VIEWS[view]({ plan, t, filter, tasks, about, among: options.among });
}
