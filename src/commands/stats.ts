import { FORMAT_RULES } from '../render/index.js';
import type { AnyReport } from '../render/report.js';
import { statsReport, STAT_VIEWS, type StatView } from '../views/stats.js';
import { FILTER_OPTIONS, LIMIT_OPTION, type Command } from './command.js';
import { buildFilter, type FilterFlags } from './filters.js';

export const stats: Command = {
  name: 'stats',
  description: 'command.stats',
  examples: ['plan stats', 'plan stats --part 三', 'plan stats -d 质监局', 'plan stats --view pairs --format csv', 'plan stats --json | jq .workload'],
  options: [...FILTER_OPTIONS, { flags: '--view <view>', description: 'option.view', choices: STAT_VIEWS }, LIMIT_OPTION],
  async run({ plans, options, format, language, t, note }) {
    const loaded = await plans();
    const { plan } = loaded;
    const filter = await buildFilter(loaded, options as FilterFlags, note);
    const view = options.view as StatView | undefined;
    // Every view (partners only about one department); --view picks one. How a format shows several: render/index.ts.
    const views = view ? [view] : STAT_VIEWS.filter((v) => v !== 'partners' || filter.departments?.length === 1);
    const reports: Record<string, AnyReport> = {};
    for (const v of views) {
      const report = statsReport(plan, t, v, filter, view ? {} : { among: language });
      reports[v] = { ...report, empty: t('empty.tasks') };
      // A view too large to give, the others given: people read it in its place; scripts (null, or no lines, in
      // a keyed format) are told on stderr.
      if (report.withheld && typeof FORMAT_RULES[format].several === 'object') note(`${v}: ${report.withheld}`);
    }
    return view ? reports[view]! : reports;
  },
};
