import { EXIT, PlanError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { lookup, responsibilityOf } from '../plan/lookup.js';
import type { Department, Plan, Task } from '../types.js';

export interface Workload {
  department: Department;
  total: number;
  /** Tasks it leads (牵头, or listed first under a lead rule), whatever their responsibility. */
  lead: number;
  /** Tasks by responsibility: sole + shared + led + guided = total. */
  sole: number;
  shared: number;
  led: number;
  guided: number;
}

/**
 * Tasks per department by responsibility as it has it (responsibilityOf: a body that only guides a task others
 * carry counts it as guided) — 负责, 按职责分工负责, 牵头 (A牵头，B参与), 指导 — and those it leads, most first; ties
 * keep registry order.
 *
 * @example countWorkload(plan, plan.tasks)[0] // { department: 市质监局, total: 40, lead: 0, sole: 4, shared: 36, led: 0, guided: 0 }
 */
export function countWorkload(plan: Plan, tasks: Task[]): Workload[] {
  const rows = new Map(plan.departments.map((d) => [d.name, { department: d, total: 0, lead: 0, sole: 0, shared: 0, led: 0, guided: 0 }]));
  for (const task of tasks) {
    for (const name of task.departments) {
      const row = rows.get(name)!;
      row.total++;
      row[responsibilityOf(task, name)]++;
      if (task.leads?.includes(name)) row.lead++;
    }
  }
  return [...rows.values()].sort((a, b) => b.total - a.total);
}

export interface PartCounts {
  department: Department;
  /** Tasks in each part, in the order of plan.parts. */
  parts: number[];
  total: number;
}

/** Department × part: how many of each part's tasks name the department; most first, none left out. */
export function countByPart(plan: Plan, tasks: Task[]): PartCounts[] {
  const { partOf } = lookup(plan);
  const column = new Map(plan.parts.map((p, i) => [p.id, i]));
  const rows = new Map(plan.departments.map((d) => [d.name, { department: d, parts: plan.parts.map(() => 0), total: 0 }]));
  for (const task of tasks) {
    const part = partOf(task);
    if (part === undefined) continue;
    const i = column.get(part.id)!;
    for (const name of task.departments) {
      const row = rows.get(name)!;
      row.parts[i]!++;
      row.total++;
    }
  }
  return [...rows.values()].sort((a, b) => b.total - a.total);
}

/** Pairs of departments counted at most (a plan of 100,000 tasks of up to four departments has 600,000). */
export const MAX_PAIRS = 2_000_000;

export interface Pair {
  a: Department;
  b: Department;
  /** Tasks that name both. */
  tasks: number[];
}

/**
 * Pairs of departments named together on the same tasks, most shared tasks first. Groups (市政府有关部门) are
 * not one department and are left out: sharing a task with "the members of a meeting" is not a partnership.
 */
export function countPairs(plan: Plan, tasks: Task[]): Pair[] {
  const { department } = lookup(plan);
  // Pairs grow with the square of a task's departments: 6,000 on one task are 18 million pairs, more memory than
  // there is. Counted first, and refused above MAX_PAIRS.
  let work = 0;
  for (const task of tasks) {
    let k = 0;
    for (const name of task.departments) if (!department(name)!.group) k++;
    work += (k * (k - 1)) / 2;
  }
  if (work > MAX_PAIRS) {
    throw new PlanError(msg('stats.tooManyPairs', { n: work, most: MAX_PAIRS }), { exitCode: EXIT.usage });
  }
  const pairs: Pair[] = [];
  // name → name → pair, the two names in code-unit order.
  const index = new Map<string, Map<string, Pair>>();
  for (const task of tasks) {
    const names = task.departments.filter((n) => !department(n)!.group);
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const a = names[i]!;
        const b = names[j]!;
        const first = a < b ? a : b;
        const second = a < b ? b : a;
        let row = index.get(first);
        if (!row) index.set(first, (row = new Map()));
        let pair = row.get(second);
        if (!pair) {
          pair = { a: department(a)!, b: department(b)!, tasks: [] };
          row.set(second, pair);
          pairs.push(pair);
        }
        pair.tasks.push(task.id);
      }
    }
  }
  return pairs.sort((x, y) => y.tasks.length - x.tasks.length);
}

export interface Partner {
  department: Department;
  tasks: number[];
}

/** The departments that share tasks with one department, most shared tasks first (groups included, marked). */
export function countPartners(plan: Plan, tasks: Task[], name: string): Partner[] {
  const { department } = lookup(plan);
  const partners = new Map<string, Partner>();
  for (const task of tasks) {
    if (!task.departments.includes(name)) continue;
    for (const other of task.departments) {
      if (other === name) continue;
      let partner = partners.get(other);
      if (!partner) {
        partner = { department: department(other)!, tasks: [] };
        partners.set(other, partner);
      }
      partner.tasks.push(task.id);
    }
  }
  return [...partners.values()].sort((x, y) => y.tasks.length - x.tasks.length);
}

export interface SectionCount {
  part: number;
  /** Undefined on the row that totals a whole part. */
  section: number | undefined;
  tasks: number;
  /** Distinct ordinary departments named. */
  departments: number;
  /** Distinct groups of departments named. */
  groups: number;
}

/** Per part and per section: tasks, and how many departments and groups of departments they involve. */
export function countSections(plan: Plan, tasks: Task[]): SectionCount[] {
  const { partOf, department } = lookup(plan);
  const rows: SectionCount[] = [];
  const count = (part: number, sectionId: number | undefined, of: Task[]) => {
    const names = new Set(of.flatMap((t) => t.departments));
    const groups = [...names].filter((n) => department(n)!.group).length;
    rows.push({ part, section: sectionId, tasks: of.length, departments: names.size - groups, groups });
  };
  for (const part of plan.parts) {
    const inPart = tasks.filter((t) => partOf(t)?.id === part.id);
    if (inPart.length === 0) continue;
    count(part.id, undefined, inPart);
    for (const s of plan.sections.filter((x) => x.part === part.id)) {
      const inSection = inPart.filter((t) => t.section === s.id);
      if (inSection.length > 0) count(part.id, s.id, inSection);
    }
  }
  return rows;
}

/**
 * Writes task ids compactly, runs joined: [1,2,3,5] → "1–3, 5".
 *
 * @example compactIds([29, 30, 31, 33]) // '29–31, 33'
 */
export function compactIds(ids: number[]): string {
  const sorted = [...ids].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j > i + 1 ? `${sorted[i]}–${sorted[j]}` : j === i + 1 ? `${sorted[i]}, ${sorted[j]}` : `${sorted[i]}`);
    i = j;
  }
  return runs.join(', ');
}
