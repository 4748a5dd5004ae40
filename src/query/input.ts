// What users type for parts, sections, task ids and limits, read into the plan's own terms. Each function
// quotes the bad input in its PlanError and says what would be right.
import { EXIT, PlanError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { chineseNumber, parseChineseNumber, partLabel, sectionLabel } from '../plan/numbers.js';
import type { Plan } from '../types.js';
import { fold } from '../chinese/fold.js';
import { compactIds } from './stats.js';

/**
 * A heading as pasted from `plan outline` or the document, without the tree in front and the counts behind:
 * `├─ （八）加强质量监管。  8 tasks: 36–43` → `（八）加强质量监管。`.
 */
function pastedHeading(input: string): string {
  return input.normalize('NFKC').replace(/^[\s├└│─]+/, '').replace(/\s{2,}\S.*$/, '').trim();
}

const partsKnown = (plan: Plan) => plan.parts.map((p) => `${p.id} (${partLabel(p.id)})`).join(', ');

/**
 * The part a user means by 三, 3, 三、, 第三部分, words of its title, or its heading pasted from `plan outline`.
 *
 * @example parsePart(plan, '三、') // 3
 */
export function parsePart(plan: Plan, input: string): number {
  const heading = pastedHeading(input);
  const numbered = /^第?([〇一二三四五六七八九十\d]+)(?:部分|、|,|\.|$)/.exec(heading);
  const id = numbered ? parseChineseNumber(numbered[1]!) : undefined;
  if (id !== undefined) {
    if (plan.parts.some((p) => p.id === id)) return id;
    throw new PlanError(msg('part.unknown', { input, known: partsKnown(plan) }), { exitCode: EXIT.usage });
  }
  const words = fold(heading);
  const matching = words === '' ? [] : plan.parts.filter((p) => fold(p.title).includes(words));
  if (matching.length === 1) return matching[0]!.id;
  if (matching.length > 1) {
    throw new PlanError(msg('part.ambiguous', { input, list: matching.map((p) => `${partLabel(p.id)}${p.title}`).join(', ') }), { exitCode: EXIT.usage });
  }
  throw new PlanError(msg('part.unknown', { input, known: partsKnown(plan) }), { exitCode: EXIT.usage });
}

/**
 * The sections a user means by （八）, 八, 8, 第八, words of a section title (every section whose title has them),
 * or a heading pasted from `plan outline`.
 *
 * @example parseSections(plan, '（八）') // [8]
 */
export function parseSections(plan: Plan, input: string): number[] {
  const heading = pastedHeading(input);
  const numbered = /^(?:\(([〇一二三四五六七八九十\d]+)\)|第([〇一二三四五六七八九十\d]+)[节条项]?$|([〇一二三四五六七八九十\d]+)$)/.exec(heading);
  const id = numbered ? parseChineseNumber(numbered[1] ?? numbered[2] ?? numbered[3]!) : undefined;
  if (id !== undefined) {
    if (plan.sections.some((s) => s.id === id)) return [id];
    throw new PlanError(msg('section.unknown', { input, ids: compactIds(plan.sections.map((s) => s.id)) }), { exitCode: EXIT.usage });
  }
  const words = fold(heading);
  const matching = words === '' ? [] : plan.sections.filter((s) => fold(s.title).includes(words)).map((s) => s.id);
  if (matching.length > 0) return matching;
  throw new PlanError(msg('section.noTitle', { input, example: sectionLabel(8) }), { exitCode: EXIT.usage });
}

/**
 * Refuses sections that are not in the part given with them (--part 一 --section 八): that asks for nothing.
 *
 * @example checkSectionsInPart(plan, 1, [8], ['八']) // throws: section （八） is in part 三, not in part 一
 */
export function checkSectionsInPart(plan: Plan, part: number, sections: number[], inputs: string[]): void {
  const outside = plan.sections.filter((s) => sections.includes(s.id) && s.part !== part);
  if (outside.length === 0 || outside.length < sections.length) return;
  const first = outside[0]!;
  throw new PlanError(msg('section.notInPart', {
    section: inputs.join(', '),
    label: sectionLabel(first.id),
    actual: first.part === undefined ? '—' : chineseNumber(first.part),
    part: chineseNumber(part),
  }), { exitCode: EXIT.usage });
}

/** A whole number as people write it in decimal: 37, ３７; not 0x25, +37, 3.7e1 or 37.0. */
function plainInteger(text: string): number | undefined {
  const t = text.normalize('NFKC').trim();
  if (!/^\d{1,15}$/.test(t)) return undefined;
  return Number(t);
}

/**
 * The tasks a user means by ids, ranges and lists: `37`, `37．`, `37-40`, `37–40`, `37,38`, each checked
 * against the plan; the first that is not a task is the error, named.
 *
 * @example parseTaskIds(plan, ['37-39', '41']) // [37, 38, 39, 41]
 */
export function parseTaskIds(plan: Plan, inputs: string[]): number[] {
  const known = new Set(plan.tasks.map((task) => task.id));
  const range = () => (plan.tasks.length ? compactIds([...known].sort((a, b) => a - b)) : '—');
  const ids: number[] = [];
  const check = (id: number, input: string) => {
    if (!known.has(id)) throw new PlanError(msg('task.unknown', { input, range: range() }), { exitCode: EXIT.usage });
    ids.push(id);
  };
  for (const input of inputs) {
    for (const piece of input.split(/[,，、\s]+/).filter((p) => p !== '')) {
      const bare = piece.replace(/[．.、]$/, '');
      const span = /^(.+?)[-–—~～](.+)$/.exec(bare);
      if (span) {
        const from = plainInteger(span[1]!);
        const to = plainInteger(span[2]!);
        if (from !== undefined && to !== undefined && to < from) {
          throw new PlanError(msg('task.reversedRange', { input: piece, from: to, to: from }), { exitCode: EXIT.usage });
        }
        if (from === undefined || to === undefined || to - from > 100_000) {
          throw new PlanError(msg('task.badId', { input: piece }), { exitCode: EXIT.usage });
        }
        for (let id = from; id <= to; id++) check(id, String(id));
        continue;
      }
      const id = plainInteger(bare);
      if (id === undefined) throw new PlanError(msg('task.badId', { input: piece }), { exitCode: EXIT.usage });
      check(id, piece);
    }
  }
  if (ids.length === 0) throw new PlanError(msg('task.badId', { input: inputs.join(' ') }), { exitCode: EXIT.usage });
  return [...new Set(ids)];
}

/**
 * A --limit: a whole number from 1, written plainly in decimal.
 *
 * @example parseLimit('10') // 10
 */
export function parseLimit(input: string): number {
  const n = plainInteger(input);
  if (n === undefined || n < 1) throw new PlanError(msg('limit.bad', { input }), { exitCode: EXIT.usage });
  return n;
}
