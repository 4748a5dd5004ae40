import { msg, type ItemKind, type Message } from '../i18n/index.js';
import { RESPONSIBILITIES, ROLE_KINDS, type Department, type Note, type Part, type Plan, type PlanMeta, type Role, type Section, type Task } from '../types.js';

export type Path = (string | number)[];

/** One thing wrong with a plan file: where (a path into the data) and what was expected (worded by the CLI). */
export interface Problem {
  path: Path;
  message: Message;
  /** Point at the key itself rather than its value (unknown and duplicate keys). */
  atKey?: boolean;
}

export interface Validation {
  plan: Plan;
  /** The first MAX_KEPT problems found. */
  problems: Problem[];
  /** How many problems there are in all. */
  total: number;
}

/** Problems kept at most: a file of a million broken lines is reported by its first ones and a count. */
export const MAX_KEPT = 1000;

/** A list of problems that keeps the first MAX_KEPT and counts them all. */
class Problems extends Array<Problem> {
  // map, slice and filter make plain arrays.
  static override get [Symbol.species]() {
    return Array;
  }

  total = 0;

  override push(...items: Problem[]): number {
    for (const item of items) {
      this.total++;
      if (this.length < MAX_KEPT) super.push(item);
    }
    return this.length;
  }
}

/** A text of the plan quoted in a message: long ones cut, so that a 1 MB name does not make a 1 MB message. */
export function clip(text: string, most = 40): string {
  return text.length > most ? `${text.slice(0, most)}…` : text;
}

type Fields = Record<string, 'string' | 'strings' | 'id' | 'boolean' | 'responsibility' | 'list' | 'number' | 'role'>;

const TOP: Fields = {
  title: 'string', number: 'string', issuer: 'string', date: 'string', addressees: 'string', implements: 'strings',
  notice: 'string', opening: 'string', closing: 'string',
  departments: 'list', parts: 'list', sections: 'list', tasks: 'list', notes: 'list', synonyms: 'list',
};
const TOP_REQUIRED = ['title', 'departments', 'tasks'];
const DEPARTMENT: Fields = { name: 'string', full_name: 'string', full_name_confirmed: 'boolean', aliases: 'strings', group: 'boolean' };
const PART: Fields = { id: 'id', number: 'string', title: 'string' };
const SECTION: Fields = { id: 'id', part: 'id', number: 'string', title: 'string' };
const TASK: Fields = {
  id: 'id', number: 'number', section: 'id', part: 'id', heading: 'string', text: 'string', departments: 'strings',
  responsibility: 'responsibility', leads: 'strings', roles: 'list', incomplete: 'boolean', scope: 'string', deadline: 'string', implied: 'strings',
};
const ROLE: Fields = { department: 'string', role: 'role', word: 'string' };
const NOTE: Fields = { text: 'string', implied: 'strings', task: 'id' };

const EXPECTED: Record<Fields[string], Message> = {
  string: msg('expected.string'),
  strings: msg('expected.strings'),
  id: msg('expected.id'),
  boolean: msg('expected.boolean'),
  responsibility: msg('expected.responsibility', { words: RESPONSIBILITIES }),
  list: msg('expected.list'),
  number: msg('expected.number'),
  role: msg('expected.role', { words: ROLE_KINDS }),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): Message {
  if (value === null || value === undefined) return msg('found.nothing');
  if (Array.isArray(value)) return msg('found.list');
  if (typeof value === 'object') return msg('found.mapping');
  if (typeof value === 'string') return msg('found.text', { text: clip(value) });
  return msg('found.value', { value: String(value) });
}

/** "task 12" where the item has a usable id, `department "x"` where it has a name, "a task" where it has none. */
function subject(kind: ItemKind, value: unknown): Message {
  if (kind === 'plan') return msg('subject.plan');
  if (isRecord(value) && Number.isSafeInteger(value.id)) return msg('subject.numbered', { kind, id: value.id as number });
  if (isRecord(value) && typeof value.name === 'string') return msg('subject.named', { kind, name: clip(value.name) });
  return msg('subject.unnamed', { kind });
}

