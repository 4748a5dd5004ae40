// Several plans at once (SPEC "Many plans"): --plan given several times, a folder of plan files, or PLAN_FILE
// naming either. Each file is read by openPlan, and so cached by its content like a single plan; several are
// merged into one Plan that every query answers as it answers one, with plan.merged saying where each task is from.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, delimiter, extname, join } from 'node:path';
import { EXIT, PlanError } from '../errors.js';
import { msg } from '../i18n/index.js';
import type { Department, Note, Part, Plan, PlanMember, Section, Task } from '../types.js';
import { chineseNumber, sectionLabel } from './numbers.js';
import { openPlan, type OpenPlanOptions } from './open.js';

/** The plans in use: every member, and the plan that answers queries (the one member's own, or all merged). */
export interface LoadedPlans {
  plan: Plan;
  members: PlanMember[];
  /** Files of a folder given that are not plan files (not *.yaml / *.yml), left out. */
  skipped: string[];
}

const PLAN_FILE = /\.ya?ml$/i;

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // missing or unreadable: openPlan says so, with the file named
  }
}

/**
 * The plan files a --plan value stands for: a file is itself; a folder, the *.yaml and *.yml files in it (not in
 * its subfolders, not hidden ones), sorted by name. Its other files are returned as skipped.
 *
 * @example planFiles('plans/') // { files: ['plans/gf2018-39.yaml', 'plans/gf2019-3.yaml'], skipped: ['plans/README.md'] }
 */
export function planFiles(path: string): { files: string[]; skipped: string[] } {
  if (!isDirectory(path)) return { files: [path], skipped: [] };
  let names: string[];
  try {
    names = readdirSync(path);
  } catch (error) {
    throw new PlanError(msg('plans.folderUnreadable', { folder: path, reason: (error as Error).message }), { exitCode: EXIT.planFile, cause: error });
  }
  const files: string[] = [];
  const skipped: string[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.')) continue;
    const file = join(path, name);
    if (isDirectory(file)) continue;
    (PLAN_FILE.test(name) ? files : skipped).push(file);
  }
  if (files.length === 0) {
    throw new PlanError(msg('plans.noPlanFile', { folder: path, example: join(path, 'NAME.yaml') }), { exitCode: EXIT.planFile });
  }
  return { files, skipped };
}

/**
 * Ids for plan files, from their names without the extension, unique: a second plan.yaml (in another folder)
 * becomes plan-2. A colon, which separates the plan from the task in `gf2018-39:3`, becomes a hyphen.
 *
 * @example planIds(['a/gf2018-39.yaml', 'b/gf2018-39.yml']) // ['gf2018-39', 'gf2018-39-2']
 */
export function planIds(files: string[]): string[] {
  const taken = new Set<string>();
  return files.map((file) => {
    const name = basename(file, extname(file)).normalize('NFC').replace(/[:：\s]+/g, '-') || 'plan';
    let id = name;
    for (let n = 2; taken.has(id); n++) id = `${name}-${n}`;
    taken.add(id);
    return id;
  });
}

function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

/**
 * Reads the plans that `sources` name (files or folders, in the order given; a file named twice is read once)
 * and answers with the plan to query: the plan itself when there is one, all of them merged when there are several.
 */
export async function openPlans(sources: OpenPlanOptions[]): Promise<LoadedPlans> {
  const chosen: OpenPlanOptions[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    // The bundled plan is a file: its path, the one every run without --plan takes, costs no look at the disk.
    const found = source.compiled ? { files: [source.file], skipped: [] } : planFiles(source.file);
    skipped.push(...found.skipped);
    for (const file of found.files) {
      const real = sources.length > 1 || found.files.length > 1 ? realPath(file) : file;
      if (seen.has(real)) continue;
      seen.add(real);
      chosen.push({ ...source, file });
    }
  }
  const ids = planIds(chosen.map((c) => c.file));
  if (chosen.length === 1) {
    const { plan, index } = await openPlan(chosen[0]!);
    const one = index ? { ...plan, characters: index } : plan;
    return { plan: one, members: [{ id: ids[0]!, file: chosen[0]!.file, plan: one }], skipped };
  }
  // Each plan from its own cache entry (open.ts), then merged: faster than one entry for the whole folder was
  // (node:v8's copy of 10 plans of 10,000 tasks: 84 MB, 0.55 s to read back against 0.50 s for ten entries and
  // the merge; 1.9 s cold against 1.3 s, to write it), and a file changed is the only one read again.
  const members: PlanMember[] = [];
  const folded: (string | undefined)[] = [];
  for (const [i, source] of chosen.entries()) {
    // Each plan's folded text goes into the merged plan's, whose tasks are theirs in this order, not twice.
    const { plan: { foldedText, ...own }, index } = await openPlan(source);
    folded.push(foldedText);
    members.push({ id: ids[i]!, file: source.file, plan: index ? { ...own, characters: index } : own });
  }
  const plan = mergePlans(members);
  if (folded.every((text) => text !== undefined)) plan.foldedText = folded.join('');
  return { plan, members, skipped };
}

