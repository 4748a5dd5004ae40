import { parseTaskId } from '../query/input.js';
import type { Task } from '../types.js';
import { taskReport } from '../views/tasks.js';
import type { Command } from './command.js';

export const show: Command = {
  name: 'show',
  description: 'show tasks in full: part, section, text, departments, responsibility',
  examples: ['plan show 37', 'plan show 1 2 3 --json'],
  arguments: [{ name: '<id...>', description: 'task numbers, e.g. 37' }],
  async run({ plan: load, args }) {
    const plan = await load();
    const byId = new Map(plan.tasks.map((t) => [t.id, t]));
    const wanted: Task[] = args.map((id) => byId.get(parseTaskId(plan, id))!);
    return { ...taskReport(plan, wanted), empty: 'no task' };
  },
};
