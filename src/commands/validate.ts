import { openPlan } from '../plan/open.js';
import { validationReport } from '../views/validation.js';
import type { Command } from './command.js';

export const validate: Command = {
  name: 'validate',
  description: 'check a plan file and report every problem as file:line:column',
  examples: ['plan validate', 'plan validate my-plan.yaml'],
  arguments: [{ name: '[file]', description: 'the plan file (default: --plan, $PLAN_FILE, else the bundled plan.yaml)' }],
  async run({ args, source }) {
    const from = source(args[0]);
    const { plan } = await openPlan({ ...from, strict: true });
    return validationReport(from.compiled ? 'plan.yaml' : from.file, plan);
  },
};
