import Fuse from 'fuse.js';
import { searchTasks } from '../src/query/search.js';
import type { Plan } from '../src/types.js';
import type { RelevanceCase } from './search-relevance.js';

/** A search under evaluation: the task ids it returns for a query, best first. */
export type Searcher = (query: string) => Promise<number[]>;

export interface Metrics {
  /** Mean reciprocal rank of the first relevant task, over the queries that have relevant tasks. */
  mrr: number;
  /** Share of the relevant tasks found in the first ten, averaged over those queries. */
  recallAt10: number;
  /** Share of the first ten results that are relevant, averaged over those queries (none returned: 0). */
  precisionAt10: number;
  /** Results returned for queries about things the plan does not mention (should be 0). */
  absentHits: number;
  queries: number;
}

export async function evaluate(search: Searcher, cases: RelevanceCase[]): Promise<Metrics> {
  let mrr = 0;
  let recall = 0;
  let precision = 0;
  let absentHits = 0;
  let scored = 0;
  for (const c of cases) {
    const ids = await search(c.query);
    if (c.relevant.length === 0) {
      absentHits += ids.length;
      continue;
    }
    scored++;
    const relevant = new Set(c.relevant);
    const rank = ids.findIndex((id) => relevant.has(id));
    mrr += rank < 0 ? 0 : 1 / (rank + 1);
    const top = ids.slice(0, 10);
    const found = top.filter((id) => relevant.has(id)).length;
    recall += found / Math.min(10, relevant.size);
    precision += top.length ? found / top.length : 0;
  }
  return { mrr: mrr / scored, recallAt10: recall / scored, precisionAt10: precision / scored, absentHits, queries: cases.length };
}

/** The searches compared: this project's, fuse.js with its defaults, and plain substring matching. */
export function searchers(plan: Plan): Record<string, Searcher> {
  const fuse = new Fuse(plan.tasks, { keys: ['text'] });
  return {
    'plan search': async (q) => {
      try {
        return (await searchTasks(plan, q)).map((r) => r.task.id);
      } catch {
        return [];
      }
    },
    'fuse.js defaults': async (q) => fuse.search(q).map((r) => r.item.id),
    substring: async (q) => plan.tasks.filter((t) => t.text.includes(q)).map((t) => t.id),
  };
}
