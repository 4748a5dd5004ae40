// What users type about several plans loaded together (SPEC "Many plans"): which plans (--in), task ids
// qualified by their plan (gf2018-39:3, gf2018-39:3-5), and parts and sections, which each plan numbers on its own.
import { EXIT, PlanError } from '../errors.js';
import type { MergedPlans, Plan, PlanMember } from '../types.js';
import { msg } from '../i18n/index.js';
import { parsePart, parseSections, parseTaskIds } from './input.js';
import { compactIds } from './stats.js';

/** Where each member's parts, sections and tasks start in the merged plan (its ids run on through them all). */
function offsets(merged: MergedPlans): Map<PlanMember, { parts: number; sections: number; tasks: number }> {
  const out = new Map<PlanMember, { parts: number; sections: number; tasks: number }>();
  let parts = 0;
  let sections = 0;
  let tasks = 0;
  for (const member of merged.members) {
    out.set(member, { parts, sections, tasks });
    parts += member.plan.parts.length;
    sections += member.plan.sections.length;
    tasks += member.plan.tasks.length;
  }
  return out;
}

const fold = (text: string) => text.normalize('NFKC').trim().toLowerCase();

/**
 * The plans a user means by --in: a plan's id (gf2018-39, in any case), its file as given or its file name, or
 * its 文号 (国发〔2018〕39号). A value may list several, separated by commas.
 *
 * @example parsePlanIds(members, ['gf2018-39,gf2019-3']) // ['gf2018-39', 'gf2019-3']
 */
export function parsePlanIds(members: PlanMember[], inputs: string[]): string[] {
  const wanted = new Set<string>();
  for (const input of inputs.flatMap((i) => i.split(/[,，、]/)).filter((i) => i.trim() !== '')) {
    const typed = fold(input);
    const found = members.find((m) => m.id === input.trim())
      ?? members.find((m) => fold(m.id) === typed)
      ?? members.find((m) => fold(m.file) === typed || fold(m.file.split(/[\\/]/).pop()!) === typed)
      ?? members.find((m) => m.plan.meta.number !== undefined && numberForm(m.plan.meta.number) === numberForm(input))
      ?? byTitle(members, input);
    if (!found) {
      throw new PlanError(msg('plans.unknown', { input, known: members.map((m) => m.id).join(', ') }), { exitCode: EXIT.usage });
    }
    wanted.add(found.id);
  }
  return [...wanted];
}

/** A 文号 however its year is bracketed: 国发〔2019〕3号, 国发[2019]3号, 国发【2019】3号, 国发（2019）3号. */
const numberForm = (number: string) => fold(number).replace(/\s+/g, '').replace(/[[［【〔(（]/g, '〔').replace(/[\]］】〕)）]/g, '〕');

/**
 * The one loaded plan whose title or 文号 has these words (无废 of 《“无废城市”建设试点工作方案》, 国办发 of
 * 国办发〔2018〕128号); several: a usage error naming them.
 */
function byTitle(members: PlanMember[], input: string): PlanMember | undefined {
  const words = fold(input).replace(/\s+/g, '');
  if (Array.from(words).length < 2) return undefined;
  const number = numberForm(input);
  const hits = members.filter((m) => fold(m.plan.meta.title).replace(/\s+/g, '').includes(words)
    || (m.plan.meta.number !== undefined && numberForm(m.plan.meta.number).includes(number)));
  if (hits.length > 1) throw new PlanError(msg('plans.titleAmbiguous', { input, ids: hits.map((m) => m.id).join(', ') }), { exitCode: EXIT.usage });
  return hits[0];
}

/** Runs `parse` on every member: the answers of those where it succeeds; none anywhere, the first member's error. */
function acrossMembers<T>(members: PlanMember[], parse: (member: PlanMember) => T): { member: PlanMember; value: T }[] {
  const found: { member: PlanMember; value: T }[] = [];
  let first: unknown;
  for (const member of members) {
    try {
      found.push({ member, value: parse(member) });
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      first ??= error;
    }
  }
  if (found.length === 0) throw first;
  return found;
}

/**
 * The parts a user means by 三, 3 or 三、 in several plans: that part of every plan that has it (merged ids).
 *
 * @example parsePartAcross(merged, '三') // [3, 8]: part 三 of the first plan and of the second
 */
export function parsePartAcross(plan: Plan, input: string): number[] {
  const merged = plan.merged!;
  const at = offsets(merged);
  return acrossMembers(merged.members, (m) => parsePart(m.plan, input)).map(({ member, value }) => at.get(member)!.parts + member.plan.parts.findIndex((p) => p.id === value) + 1);
}