function fits(kind: Fields[string], value: unknown): boolean {
  switch (kind) {
    case 'string': return typeof value === 'string' && value.trim() !== '';
    case 'strings': return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '');
    case 'id': return Number.isSafeInteger(value) && (value as number) >= 1;
    case 'boolean': return typeof value === 'boolean';
    case 'responsibility': return (RESPONSIBILITIES as readonly unknown[]).includes(value);
    case 'list': return Array.isArray(value);
    case 'number': return value === null || (typeof value === 'string' && value.trim() !== '');
    case 'role': return (ROLE_KINDS as readonly unknown[]).includes(value);
  }
}

/**
 * Checks the shape of one mapping: every required key present, every key known, every value of its kind.
 * Returns the values that passed, keyed by field; failed or missing ones are left out.
 */
function checkFields(
  value: unknown, path: Path, fields: Fields, required: string[], what: Message, problems: Problem[],
): Record<string, unknown> | undefined {
  if (!isRecord(value)) {
    problems.push({ path, message: msg('problem.notMapping', { what, fields: required, found: describe(value) }) });
    return undefined;
  }
  const ok: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const type = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (type === undefined) {
      problems.push({ path: [...path, key], atKey: true, message: msg('problem.unknownKey', { what, key: clip(key), known: Object.keys(fields) }) });
      continue;
    }
    const v = value[key];
    if (fits(type, v)) ok[key] = v;
    else problems.push({ path: [...path, key], message: msg('problem.badValue', { what, key, expected: EXPECTED[type], found: describe(v) }) });
  }
  for (const key of required) {
    if (!Object.hasOwn(value, key)) problems.push({ path, message: msg('problem.missingKey', { what, key }) });
  }
  return ok;
}

