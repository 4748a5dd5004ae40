// npm run eval:search: relevance of `plan search` beside substring, fuse.js tuned and a bigram BM25, per kind of
// query, on the independent sets (tests/relevance/) and the project's own older set (tests/search-relevance.ts).
//   npm run eval:search -- --markdown    the tables as Markdown (README)
//   npm run eval:search -- --misses      also list the queries plan search gets wrong
import { readFileSync } from 'node:fs';
import { loadPlanText } from '../src/plan/load.js';
import type { Plan } from '../src/types.js';
import { CORPUS_GF2019_3, INDEPENDENT } from './relevance/index.js';
import { evaluate, planSearcher, searchers, type Judged, type Metrics } from './search-metrics.js';
import { RELEVANCE } from './search-relevance.js';

const markdown = process.argv.includes('--markdown');
const misses = process.argv.includes('--misses');

async function load(file: string): Promise<Plan> {
  return loadPlanText(readFileSync(file, 'utf8'), file);
}

const cell = (m: Metrics, absent: boolean) =>
  absent ? [`${m.absentHits} hits`, `${m.absentQueriesHit}/${m.absent} q`, ''] : [m.mrr.toFixed(2), m.recallAt10.toFixed(2), m.precisionAt1.toFixed(2)];

async function report(title: string, plan: Plan, cases: Judged[]): Promise<void> {
  const all = searchers(plan);
  const kinds = [...new Set(cases.map((c) => c.kind))];
  const rows: string[][] = [];
  for (const kind of [...kinds, 'all']) {
    const subset = kind === 'all' ? cases : cases.filter((c) => c.kind === kind);
    const row = [kind, String(subset.length)];
    for (const search of Object.values(all)) {
      const m = await evaluate(search, subset);
      row.push(...cell(m, kind === 'absent'));
    }
    rows.push(row);
  }
  const names = Object.keys(all);
  const header = ['kind', 'n', ...names.flatMap((n) => [`${n} MRR`, 'R@10', 'P@1'])];
  console.log(`\n${title}: ${cases.length} queries on ${plan.tasks.length} tasks`);
  if (markdown) {
    console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  } else {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    for (const row of [header, ...rows]) console.log(row.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd());
  }
  const bare = await evaluate(planSearcher(plan, { thesaurus: false }), cases);
  const synonyms = await evaluate(planSearcher(plan, { thesaurus: false }), cases.filter((c) => c.kind === 'synonym'));
  console.log(`plan search without the thesaurus: MRR ${bare.mrr.toFixed(2)}, R@10 ${bare.recallAt10.toFixed(2)}, P@1 ${bare.precisionAt1.toFixed(2)}, ${bare.absentHits} false hits${synonyms.scored ? `; synonym kind MRR ${synonyms.mrr.toFixed(2)}` : ''}`);
  if (misses) {
    const ours = planSearcher(plan);
    for (const c of cases) {
      const ids = await ours(c.query);
      const rank = ids.findIndex((id) => c.relevant.includes(id));
      if (c.relevant.length === 0 ? ids.length > 0 : rank !== 0) {
        console.log(`  miss ${c.kind.padEnd(12)} ${c.query}  relevant ${c.relevant.join(',') || '-'}  got ${ids.slice(0, 8).join(',') || '-'}`);
      }
    }
  }
}

console.log('MRR, recall@10 and P@1 over the queries with relevant tasks ("all" too); for absent queries, the results returned and how many queries got any.');
for (const set of [INDEPENDENT, CORPUS_GF2019_3]) {
  const plan = await set.plan();
  if (plan) await report(set.name, plan, set.queries);
  else console.log(`\n${set.name}: skipped, its document is not here (../shared/corpus)`);
}
await report('the project\'s older set (tests/search-relevance.ts)', await load('plan.yaml'), RELEVANCE);
