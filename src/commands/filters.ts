import { fold } from '../chinese/fold.js';
import { toSimplified } from '../chinese/simplified.js';
import { PlanError } from '../errors.js';
import { msg, type Message } from '../i18n/index.js';
import { isGuess, noteOf, resolveInPlans, splitDepartmentList } from '../plan/departments.js';
import type { LoadedPlans } from '../plan/plans.js';
import { checkSectionsInPart, parsePart, parseSections } from '../query/input.js';
import { parsePartAcross, parsePlanIds, parseSectionsAcross } from '../query/plans.js';
import type { FilterOptions } from '../types.js';

/** The filter flags as commander parses them (FILTER_OPTIONS). */
export interface FilterFlags {
  dept?: string[];
  part?: string;
  section?: string[];
  keyword?: string[];
  sole?: boolean;
  shared?: boolean;
  lead?: boolean;
  in?: string[];
}

/**
 * Reads the filter flags into the plan's terms: departments resolved (each guessed name told to `note`), parts and
 * sections numbered, keywords folded.
 */
export async function buildFilter({ plan, members }: LoadedPlans, flags: FilterFlags, note: (message: Message) => void = () => {}): Promise<FilterOptions> {
  if (flags.sole && flags.shared) throw new PlanError(msg('filter.soleShared'));
  const departments = [];
  for (const value of flags.dept ?? []) {
    // --dept 市商委,市教委: any of them, as if given twice.
    const names = splitDepartmentList(value);
    if (names.length === 0) throw new PlanError(msg('filter.deptEmpty', { value }));
    for (const name of names) {
      const match = await resolveInPlans(plan.departments, members.map((m) => m.plan), name, plan.characters);
      if (isGuess(match)) note(noteOf(name, match));
      departments.push(match.department.name);
    }
  }
  const keywords = [];
  for (const keyword of flags.keyword ?? []) {
    const folded = fold(await toSimplified(keyword, plan.characters)).trim();
    if (folded === '') throw new PlanError(msg('filter.keywordEmpty'));
    keywords.push(folded);
  }
  const plans = flags.in?.length ? { plans: parsePlanIds(members, flags.in) } : {};
  if (plan.merged) {
    // Several plans: each numbers its parts and sections on its own, so 三 is part 三 of every plan that has one.
    const sections = flags.section?.length ? [...new Set(flags.section.flatMap((s) => parseSectionsAcross(plan, s)))] : undefined;
    return {
      departments,
      keywords,
      ...(flags.part !== undefined ? { parts: parsePartAcross(plan, flags.part) } : {}),
      ...(sections ? { sections } : {}),
      ...(flags.lead ? { lead: true } : {}),
      ...plans,
      ...(flags.sole ? { responsibility: 'sole' as const } : flags.shared ? { responsibility: 'shared' as const } : {}),
    };
  }
  const part = flags.part === undefined ? undefined : parsePart(plan, flags.part);
  const sections = flags.section?.length ? [...new Set(flags.section.flatMap((s) => parseSections(plan, s)))] : undefined;
  if (part !== undefined && sections) checkSectionsInPart(plan, part, sections, flags.section!);
  return {
    departments,
    keywords,
    ...(part !== undefined ? { part } : {}),
    ...(sections ? { sections } : {}),
    ...(flags.lead ? { lead: true } : {}),
    ...plans,
    ...(flags.sole ? { responsibility: 'sole' as const } : flags.shared ? { responsibility: 'shared' as const } : {}),
  };
}
