import { lookup, responsibilityOf } from '../plan/lookup.js';
import type { FilterOptions, Plan, Task } from '../types.js';
import { fold } from '../chinese/fold.js';

/**
 * The tasks that pass every filter given; departments match if the task names any of them, keywords must all
 * occur (already folded and simplified by the caller).
 *
 * @example filterTasks(plan, { departments: ['市质监局'], responsibility: 'sole' }).map((t) => t.id) // [25, 28, 37, 45]
 */
export function filterTasks(plan: Plan, options: FilterOptions): Task[] {
  const { partOf, origin } = lookup(plan);
  const departments = options.departments?.length ? new Set(options.departments) : undefined;
  const sections = options.sections?.length ? new Set(options.sections) : undefined;
  const parts = options.parts ? new Set(options.parts) : undefined;
  const plans = options.plans && plan.merged ? new Set(plan.merged.members.filter((m) => options.plans!.includes(m.id)).map((m) => m.plan)) : undefined;
  const keywords = options.keywords?.filter((k) => k !== '');
  return plan.tasks.filter((task) => {
    if (departments && !task.departments.some((d) => departments.has(d))) return false;
    if (options.part !== undefined && partOf(task)?.id !== options.part) return false;
    if (parts && !parts.has(partOf(task)?.id ?? 0)) return false;
    if (plans && !plans.has(origin(task).plan)) return false;
    if (sections && (task.section === undefined || !sections.has(task.section))) return false;
    // With departments, the responsibility as one of them has it (a body that only guides has no sole task there).
    if (options.responsibility && !(departments
      ? task.departments.some((d) => departments.has(d) && responsibilityOf(task, d) === options.responsibility)
      : task.responsibility === options.responsibility)) return false;
    if (options.lead && !(task.leads ?? []).some((d) => !departments || departments.has(d))) return false;
    if (keywords?.length) {
      const text = fold(task.text);
      if (!keywords.every((k) => text.includes(k))) return false;
    }
    return true;
  });
}
