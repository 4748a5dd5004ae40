import { EXIT, PlanError } from '../errors.js';
import { lookup } from '../plan/lookup.js';
import { parseChineseNumber, partLabel, sectionLabel } from '../plan/numbers.js';
import type { FilterOptions, Plan, Task } from '../types.js';
import { fold } from './normalize.js';
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
 * The tasks that pass every filter given; departments match if the task names any of them, keywords must all
 * occur (already folded and simplified by the caller).
 *
 * @example filterTasks(plan, { departments: ['市质监局'], responsibility: 'sole' }).map((t) => t.id) // [25, 28, 37, 45]
 */
export function filterTasks(plan: Plan, options: FilterOptions): Task[] {
  const { section } = lookup(plan);
  const departments = options.departments?.length ? new Set(options.departments) : undefined;
  const sections = options.sections?.length ? new Set(options.sections) : undefined;
  const keywords = options.keywords?.filter((k) => k !== '');
  return plan.tasks.filter((task) => {
    if (departments && !task.departments.some((d) => departments.has(d))) return false;
    if (options.part !== undefined && section(task.section).part !== options.part) return false;
    if (sections && !sections.has(task.section)) return false;
    if (options.responsibility && task.responsibility !== options.responsibility) return false;
    if (keywords?.length) {
      const text = fold(task.text);
      if (!keywords.every((k) => text.includes(k))) return false;
    }
    return true;
  });
}
