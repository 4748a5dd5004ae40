import type { Department, Part, Plan, Responsibility, Role, Section, Task, TaskRecord } from '../types.js';
import { partLabel, sectionLabel } from './numbers.js';

/** The plan's parts, sections and departments by key, built once per plan. */
export interface PlanLookup {
  part: (id: number) => Part;
  section: (id: number) => Section;
  /** The part a task stands in, through its section or directly; undefined where the document has none. */
  partOf: (task: Task) => Part | undefined;
  sectionOf: (task: Task) => Section | undefined;
  /** The headings above a task, outermost first, numbered as printed: ['一、…', '（一）…', heading]. */
  headingsOf: (task: Task) => string[];
  /** Where a task stands, shortly: its section's number, else its part's, else ''. */
  placeOf: (task: Task) => string;
  department: (name: string) => Department | undefined;
  record: (task: Task) => TaskRecord;
  /** A task's id as people and scripts give it: 37, or with several plans loaded, qualified: gf2018-39:3. */
  label: (task: Task) => string;
  /** The plan a task comes from and the task as that plan numbers it: itself, unless several plans are merged. */
  origin: (task: Task) => { plan: Plan; task: Task };
}

const lookups = new WeakMap<Plan, PlanLookup>();

/** 一、 for part 1, or the part's number as printed. */
export const partNumber = (p: Part) => (p.number === undefined ? partLabel(p.id) : `${p.number.replace(/、$/, '')}、`);
/** （八） for section 8, or the section's number as printed. */
export const sectionNumber = (s: Section) => (s.number === undefined ? sectionLabel(s.id) : s.number);

/**
 * Every body's role on a task: as recorded, else the one its responsibility and leads imply (plan.yaml writes
 * none: 负责 and 按职责分工负责 make each department responsible; a body in `leads` leads).
 */
export function rolesOf(task: Task): Role[] {
  if (task.roles) return task.roles;
  const word = task.responsibility === 'shared' ? '按职责分工负责' : task.responsibility === 'guided' ? '指导' : '负责';
  const role = task.responsibility === 'guided' ? 'guide' as const : 'responsible' as const;
  const led = task.responsibility === 'led';
  // Those in `leads` lead (牵头, or first-listed under a lead rule, whose word stays the attribution's); under 牵头
  // the others take part (A牵头，B、C参与).
  return task.departments.map((department): Role => {
    if (task.leads?.includes(department)) return { department, role: 'lead', word: led ? '牵头' : word };
    return led ? { department, role: 'participant', word: '参与' } : { department, role, word };
  });
}

/**
 * A task's responsibility as one of its departments has it: a body that only guides or takes part (A指导，B负责落实;
 * A负责，B配合) in a task others carry alone or share has it as `guided`, never as carrying it; any other body has
 * the task's own.
 *
 * @example responsibilityOf({ responsibility: 'sole', roles: [{ department: '生态环境部', role: 'guide', … }, …] }, '生态环境部') // 'guided'
 */
export function responsibilityOf(task: Task, department: string): Responsibility {
  if (task.responsibility !== 'sole' && task.responsibility !== 'shared') return task.responsibility;
  const role = task.roles?.find((r) => r.department === department)?.role;
  return role === 'guide' || role === 'participant' ? 'guided' : task.responsibility;
}

/** The departments that carry a task others only guide or take part in (all of them, where none only guides). */
export function carriersOf(task: Task): string[] {
  return task.departments.filter((d) => responsibilityOf(task, d) === task.responsibility);
}

export function lookup(plan: Plan): PlanLookup {
  const known = lookups.get(plan);
  if (known) return known;
  const parts = new Map(plan.parts.map((p) => [p.id, p]));
  const sections = new Map(plan.sections.map((s) => [s.id, s]));
  const departments = new Map(plan.departments.map((d) => [d.name, d]));
  // A loaded plan has been validated: every reference resolves.
  const section = (id: number) => sections.get(id)!;
  const part = (id: number) => parts.get(id)!;
  const sectionOf = (task: Task) => (task.section === undefined ? undefined : section(task.section));
  const partOf = (task: Task) => {
    const id = task.section === undefined ? task.part : section(task.section).part;
    return id === undefined ? undefined : part(id);
  };
  const headingsOf = (task: Task) => {
    const p = partOf(task);
    // A task that starts at its section's own numbered item (（一）标题。正文…（A负责）) stands under the part only.
    const s = ((section) => (section && task.number === sectionNumber(section) ? undefined : section))(sectionOf(task));
    return [
      ...(p ? [`${partNumber(p)}${p.title}`] : []),
      ...(s ? [`${sectionNumber(s)}${s.title}`] : []),
      ...(task.heading === undefined ? [] : [task.heading]),
    ];
  };
  const placeOf = (task: Task) => {
    const s = sectionOf(task);
    if (s) return sectionNumber(s);
    const p = partOf(task);
    return p ? partNumber(p) : '';
  };
  const merged = plan.merged;
  const label = merged
    ? (task: Task) => {
      const { member, task: own } = merged.origins[task.id - 1]!;
      return `${member.id}:${own.id}`;
    }
    : (task: Task) => String(task.id);
  const origin = merged
    ? (task: Task) => {
      const { member, task: own } = merged.origins[task.id - 1]!;
      return { plan: member.plan, task: own };
    }
    : (task: Task) => ({ plan, task });
  const result: PlanLookup = {
    label,
    origin,
    part,
    section,
    partOf,
    sectionOf,
    headingsOf,
    placeOf,
    department: (name) => departments.get(name),
    record: (task) => {
      if (merged) {
        // The record its own plan gives, with the plan said and the id qualified.
        const { member, task: own } = merged.origins[task.id - 1]!;
        const { id, number, ...rest } = lookup(member.plan).record(own);
        const { title, number: documentNumber } = member.plan.meta;
        return { id: `${member.id}:${id}`, number, plan: { id: member.id, title, number: documentNumber ?? null }, ...rest };
      }
      const s = sectionOf(task);
      const p = partOf(task);
      return {
        id: task.id,
        number: task.number === undefined ? String(task.id) : task.number,
        part: p ? { id: p.id, title: p.title } : null,
        section: s ? { id: s.id, title: s.title } : null,
        headings: headingsOf(task),
        ...(task.heading === undefined ? {} : { heading: task.heading }),
        text: task.text,
        departments: task.departments,
        leads: task.leads ?? [],
        roles: rolesOf(task),
        responsibility: task.responsibility,
        ...(task.incomplete ? { incomplete: true } : {}),
        ...(task.scope === undefined ? {} : { scope: task.scope }),
        ...(task.deadline === undefined ? {} : { deadline: task.deadline }),
        ...(task.implied?.length ? { implied: task.implied } : {}),
      };
    },
  };
  lookups.set(plan, result);
  return result;
}
