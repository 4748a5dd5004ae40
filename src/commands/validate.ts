import { checkPlanText } from '../plan/load.js';
import { decodePlanText, readPlanBytes } from '../plan/open.js';
import { problemsReport, validationReport } from '../views/validation.js';
import type { Command } from './command.js';

/** Problems listed at most; the count says how many there are. */
const MAX_PROBLEMS = 50;

export const validate: Command = {
  name: 'validate',
  description: 'command.validate',
  examples: ['plan validate', 'plan validate my-plan.yaml', 'plan validate - < my-plan.yaml', 'plan validate my-plan.yaml --json'],
  arguments: [{ name: '[file]', description: 'argument.planFile' }],
  async run({ args, source, t }) {
    const from = source(args[0]);
    const shown = from.compiled ? 'plan.yaml' : from.file;
    const text = decodePlanText(readPlanBytes(from.file), shown);
    const { plan, problems } = await checkPlanText(text);
    if (plan) return validationReport(t, shown, plan);
    return problemsReport(t, shown, problems.slice(0, MAX_PROBLEMS), problems.length);
  },
};
