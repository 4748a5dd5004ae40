import { statsReport, STAT_VIEWS, type StatView } from '../views/stats.js';
import { FILTER_OPTIONS, type Command } from './command.js';
import { buildFilter, type FilterFlags } from './filters.js';

export const stats: Command = {
  name: 'stats',
  description: 'who carries the plan: workload per department, department × part, who works with whom',
  examples: ['plan stats', 'plan stats --part 三', 'plan stats --dept 质监局', 'plan stats --view pairs --format csv'],
  options: [...FILTER_OPTIONS, { flags: '--view <view>', description: 'one view only', choices: STAT_VIEWS }],
  async run({ plan: load, options, format, width }) {
    const plan = await load();
    const filter = await buildFilter(plan, options as FilterFlags);
    const view = options.view as StatView | undefined;
    // A terminal gets every view; data formats get one: the department's partners, or the workload.
    const views = view ? [view] : format === 'table'
      ? STAT_VIEWS.filter((v) => v !== 'partners' || filter.departments?.length)
      : [filter.departments?.length ? 'partners' as const : 'workload' as const];
    return views.map((v) => ({ ...statsReport(plan, v, filter, width), empty: 'no task matches these filters' }));
  },
};
