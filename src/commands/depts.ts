import { deptsReport } from '../views/departments.js';
import type { Command } from './command.js';

export const depts: Command = {
  name: 'depts',
  description: 'every department with its count of tasks (total, sole, shared), most first',
  examples: ['plan depts', 'plan depts --format csv > depts.csv'],
  async run({ plan: load, width }) {
    return { ...deptsReport(await load(), width), empty: 'the plan lists no department' };
  },
};
