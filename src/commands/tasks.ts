import { filterTasks } from '../query/filter.js';
import { taskReport } from '../views/tasks.js';
import { FILTER_OPTIONS, type Command } from './command.js';
import { buildFilter, type FilterFlags } from './filters.js';

export const tasks: Command = {
  name: 'tasks',
  description: 'list the tasks that match every filter given (no filter: all of them)',
  examples: ['plan tasks --dept 质监局 --sole', 'plan tasks --part 三 --section 八', 'plan tasks --keyword 电梯 --json'],
  options: FILTER_OPTIONS,
  async run({ plan: load, options }) {
    const plan = await load();
    const report = taskReport(plan, filterTasks(plan, await buildFilter(plan, options as FilterFlags)));
    return { ...report, empty: 'no task matches these filters' };
  },
};
