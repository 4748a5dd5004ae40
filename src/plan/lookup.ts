import type { Department, Part, Plan, Section, Task, TaskRecord } from '../types.js';

/** The plan's parts, sections and departments by key, built once per plan. */
export interface PlanLookup {
  part: (id: number) => Part;
  section: (id: number) => Section;
  partOf: (task: Task) => Part;
  department: (name: string) => Department | undefined;
  record: (task: Task) => TaskRecord;
}

const lookups = new WeakMap<Plan, PlanLookup>();

export function lookup(plan: Plan): PlanLookup {
  const known = lookups.get(plan);
  if (known) return known;
  const parts = new Map(plan.parts.map((p) => [p.id, p]));
  const sections = new Map(plan.sections.map((s) => [s.id, s]));
  const departments = new Map(plan.departments.map((d) => [d.name, d]));
  // A loaded plan has been validated: every reference resolves.
  const section = (id: number) => sections.get(id)!;
  const part = (id: number) => parts.get(id)!;
  const partOf = (task: Task) => part(section(task.section).part);
  const result: PlanLookup = {
    part,
    section,
    partOf,
    department: (name) => departments.get(name),
    record: (task) => {
      const s = section(task.section);
      const p = part(s.part);
      return {
        id: task.id,
        part: { id: p.id, title: p.title },
        section: { id: s.id, title: s.title },
        text: task.text,
        departments: task.departments,
        responsibility: task.responsibility,
      };
    },
  };
  lookups.set(plan, result);
  return result;
}
