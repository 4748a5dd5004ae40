import { deptsReport } from '../views/departments.js';
import { withPlansColumn } from '../views/plans.js';
import { LIMIT_OPTION, type Command } from './command.js';

export const depts: Command = {
  name: 'depts',
  description: 'command.depts',
  examples: ['plan depts', 'plan depts --format csv > depts.csv'],
  options: [LIMIT_OPTION],
  async run({ plan: load, t }) {
    const plan = await load();
    return { ...withPlansColumn(plan, t, deptsReport(plan, t)), empty: t('empty.depts') };
  },
};