/**
 * Departments of the same name are one: aliases united, the first full name kept (another becomes an alias) unless
 * it is not confirmed and a later one is; confirmed when any plan confirms it.
 */
function mergeDepartments(members: PlanMember[]): Department[] {
  const byName = new Map<string, Department>();
  for (const { plan } of members) {
    for (const d of plan.departments) {
      const known = byName.get(d.name);
      if (!known) {
        byName.set(d.name, { ...d, aliases: [...d.aliases] });
        continue;
      }
      const confirmed = (x: Department) => x.fullName !== undefined && x.fullNameConfirmed !== false;
      const names = [...d.aliases];
      if (d.fullName !== undefined && d.fullName !== known.fullName) {
        if (known.fullName === undefined || (!confirmed(known) && confirmed(d))) {
          if (known.fullName !== undefined) names.push(known.fullName);
          known.fullName = d.fullName;
          if (confirmed(d)) delete known.fullNameConfirmed;
          else known.fullNameConfirmed = false;
        } else {
          names.push(d.fullName);
        }
      } else if (d.fullName !== undefined && confirmed(d)) {
        delete known.fullNameConfirmed;
      }
      for (const alias of names) if (alias !== known.name && alias !== known.fullName && !known.aliases.includes(alias)) known.aliases.push(alias);
      known.group ||= d.group;
    }
  }
  return [...byName.values()];
}

/**
 * One plan standing for several: tasks, parts and sections of every member in turn, renumbered 1, 2, 3… through
 * all of them (numbers as printed kept), departments merged by name. `merged.origins[n - 1]` is where the merged
 * task n comes from, so that records and ids say it (lookup(plan).record, .label).
 *
 * @example mergePlans(members).tasks.length // the members' tasks together
 */
export function mergePlans(members: PlanMember[]): Plan {
  const parts: Part[] = [];
  const sections: Section[] = [];
  const tasks: Task[] = [];
  const notes: Note[] = [];
  const synonyms: string[][] = [];
  const origins: NonNullable<Plan['merged']>['origins'] = [];
  for (const member of members) {
    const { plan } = member;
    const partIds = new Map<number, number>();
    const sectionIds = new Map<number, number>();
    const taskIds = new Map<number, number>();
    for (const p of plan.parts) {
      partIds.set(p.id, parts.length + 1);
      parts.push({ id: parts.length + 1, number: p.number ?? chineseNumber(p.id), title: p.title });
    }
    for (const s of plan.sections) {
      sectionIds.set(s.id, sections.length + 1);
      const part = s.part === undefined ? {} : { part: partIds.get(s.part)! };
      sections.push({ id: sections.length + 1, ...part, number: s.number ?? sectionLabel(s.id), title: s.title });
    }
    for (const task of plan.tasks) {
      const id = tasks.length + 1;
      taskIds.set(task.id, id);
      // A spread and assignments: an object rest (`{ section, ...rest }`) is V8's slow path, 10× the time here.
      const copy: Task = { ...task, id, number: task.number === undefined ? String(task.id) : task.number };
      if (task.section !== undefined) copy.section = sectionIds.get(task.section)!;
      if (task.part !== undefined) copy.part = partIds.get(task.part)!;
      tasks.push(copy);
      origins.push({ member, task });
    }
    for (const note of plan.notes) notes.push(note.task === undefined ? note : { ...note, task: taskIds.get(note.task)! });
    synonyms.push(...plan.synonyms);
  }
  return {
    meta: { title: `${members.length} plans: ${members.map((m) => m.id).join(', ')}`, implements: [] },
    departments: mergeDepartments(members),
    parts,
    sections,
    tasks,
    notes,
    synonyms,
    merged: { members, origins },
  };
}

/**
 * The paths in $PLAN_FILE: one file or folder, or several joined by the path delimiter (`:`; `;` on Windows)
 * when the whole value is not itself a path.
 *
 * @example planPaths('plans/a.yaml:plans/b.yaml') // ['plans/a.yaml', 'plans/b.yaml']
 */
export function planPaths(value: string): string[] {
  if (existsSync(value)) return [value];
  const paths = value.split(delimiter).filter((p) => p !== '');
  return paths.length > 0 ? paths : [value];
}
