// How well a search answers judged queries (MRR, recall@10, P@1, false hits), and the searches it is compared with:
// `plan search`, plain substring, fuse.js tuned, and a character-bigram BM25 with a coverage threshold.
import Fuse from 'fuse.js';
import { PlanError } from '../src/errors.js';
import { searchTasks, type SearchOptions } from '../src/query/search.js';
import type { Plan } from '../src/types.js';

/** A search under evaluation: the task ids it returns for a query, best first. */
export type Searcher = (query: string) => Promise<number[]>;

/** A judged query: the tasks that answer it, none for a meaning the plan does not contain. */
export interface Judged {
  query: string;
  kind: string;
  relevant: number[];
}

export interface Metrics {
  /** Mean reciprocal rank of the first relevant task, over the queries that have relevant tasks. */
  mrr: number;
  /** Share of the relevant tasks found in the first ten (of at most ten), averaged over those queries. */
  recallAt10: number;
  /** Share of those queries whose first result is relevant. */
  precisionAt1: number;
  /** Share of the first ten results that are relevant, averaged over those queries (none returned: 0). */
  precisionAt10: number;
  /** Results returned for absent queries (should be 0), and how many absent queries got any. */
  absentHits: number;
  absentQueriesHit: number;
  /** Queries with relevant tasks, and absent ones. */
  scored: number;
  absent: number;
}

export async function evaluate(search: Searcher, cases: Judged[]): Promise<Metrics> {
  let mrr = 0;
  let recall = 0;
  let p1 = 0;
  let p10 = 0;
  let absentHits = 0;
  let absentQueriesHit = 0;
  let scored = 0;
  for (const c of cases) {
    const ids = await search(c.query);
    if (c.relevant.length === 0) {
      absentHits += ids.length;
      if (ids.length) absentQueriesHit++;
      continue;
    }
    scored++;
    const relevant = new Set(c.relevant);
    const rank = ids.findIndex((id) => relevant.has(id));
    mrr += rank < 0 ? 0 : 1 / (rank + 1);
    if (rank === 0) p1++;
    const top = ids.slice(0, 10);
    const found = top.filter((id) => relevant.has(id)).length;
    recall += found / Math.min(10, relevant.size);
    p10 += top.length ? found / top.length : 0;
  }
  const per = (x: number) => (scored ? x / scored : 0);
  return {
    mrr: per(mrr), recallAt10: per(recall), precisionAt1: per(p1), precisionAt10: per(p10),
    absentHits, absentQueriesHit, scored, absent: cases.length - scored,
  };
}

/** plan search as a Searcher: a PlanError (a query with no words) is no result; anything else is a bug, rethrown. */
export function planSearcher(plan: Plan, options: SearchOptions = {}): Searcher {
  return async (q) => {
    try {
      return (await searchTasks(plan, q, options)).results.map((r) => r.task.id);
    } catch (error) {
      if (error instanceof PlanError) return [];
      throw error;
    }
  };
}

/** The text a baseline searches in a task: its text and its departments' names. */
function taskText(plan: Plan, id: number): string {
  const task = plan.tasks.find((t) => t.id === id)!;
  return `${task.text} ${task.departments.join(' ')}`;
}

const foldText = (s: string) => s.normalize('NFKC').toLowerCase();

/** Character bigrams of a query's runs of letters and digits (a run of one character counts as itself). */
function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = Array.from(run);
    if (chars.length === 1) out.push(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return [...new Set(out)];
}

/**
 * The classic baseline for Chinese without a dictionary: BM25 over character bigrams (k1 1.2, b 0.75), and only tasks
 * holding at least `coverage` of the query's bigrams.
 */
export function bigramBM25(plan: Plan, coverage = 0.6): Searcher {
  const docs = plan.tasks.map((t) => {
    const text = foldText(taskText(plan, t.id));
    const counts = new Map<string, number>();
    for (const g of bigrams(text)) counts.set(g, 0);
    const chars = Array.from(text);
    for (let i = 0; i + 1 < chars.length; i++) {
      const g = chars[i]! + chars[i + 1]!;
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
    return { id: t.id, counts, length: chars.length };
  });
  const average = docs.reduce((n, d) => n + d.length, 0) / docs.length;
  return async (q) => {
    const grams = bigrams(q);
    if (grams.length === 0) return [];
    const df = new Map(grams.map((g) => [g, docs.filter((d) => d.counts.get(g)).length]));
    const scored = docs.map((d) => {
      let score = 0;
      let held = 0;
      for (const g of grams) {
        const tf = d.counts.get(g) ?? 0;
        if (!tf) continue;
        held++;
        const n = df.get(g)!;
        const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
        score += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * d.length) / average));
      }
      return { id: d.id, score, held };
    });
    return scored
      .filter((s) => s.held / grams.length >= coverage)
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .map((s) => s.id);
  };
}

/** The searches compared on a plan, ours first. */
export function searchers(plan: Plan): Record<string, Searcher> {
  const records = plan.tasks.map((t) => ({ id: t.id, text: t.text, departments: t.departments.join(' ') }));
  // Tuned for Chinese text: anywhere in the task (no location bias), a stricter threshold, no single characters.
  const fuse = new Fuse(records, {
    keys: [{ name: 'text', weight: 0.8 }, { name: 'departments', weight: 0.2 }],
    ignoreLocation: true, threshold: 0.35, minMatchCharLength: 2,
  });
  return {
    'plan search': planSearcher(plan),
    substring: async (q) => plan.tasks.filter((t) => taskText(plan, t.id).includes(q)).map((t) => t.id),
    'fuse.js tuned': async (q) => fuse.search(q).map((r) => r.item.id),
    'bigram BM25': bigramBM25(plan),
  };
}
