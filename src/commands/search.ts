import { filterTasks } from '../query/filter.js';
import { parseQuery, searchTasks } from '../query/search.js';
import { searchReport } from '../views/search.js';
import { FILTER_OPTIONS, LIMIT_OPTION, type Command } from './command.js';
import { buildFilter, type FilterFlags } from './filters.js';

export const search: Command = {
  name: 'search',
  description: 'command.search',
  examples: ['plan search 跨境电商', 'plan search 电梯安全怎么管', 'plan search dian ti -n 3', 'plan search 邮政 快递', 'plan search 電梯 --json'],
  arguments: [{ name: '<query...>', description: 'argument.query' }],
  options: [...FILTER_OPTIONS, LIMIT_OPTION],
  async run({ plans, args, options, t, note }) {
    const loaded = await plans();
    const { plan } = loaded;
    const filter = await buildFilter(loaded, options as FilterFlags, note);
    const limit = options.limit as number | undefined;
    const answer = await searchTasks(plan, args.join(' '), { filter, ...(limit ? { limit } : {}) });
    const query = args.join(' ');
    if (answer.results.length === 0) {
      // Nothing found: no reading of the query to tell, and whether the filters left anything to search; terms
      // that no task has together, what each finds alone.
      const kept = filterTasks(plan, filter).length;
      let empty = kept < plan.tasks.length ? t('empty.searchFiltered', { query, n: kept }) : t('empty.search', { query });
      const terms = parseQuery(query);
      if (kept > 0 && terms.length > 1 && terms.length <= 4) {
        const alone: string[] = [];
        for (const term of terms) {
          const n = (await searchTasks(plan, term, { filter })).results.length;
          if (n > 0) alone.push(t('empty.termAlone', { term, n }));
        }
        if (alone.length > 0) empty += t('empty.termsApart', { list: alone.join(t('list.comma')) });
      }
      return { ...searchReport(plan, t, answer), empty };
    }
    // How the query was read, when not as typed: on stderr in every format (and in JSON records).
    if (answer.correction) note(`${answer.correction.to} ← ${answer.correction.from}`);
    return { ...searchReport(plan, t, answer), empty: t('empty.search', { query }) };
  },
};
