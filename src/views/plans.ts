// Views of several plans loaded together (SPEC "Many plans"): the list of plans, and the parts of other views
// that differ when there are several: task ids qualified, a row or column per plan where one plan's numbering
// means nothing in another (parts, sections).
import type { Translate } from '../i18n/index.js';
import { lookup, partNumber, sectionNumber } from '../plan/lookup.js';
import type { LoadedPlans } from '../plan/plans.js';
import type { AnyReport, Column, Line, Report } from '../render/report.js';
import { dutiesByKind, DUTY_ORDER, type DutyKind } from './departments.js';
import { compactIds, countSections, type SectionCount } from '../query/stats.js';
import type { Department, Plan, PlanMember, PlanRef, Task } from '../types.js';

/** How a record names its plan (`plan` of SPEC's task record). */
export function planRef(member: PlanMember): PlanRef {
  return { id: member.id, title: member.plan.meta.title, number: member.plan.meta.number ?? null };
}

/** `plan plans`: every plan loaded, with its id (what qualifies its task ids), title, 文号, date and counts. */
export function plansReport({ members, skipped }: LoadedPlans, t: Translate): Report<PlanMember> {
  const named = (m: PlanMember) => new Set(m.plan.tasks.flatMap((task) => task.departments)).size;
  return {
    records: members,
    heading: [
      t('plans.summary', { n: members.length, tasks: members.reduce((n, m) => n + m.plan.tasks.length, 0) }),
      ...(skipped.length ? [t('plans.skipped', { files: skipped.join(', ') })] : []),
    ],
    columns: [
      { header: 'id', label: t('column.id'), value: (m) => m.id, tone: 'bold' },
      { header: 'number', label: t('column.number'), value: (m) => m.plan.meta.number ?? '', tone: 'accent' },
      // The title is what people read: the date and then the departments' count give way before it is squeezed.
      { header: 'date', label: t('column.date'), value: (m) => m.plan.meta.date ?? '', optional: true },
      { header: 'tasks', label: t('column.taskCount'), value: (m) => String(m.plan.tasks.length), align: 'right' },
      { header: 'departments', label: t('column.departmentCount'), value: (m) => String(named(m)), align: 'right', optional: true },
      { header: 'title', label: t('column.planTitle'), value: (m) => m.plan.meta.title, wrap: true, weight: 3 },
      { header: 'file', value: (m) => m.file, only: 'text' },
    ],
    toJSON: (m) => ({
      id: m.id,
      file: m.file,
      title: m.plan.meta.title,
      number: m.plan.meta.number ?? null,
      issuer: m.plan.meta.issuer ?? null,
      date: m.plan.meta.date ?? null,
      tasks: m.plan.tasks.length,
      departments: named(m),
    }),
  };
}

/**
 * Task ids as lists show them: `1–3, 5`; with several plans, qualified and grouped by plan:
 * `gf2018-39:1–3, 5; gf2019-3:2`.
 */
export function compactTaskIds(plan: Plan, ids: number[]): string {
  if (!plan.merged) return compactIds(ids);
  const byPlan = new Map<PlanMember, number[]>();
  for (const id of ids) {
    const { member, task } = plan.merged.origins[id - 1]!;
    byPlan.set(member, [...(byPlan.get(member) ?? []), task.id]);
  }
  return [...byPlan].map(([member, own]) => `${member.id}:${compactIds(own)}`).join('; ');
}

/** Task ids for data formats: as they are, or with several plans, qualified (`gf2018-39:3`). */
export function taskIdList(plan: Plan, ids: number[]): (number | string)[] {
  if (!plan.merged) return ids;
  return ids.map((id) => {
    const { member, task } = plan.merged!.origins[id - 1]!;
    return `${member.id}:${task.id}`;
  });
}

/** The merged tasks of each member, in member order (members with none left out). */
function tasksByMember(plan: Plan, tasks: Task[]): Map<PlanMember, Task[]> {
  const out = new Map<PlanMember, Task[]>();
  for (const task of tasks) {
    const { member } = plan.merged!.origins[task.id - 1]!;
    let mine = out.get(member);
    if (!mine) out.set(member, (mine = []));
    mine.push(task);
  }
  return out;
}

