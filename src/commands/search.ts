import { parseLimit } from '../query/input.js';
import { searchTasks } from '../query/search.js';
import { searchReport } from '../views/search.js';
import { FILTER_OPTIONS, type Command } from './command.js';
import { buildFilter, type FilterFlags } from './filters.js';

export const search: Command = {
  name: 'search',
  description: 'rank tasks by fuzzy relevance to the query, best first, with the matches highlighted',
  examples: ['plan search 跨境电商', 'plan search 电梯 安全', 'plan search dianti --limit 3', 'plan search 電梯 --json'],
  arguments: [{ name: '<query...>', description: 'words to find; spaces separate terms that must all match' }],
  options: [...FILTER_OPTIONS, { flags: '--limit <n>', description: 'at most this many results', parse: parseLimit }],
  async run({ plan: load, args, options }) {
    const plan = await load();
    const filter = await buildFilter(plan, options as FilterFlags);
    const limit = options.limit as number | undefined;
    const results = await searchTasks(plan, args.join(' '), { filter, ...(limit ? { limit } : {}) });
    return { ...searchReport(plan, results), empty: `nothing in the plan matches "${args.join(' ')}"` };
  },
};
