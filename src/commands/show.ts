import { parseTaskRefs } from '../query/plans.js';
import type { Task } from '../types.js';
import { fullTaskReport } from '../views/tasks.js';
import type { Command } from './command.js';

export const show: Command = {
  name: 'show',
  description: 'command.show',
  examples: ['plan show 37', 'plan show 37-40', 'plan show 1,2,3 --json', 'plan --plan plans/ show gf2018-39:3-5'],
  arguments: [{ name: '<id...>', description: 'argument.planIds' }],
  async run({ plans, args, t }) {
    const { plan, members } = await plans();
    const byId = new Map(plan.tasks.map((task) => [task.id, task]));
    const wanted: Task[] = parseTaskRefs(plan, members, args).map((id) => byId.get(id)!);
    return { ...fullTaskReport(plan, t, wanted), empty: t('empty.show') };
  },
};
