import { fold } from '../chinese/fold.js';
import { toSimplified } from '../chinese/simplified.js';
import { PlanError } from '../errors.js';
import { resolveDepartment } from '../plan/departments.js';
import { parsePart, parseSections } from '../query/input.js';
import type { FilterOptions, Plan } from '../types.js';

/** The filter flags as commander parses them (FILTER_OPTIONS). */
export interface FilterFlags {
  dept?: string[];
  part?: string;
  section?: string[];
  keyword?: string[];
  sole?: boolean;
  shared?: boolean;
}

/** Reads the filter flags into the plan's terms: departments resolved, parts and sections numbered, keywords folded. */
export async function buildFilter(plan: Plan, flags: FilterFlags): Promise<FilterOptions> {
  if (flags.sole && flags.shared) throw new PlanError('--sole and --shared exclude each other: give one of them');
  const departments = [];
  for (const name of flags.dept ?? []) departments.push((await resolveDepartment(plan.departments, name, plan.characters)).name);
  const keywords = [];
  for (const keyword of flags.keyword ?? []) {
    const folded = fold(await toSimplified(keyword, plan.characters)).trim();
    if (folded === '') throw new PlanError('--keyword is empty: give the text to look for, e.g. --keyword 电梯');
    keywords.push(folded);
  }
  return {
    departments,
    keywords,
    ...(flags.part !== undefined ? { part: parsePart(plan, flags.part) } : {}),
    ...(flags.section?.length ? { sections: [...new Set(flags.section.flatMap((s) => parseSections(plan, s)))] } : {}),
    ...(flags.sole ? { responsibility: 'sole' as const } : flags.shared ? { responsibility: 'shared' as const } : {}),
  };
}
