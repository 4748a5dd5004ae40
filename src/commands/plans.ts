import { plansReport } from '../views/plans.js';
import type { Command } from './command.js';

export const plans: Command = {
  name: 'plans',
  description: 'command.plans',
  examples: ['plan --plan plans/ plans', 'plan --plan a.yaml --plan b.yaml plans --json'],
  async run({ plans: load, t }) {
    return { ...plansReport(await load(), t), empty: t('empty.plans') };
  },
};
