import { parseTaskIds } from '../query/input.js';
import type { Task } from '../types.js';
import { taskReport } from '../views/tasks.js';
import type { Command } from './command.js';

export const show: Command = {
  name: 'show',
  description: 'command.show',
  examples: ['plan show 37', 'plan show 37-40', 'plan show 1,2,3 --json'],
  arguments: [{ name: '<id...>', description: 'argument.ids' }],
  async run({ plan: load, args, t }) {
    const plan = await load();
    const byId = new Map(plan.tasks.map((task) => [task.id, task]));
    const wanted: Task[] = parseTaskIds(plan, args).map((id) => byId.get(id)!);
    return { ...taskReport(plan, t, wanted), empty: t('empty.show') };
  },
};