/** What a department does in each plan: lines for the head of its duty sheet, one a plan that names it. */
export function dutiesPerPlan(plan: Plan, t: Translate, department: Department): string[] {
  if (!plan.merged) return [];
  const name = department.name;
  const byMember = tasksByMember(plan, plan.tasks.filter((task) => task.departments.includes(name)));
  const lines = [t('plans.dutiesIn', { n: byMember.size, of: plan.merged.members.length })];
  for (const [member, tasks] of byMember) {
    const kinds = dutiesByKind(tasks, (task) => task, name);
    const counts = t('plans.duties', Object.fromEntries(DUTY_ORDER.map((kind) => [kind, kinds[kind].length])) as Record<DutyKind, number>);
    const { number } = member.plan.meta;
    lines.push(`  ${member.id}${number ? `（${number}）` : ''}: ${t('n.task', { n: tasks.length })} — ${counts}`);
  }
  return lines;
}

/** A department's tasks in each plan, for the plans' column of `plan depts`: `gf2018-39 3, gf2019-3 1`. */
export function plansOfDepartment(plan: Plan): (name: string) => { id: string; tasks: number }[] {
  const counts = new Map<string, Map<PlanMember, number>>();
  for (const task of plan.tasks) {
    const { member } = plan.merged!.origins[task.id - 1]!;
    for (const name of task.departments) {
      let row = counts.get(name);
      if (!row) counts.set(name, (row = new Map()));
      row.set(member, (row.get(member) ?? 0) + 1);
    }
  }
  return (name) => [...(counts.get(name) ?? [])].map(([member, tasks]) => ({ id: member.id, tasks }));
}

/** `plan depts` across plans: each department's columns, and in how many of the plans it has tasks, and which. */
export function withPlansColumn<R extends { department: Department }>(plan: Plan, t: Translate, report: Report<R>): Report<R> {
  if (!plan.merged) return report;
  const plansOf = plansOfDepartment(plan);
  const columns = [...report.columns];
  const at = columns.findIndex((c) => c.header === '');
  const added: Column<R>[] = [
    // A count in TSV and CSV, where JSON's plans is an object: another name for another type.
    { header: 'plan_count', label: t('column.plans'), value: (r) => String(plansOf(r.department.name).length), align: 'right' },
    { header: 'in', value: (r) => plansOf(r.department.name).map((p) => `${p.id} ${p.tasks}`).join(', '), wrap: true, only: 'text' },
  ];
  columns.splice(at < 0 ? columns.length : at, 0, ...added);
  return {
    ...report,
    columns,
    toJSON: (r) => ({ ...(report.toJSON(r) as object), plans: Object.fromEntries(plansOf(r.department.name).map((p) => [p.id, p.tasks])) }),
  };
}

interface PlanRow<R> {
  member: PlanMember;
  row: R;
}

/**
 * One view per plan, made into one: a terminal shows each plan's lines under its id; other formats get the rows
 * of all, each with a `plan` column (JSON: field) in front, and task ids qualified in `tasks`.
 */
export function acrossPlans<R>(plan: Plan, t: Translate, make: (member: PlanMember) => Report<R> | undefined): Report<PlanRow<R>> {
  const made = plan.merged!.members.flatMap((member) => {
    const report = make(member);
    return report ? [{ member, report }] : [];
  });
  const first = made[0]?.report;
  const records = made.flatMap(({ member, report }) => report.records.map((row) => ({ member, row })));
  const qualify = (member: PlanMember, value: unknown) => (Array.isArray(value) ? value.map((id) => `${member.id}:${id}`) : value);
  const qualifyList = (member: PlanMember, text: string) => text.split(',').filter(Boolean).map((id) => `${member.id}:${id}`).join(',');
  const columns: Column<PlanRow<R>>[] = [
    { header: 'plan', label: t('column.plan'), value: (r) => r.member.id, tone: 'bold' },
    ...(first?.columns ?? []).map(({ header, label, value, wrap, weight, align, tone, only }): Column<PlanRow<R>> => ({
      header, label, wrap, weight, align, tone, only,
      value: (r) => (header === 'tasks' ? qualifyList(r.member, value(r.row)) : value(r.row)),
    })),
  ];
  // Each plan's lines, its first (the title) led by the plan's id and 文号.
  const lines = (width: number): Line[] => made.flatMap(({ member, report }, i) => {
    const [first, ...rest] = report.lines!(width);
    const label = `${member.id}${member.plan.meta.number ? `  ${member.plan.meta.number}` : ''}`;
    return [...(i > 0 ? [{ text: '' }] : []), { ...first, text: `${label}  ${first?.text ?? ''}` }, ...rest];
  });
  return {
    records,
    columns,
    ...(made.every((m) => m.report.lines) ? { lines } : {}),
    toJSON: (r) => {
      const own = made.find((m) => m.member === r.member)!.report.toJSON(r.row) as Record<string, unknown>;
      return { plan: planRef(r.member), ...own, ...('tasks' in own ? { tasks: qualify(r.member, own.tasks) } : {}) };
    },
  };
}