/** The sections a user means by （八）, 八, 8 or title words in several plans: those of every plan that has them. */
export function parseSectionsAcross(plan: Plan, input: string): number[] {
  const merged = plan.merged!;
  const at = offsets(merged);
  return acrossMembers(merged.members, (m) => parseSections(m.plan, input)).flatMap(({ member, value }) =>
    value.map((id) => at.get(member)!.sections + member.plan.sections.findIndex((s) => s.id === id) + 1));
}

const hasPlan = (piece: string) => /[:：]/.test(piece);

/** The plans that have the tasks `input` names, with their ids; none has them: said with each plan's tasks. */
function tasksOfSome(members: PlanMember[], input: string): { member: PlanMember; value: number[] }[] {
  try {
    return acrossMembers(members, (m) => parseTaskIds(m.plan, [input]));
  } catch (error) {
    if (!(error instanceof PlanError) || error.said?.key !== 'task.unknown' || members.length < 2) throw error;
    const { input: id } = error.said.params as { input: string };
    const each = members.map((m) => `${m.id} ${m.plan.tasks.length ? compactIds(m.plan.tasks.map((t) => t.id).sort((a, b) => a - b)) : '—'}`).join('; ');
    throw new PlanError(msg('task.unknownAcross', { input: id, n: members.length, each }), { exitCode: EXIT.usage, cause: error });
  }
}

/** The ids of one plan's tasks that `input` names; a task it lacks is said with that plan's id and its tasks. */
function tasksOfMember(member: PlanMember, input: string): number[] {
  try {
    return parseTaskIds(member.plan, [input]);
  } catch (error) {
    if (!(error instanceof PlanError) || error.said?.key !== 'task.unknown') throw error;
    const { input: id, range } = error.said.params as { input: string; range: string };
    throw new PlanError(msg('task.unknownIn', { input: `${member.id}:${id}`, plan: member.id, range }), { exitCode: EXIT.usage, cause: error });
  }
}

/**
 * The tasks that ids name (their ids in `plan`): 37, a range 37-39, a list 37,38, or qualified by the plan,
 * `gf2018-39:3` and `gf2018-39:3-5` (or `gf2018-39:3-gf2018-39:5`). Where several plans are loaded, a plain id that several of them have is
 * refused with the qualified ids to choose from; one plan loaded, a qualified id must name it.
 *
 * @example parseTaskRefs(plan, members, ['gf2018-39:3-5']) // the merged ids of tasks 3, 4 and 5 of gf2018-39
 */
export function parseTaskRefs(plan: Plan, members: PlanMember[], inputs: string[]): number[] {
  if (!plan.merged && !inputs.some(hasPlan)) return parseTaskIds(plan, inputs);
  const at = plan.merged ? offsets(plan.merged) : undefined;
  const mergedId = (member: PlanMember, id: number) => (at ? at.get(member)!.tasks + member.plan.tasks.findIndex((t) => t.id === id) + 1 : id);
  const out: number[] = [];
  // A plan named in a list holds for the ids after it there (gf2019-3:1,2 is gf2019-3:1 and gf2019-3:2).
  const pieces = inputs.flatMap((input) => {
    let plan: string | undefined;
    return input.split(/[,，、\s]+/).filter((p) => p !== '').map((piece) => {
      const at = piece.search(/[:：](?=[^:：]*$)/);
      if (at >= 0) plan = piece.slice(0, at);
      else if (plan !== undefined && /^\d/.test(piece)) return `${plan}:${piece}`;
      return piece;
    });
  });
  for (const given of pieces) {
    // A range whose both ends name the plan (gf2019-3:2-gf2019-3:4) is that plan's range (gf2019-3:2-4).
    const piece = given.replace(/^(.+?)[:：](\d+)([-–—~～])\1[:：](\d+)$/, '$1:$2$3$4');
    const across = /^(.+?)[:：](\d+)[-–—~～](.+?)[:：](\d+)$/.exec(piece);
    if (across) throw new PlanError(msg('plans.rangeAcross', { input: given, example: `${across[1]}:${across[2]}-${across[4]}` }), { exitCode: EXIT.usage });
    const colon = piece.search(/[:：](?=[^:：]*$)/);
    if (colon >= 0) {
      const [id] = parsePlanIds(members, [piece.slice(0, colon)]);
      const member = members.find((m) => m.id === id)!;
      out.push(...tasksOfMember(member, piece.slice(colon + 1)).map((own) => mergedId(member, own)));
      continue;
    }
    const found = tasksOfSome(members, piece);
    if (found.length > 1) {
      const choices = found.map(({ member }) => `${member.id}:${piece}`).join(', ');
      throw new PlanError(msg('plans.taskInSeveral', { input: piece, n: found.length, choices }), { exitCode: EXIT.usage });
    }
    out.push(...found[0]!.value.map((own) => mergedId(found[0]!.member, own)));
  }
  return [...new Set(out)];
}
