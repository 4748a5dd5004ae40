// What users type for parts, sections, task ids and limits, read into the plan's own terms. Each function
// quotes the bad input in its PlanError and says what would be right.
import { EXIT, PlanError } from '../errors.js';
import { parseChineseNumber, partLabel, sectionLabel } from '../plan/numbers.js';
import type { Plan } from '../types.js';
import { fold } from '../chinese/fold.js';
import { compactIds } from './stats.js';

/**
 * The part a user means by 三, 3, 三、 or 第三部分.
 *
 * @example parsePart(plan, '三、') // 3
 */
export function parsePart(plan: Plan, input: string): number {
  const bare = input.normalize('NFKC').trim().replace(/^第/, '').replace(/(部分|、|,)$/, '');
  const id = parseChineseNumber(bare);
  if (id !== undefined && plan.parts.some((p) => p.id === id)) return id;
  const known = plan.parts.map((p) => `${p.id} (${partLabel(p.id)})`).join(', ');
  throw new PlanError(`there is no part "${input}": the plan has parts ${known}`, { exitCode: EXIT.usage });
}

/**
 * The sections a user means by （八）, 八, 8, or words of a section title (every section whose title has them).
 *
 * @example parseSections(plan, '（八）') // [8]
 */
export function parseSections(plan: Plan, input: string): number[] {
  const bare = input.normalize('NFKC').trim().replace(/^\((.*)\)$/, '$1').replace(/^第(.*)节$/, '$1');
  const id = parseChineseNumber(bare);
  if (id !== undefined) {
    if (plan.sections.some((s) => s.id === id)) return [id];
    throw new PlanError(`there is no section "${input}": the plan has sections ${compactIds(plan.sections.map((s) => s.id))} (plan outline lists them)`, { exitCode: EXIT.usage });
  }
  const words = fold(input).trim();
  const matching = words === '' ? [] : plan.sections.filter((s) => fold(s.title).includes(words)).map((s) => s.id);
  if (matching.length > 0) return matching;
  throw new PlanError(`no section title contains "${input}": give a number such as ${sectionLabel(8)}, 八 or 8 (plan outline lists them)`, { exitCode: EXIT.usage });
}

/**
 * The task a user means by 37 (or 37．): its id, if the plan has it.
 *
 * @example parseTaskId(plan, '37') // 37
 */
export function parseTaskId(plan: Plan, input: string): number {
  const id = Number(input.normalize('NFKC').replace(/[．.、]$/, ''));
  if (Number.isSafeInteger(id) && plan.tasks.some((t) => t.id === id)) return id;
  let low = Infinity;
  let high = -Infinity;
  for (const task of plan.tasks) {
    low = Math.min(low, task.id);
    high = Math.max(high, task.id);
  }
  const range = plan.tasks.length ? `${low} to ${high}` : 'none';
  throw new PlanError(`there is no task "${input}": task ids run from ${range}`);
}

/**
 * A --limit: a whole number from 1.
 *
 * @example parseLimit('10') // 10
 */
export function parseLimit(input: string): number {
  const n = Number(input);
  if (!Number.isSafeInteger(n) || n < 1) throw new PlanError(`--limit must be a whole number from 1, not "${input}"`);
  return n;
}
