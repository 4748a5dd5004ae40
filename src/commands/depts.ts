import { deptsReport } from '../views/departments.js';
import { LIMIT_OPTION, type Command } from './command.js';

export const depts: Command = {
  name: 'depts',
  description: 'command.depts',
  examples: ['plan depts', 'plan depts --format csv > depts.csv'],
  options: [LIMIT_OPTION],
  async run({ plan: load, t }) {
    return { ...deptsReport(await load(), t), empty: t('empty.depts') };
  },
};
