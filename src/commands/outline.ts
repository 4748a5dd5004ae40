import { PlanError } from '../errors.js';
import { parsePart } from '../query/input.js';
import type { Plan } from '../types.js';
import { outlineReport } from '../views/outline.js';
import { acrossPlans } from '../views/plans.js';
import { LIMIT_OPTION, type Command } from './command.js';

/** The part `input` names in `plan`, or undefined where the plan has none such. */
function partIn(plan: Plan, input: string): number | undefined {
  try {
    return parsePart(plan, input);
  } catch (error) {
    if (error instanceof PlanError) return undefined;
    throw error;
  }
}

export const outline: Command = {
  name: 'outline',
  description: 'command.outline',
  examples: ['plan outline', 'plan outline --part 三', 'plan outline --json'],
  options: [{ flags: '--part <n>', description: 'option.outlinePart' }, LIMIT_OPTION],
  async run({ plan: load, options, t }) {
    const plan = await load();
    const part = options.part as string | undefined;
    if (!plan.merged) return { ...outlineReport(plan, t, part === undefined ? undefined : parsePart(plan, part)), empty: t('empty.outline') };
    // Several plans: an outline each; --part, that part of every plan that has one.
    const members = plan.merged.members;
    const parts = new Map(members.map((m) => [m, part === undefined ? undefined : partIn(m.plan, part)]));
    if (part !== undefined && members.every((m) => parts.get(m) === undefined)) parsePart(members[0]!.plan, part); // none has it: say which parts there are
    const report = acrossPlans(plan, t, (m) => (part !== undefined && parts.get(m) === undefined ? undefined : outlineReport(m.plan, t, parts.get(m))));
    return { ...report, empty: t('empty.outlinePlans') };
  },
};
