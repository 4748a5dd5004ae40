import { filterTasks } from '../query/filter.js';
import { taskReport } from '../views/tasks.js';
import { FILTER_OPTIONS, LIMIT_OPTION, type Command } from './command.js';
import { buildFilter, type FilterFlags } from './filters.js';

export const tasks: Command = {
  name: 'tasks',
  description: 'command.tasks',
  examples: ['plan tasks -d 质监局 --sole', 'plan tasks --part 三 --section 八', 'plan tasks -k 电梯 --json'],
  options: [...FILTER_OPTIONS, LIMIT_OPTION],
  async run({ plans, options, t, note }) {
    const loaded = await plans();
    const { plan } = loaded;
    const report = taskReport(plan, t, filterTasks(plan, await buildFilter(loaded, options as FilterFlags, note)));
    return { ...report, empty: t('empty.tasks') };
  },
};