/** Department × plan: how many of each plan's tasks name the department, most first. */
export function matrixAcrossPlans(plan: Plan, t: Translate, tasks: Task[], about: string): AnyReport {
  const members = plan.merged!.members;
  const column = new Map(members.map((m, i) => [m, i]));
  const rows = new Map<string, { department: Department; plans: number[]; total: number }>();
  const { department } = lookup(plan);
  for (const task of tasks) {
    const i = column.get(plan.merged!.origins[task.id - 1]!.member)!;
    for (const name of task.departments) {
      let row = rows.get(name);
      if (!row) rows.set(name, (row = { department: department(name)!, plans: members.map(() => 0), total: 0 }));
      row.plans[i]!++;
      row.total++;
    }
  }
  const sorted = [...rows.values()].sort((a, b) => b.total - a.total);
  return {
    records: sorted,
    heading: [t('stats.matrixPlans', { about }), ...members.map((m) => `  ${m.id}: ${m.plan.meta.number ? `${m.plan.meta.number} ` : ''}${m.plan.meta.title}`)],
    columns: [
      { header: 'department', label: t('column.department'), value: (r) => (r.department.group ? t('department.groupLabel', { name: r.department.name }) : r.department.name), tone: 'bold', wrap: true, only: 'table' },
      { header: 'department', value: (r) => r.department.name, only: 'text' },
      { header: 'group', value: (r) => String(r.department.group), only: 'text' },
      ...members.map((m, i) => ({ header: m.id, value: (r: (typeof sorted)[number]) => String(r.plans[i] || '·'), align: 'right' as const, only: 'table' as const })),
      ...members.map((m, i) => ({ header: m.id, value: (r: (typeof sorted)[number]) => String(r.plans[i]), only: 'text' as const })),
      { header: 'total', label: t('column.total'), value: (r) => String(r.total), align: 'right', tone: 'bold' },
    ],
    toJSON: (r) => ({
      department: r.department.name,
      group: r.department.group,
      total: r.total,
      plans: Object.fromEntries(members.map((m, i) => [m.id, r.plans[i]])),
    }),
  };
}

/** Per plan, part and section: tasks, and how many departments and groups they involve. */
export function sectionsAcrossPlans(plan: Plan, t: Translate, tasks: Task[], about: string): AnyReport {
  const rows: { member: PlanMember; count: SectionCount }[] = [];
  for (const [member, mine] of tasksByMember(plan, tasks)) {
    const own = mine.map((t) => plan.merged!.origins[t.id - 1]!.task);
    for (const count of countSections(member.plan, own)) rows.push({ member, count });
  }
  const title = ({ member, count }: (typeof rows)[number]) => {
    const { part, section } = lookup(member.plan);
    return count.section === undefined ? `${partNumber(part(count.part))}${part(count.part).title}` : `  ${sectionNumber(section(count.section))}${section(count.section).title}`;
  };
  return {
    records: rows,
    heading: [t('stats.sectionsPlans', { about })],
    columns: [
      { header: 'plan', label: t('column.plan'), value: (r) => r.member.id, tone: 'bold' },
      { header: 'part', value: (r) => String(r.count.part), only: 'text' },
      { header: 'part_title', value: (r) => lookup(r.member.plan).part(r.count.part).title, only: 'text' },
      { header: 'section', value: (r) => (r.count.section === undefined ? '' : String(r.count.section)), only: 'text' },
      { header: 'section_title', value: (r) => (r.count.section === undefined ? '' : lookup(r.member.plan).section(r.count.section).title), only: 'text' },
      { header: 'title', label: t('column.title'), value: title, wrap: true, only: 'table' },
      { header: 'tasks', label: t('column.taskCount'), value: (r) => String(r.count.tasks), align: 'right' },
      { header: 'departments', label: t('column.departmentCount'), value: (r) => String(r.count.departments), align: 'right' },
      { header: 'groups', label: t('column.groupCount'), value: (r) => String(r.count.groups), align: 'right' },
    ],
    toJSON: ({ member, count }) => {
      const { part, section } = lookup(member.plan);
      return {
        plan: planRef(member),
        part: { id: count.part, title: part(count.part).title },
        section: count.section === undefined ? null : { id: count.section, title: section(count.section).title },
        tasks: count.tasks,
        departments: count.departments,
        groups: count.groups,
      };
    },
  };
}