/** Flags the second and later items that repeat an id, and returns the items by id. */
function indexById<T extends { id: number }>(items: { item: T; path: Path }[], kind: ItemKind, problems: Problem[]): Map<number, T> {
  const byId = new Map<number, T>();
  for (const { item, path } of items) {
    if (byId.has(item.id)) problems.push({ path: [...path, 'id'], message: msg('problem.duplicateId', { kind, id: item.id }) });
    else byId.set(item.id, item);
  }
  return byId;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Turns the data of a plan file into a checked Plan, collecting every problem rather than stopping at the first.
 * Items with problems are left out of `plan`; callers must not use it when `problems` is not empty.
 *
 * @example validatePlan(YAML.parse(text)).problems // [] for a good file
 */
export function validatePlan(data: unknown): Validation {
  const problems = new Problems();
  const plan: Plan = { meta: { title: '', implements: [] }, departments: [], parts: [], sections: [], tasks: [], notes: [], synonyms: [] };
  const top = checkFields(data, [], TOP, TOP_REQUIRED, msg('subject.plan'), problems);
  if (!top) return { plan, problems, total: problems.total };

  const meta: PlanMeta = { title: String(top.title ?? ''), implements: (top.implements as string[] | undefined) ?? [] };
  for (const key of ['number', 'issuer', 'date', 'addressees', 'notice', 'opening', 'closing'] as const) {
    if (typeof top[key] === 'string') meta[key] = top[key] as string;
  }
  if (meta.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(meta.date)) {
    problems.push({ path: ['date'], message: msg('problem.date', { value: clip(meta.date) }) });
  }
  plan.meta = meta;

  const departmentPaths = new Map<string, Path>();
  const nameOwner = new Map<string, string>();
  list(top.departments).forEach((raw, i) => {
    const path: Path = ['departments', i];
    const d = checkFields(raw, path, DEPARTMENT, ['name'], subject('department', raw), problems);
    if (!d || typeof d.name !== 'string') return;
    const department: Department = {
      name: d.name,
      aliases: (d.aliases as string[] | undefined) ?? [],
      group: d.group === true,
      ...(typeof d.full_name === 'string' ? { fullName: d.full_name } : {}),
      ...(d.full_name_confirmed === false ? { fullNameConfirmed: false as const } : {}),
    };
    if (departmentPaths.has(department.name)) {
      problems.push({ path: [...path, 'name'], message: msg('problem.duplicateDepartment', { name: clip(department.name) }) });
      return;
    }
    departmentPaths.set(department.name, path);
    for (const [j, alias] of [department.name, department.fullName, ...department.aliases].entries()) {
      if (alias === undefined) continue;
      const owner = nameOwner.get(alias);
      if (owner !== undefined && owner !== department.name) {
        const at: Path = j === 0 ? [...path, 'name'] : j === 1 ? [...path, 'full_name'] : [...path, 'aliases', j - 2];
        problems.push({ path: at, message: msg('problem.nameTaken', { name: clip(alias), owner: clip(owner) }) });
      } else nameOwner.set(alias, department.name);
    }
    plan.departments.push(department);
  });
  const checkRegistered = (names: string[], path: Path, label: Message, key: string) => {
    const listed = new Set<string>();
    names.forEach((name, j) => {
      if (!departmentPaths.has(name)) problems.push({ path: [...path, key, j], message: msg('problem.unregistered', { what: label, name: clip(name) }) });
      else if (listed.has(name)) problems.push({ path: [...path, key, j], message: msg('problem.listedTwice', { what: label, name: clip(name) }) });
      listed.add(name);
    });
  };

  // Parts and sections with a usable id are indexed even when another field is wrong, so that what refers
  // to them is not reported as dangling too.
  const parts: { item: Part; path: Path }[] = [];
  list(top.parts).forEach((raw, i) => {
    const p = checkFields(raw, ['parts', i], PART, ['id', 'title'], subject('part', raw), problems);
    if (p && typeof p.id === 'number') {
      parts.push({ item: { id: p.id, title: String(p.title ?? ''), ...(typeof p.number === 'string' ? { number: p.number } : {}) }, path: ['parts', i] });
    }
  });
  const partById = indexById(parts, 'part', problems);
  plan.parts = [...partById.values()];
  const knownParts = () => [...partById.keys()];

  const sections: { item: Section; path: Path }[] = [];
  list(top.sections).forEach((raw, i) => {
    const path: Path = ['sections', i];
    const s = checkFields(raw, path, SECTION, ['id', 'title'], subject('section', raw), problems);
    if (!s || typeof s.id !== 'number') return;
    const inPart = typeof s.part === 'number' && partById.has(s.part);
    if (typeof s.part === 'number' && !inPart) {
      problems.push({ path: [...path, 'part'], message: msg('problem.sectionPart', { section: s.id, part: s.part, parts: knownParts() }) });
    }
    sections.push({
      item: {
        id: s.id,
        title: String(s.title ?? ''),
        ...(inPart ? { part: s.part as number } : {}),
        ...(typeof s.number === 'string' ? { number: s.number } : {}),
      },
      path,
    });
  });
  const sectionById = indexById(sections, 'section', problems);
  plan.sections = [...sectionById.values()];

  const tasks: { item: Task; path: Path }[] = [];
  list(top.tasks).forEach((raw, i) => {
    const path: Path = ['tasks', i];
    const t = checkFields(raw, path, TASK, ['id', 'text', 'departments', 'responsibility'], subject('task', raw), problems);
    if (!t) return;
    // Check the references of every usable field, so that one bad field does not hide another problem.
    const label = typeof t.id === 'number' ? msg('subject.numbered', { kind: 'task', id: t.id }) : msg('subject.unnamed', { kind: 'task' });
    const before = problems.total;
    const ok = typeof t.id === 'number' && typeof t.text === 'string' && typeof t.responsibility === 'string';
    const section = typeof t.section === 'number' ? sectionById.get(t.section) : undefined;
    if (typeof t.section === 'number' && !section) {
      problems.push({ path: [...path, 'section'], message: msg('problem.taskSection', { what: label, section: t.section }) });
    }
    if (typeof t.part === 'number' && !partById.has(t.part)) {
      problems.push({ path: [...path, 'part'], message: msg('problem.taskPart', { what: label, part: t.part, parts: knownParts() }) });
    } else if (typeof t.part === 'number' && section && section.part !== t.part) {
      problems.push({ path: [...path, 'part'], message: msg('problem.partMismatch', { what: label, part: t.part, section: section.id, ...(section.part === undefined ? {} : { sectionPart: section.part }) }) });
    }
    const departments = Array.isArray(t.departments) ? (t.departments as string[]) : undefined;
    if (departments?.length === 0) problems.push({ path: [...path, 'departments'], message: msg('problem.noDepartment', { what: label }) });
    if (departments) checkRegistered(departments, path, label, 'departments');
    const leads = t.leads as string[] | undefined;
    const named = new Set(leads || t.roles !== undefined ? departments ?? [] : []);
    leads?.forEach((name, j) => {
      if (!named.has(name)) problems.push({ path: [...path, 'leads', j], message: msg('problem.leadNotNamed', { what: label, name: clip(name) }) });
    });
    const roles: Role[] = [];
    list(t.roles).forEach((rawRole, j) => {
      const r = checkFields(rawRole, [...path, 'roles', j], ROLE, ['department', 'role', 'word'], msg('subject.role', { task: label }), problems);
      if (!r || typeof r.department !== 'string' || typeof r.role !== 'string' || typeof r.word !== 'string') return;
      if (!named.has(r.department)) {
        problems.push({ path: [...path, 'roles', j, 'department'], message: msg('problem.roleNotNamed', { what: label, name: clip(r.department) }) });
      }
      roles.push({ department: r.department, role: r.role as Role['role'], word: r.word });
    });
    const implied = t.implied as string[] | undefined;
    if (implied) checkRegistered(implied, path, label, 'implied');
    if (ok && departments && problems.total === before) {
      // Assigned in this order, not spread: the fields are in it whatever the file's order (as JSON shows them),
      // and a spread of each optional field made this loop a third of checking 10,000 tasks.
      const item = { id: t.id as number } as Task;
      if (t.number !== undefined) item.number = t.number as string | null;
      if (section) item.section = section.id;
      else if (typeof t.part === 'number') item.part = t.part;
      if (typeof t.heading === 'string') item.heading = t.heading;
      item.text = t.text as string;
      item.departments = departments;
      item.responsibility = t.responsibility as Task['responsibility'];
      if (leads) item.leads = leads;
      if (t.roles !== undefined) item.roles = roles;
      if (t.incomplete === true) item.incomplete = true;
      if (typeof t.scope === 'string') item.scope = t.scope;
      if (typeof t.deadline === 'string') item.deadline = t.deadline;
      if (implied) item.implied = implied;
      tasks.push({ item, path });
    }
  });
  plan.tasks = [...indexById(tasks, 'task', problems).values()];
  // Every task with an id counts here, so that a problem in a task is not also reported against its notes.
  const taskIds = new Set(list(top.tasks).map((t) => (isRecord(t) ? t.id : undefined)));

  list(top.notes).forEach((raw, i) => {
    const path: Path = ['notes', i];
    const n = checkFields(raw, path, NOTE, ['text'], subject('note', raw), problems);
    if (!n || typeof n.text !== 'string') return;
    const implied = (n.implied as string[] | undefined) ?? [];
    checkRegistered(implied, path, msg('subject.unnamed', { kind: 'note' }), 'implied');
    if (typeof n.task === 'number' && !taskIds.has(n.task)) {
      problems.push({ path: [...path, 'task'], message: msg('problem.noteTask', { task: n.task }) });
    }
    const note: Note = { text: n.text, implied, ...(typeof n.task === 'number' ? { task: n.task } : {}) };
    plan.notes.push(note);
  });

  list(top.synonyms).forEach((raw, i) => {
    const words = Array.isArray(raw) ? raw : undefined;
    if (!words || words.length < 2 || !words.every((w) => typeof w === 'string' && w.trim() !== '')) {
      problems.push({ path: ['synonyms', i], message: msg('problem.synonyms', { found: describe(raw) }) });
      return;
    }
    plan.synonyms.push(words as string[]);
  });

  return { plan, problems, total: problems.total };
}
