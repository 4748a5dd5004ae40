// npm run eval:search: relevance of `plan search` on tests/search-relevance.ts, beside fuse.js and substring.
import { readFileSync } from 'node:fs';
import { loadPlanText } from '../src/plan/load.js';
import { evaluate, searchers } from './search-metrics.js';
import { RELEVANCE } from './search-relevance.js';

const plan = await loadPlanText(readFileSync('plan.yaml', 'utf8'), 'plan.yaml');
const kinds = [...new Set(RELEVANCE.map((c) => c.kind))];
const scored = RELEVANCE.filter((c) => c.kind !== 'absent').length;
console.log(`${RELEVANCE.length} queries (${scored} with relevant tasks, ${RELEVANCE.length - scored} absent words) on ${plan.tasks.length} tasks\n`);
const pad = (s: string, n: number) => s.padEnd(n);
console.log(`${pad('search', 18)}${pad('MRR', 8)}${pad('recall@10', 11)}${pad('precision@10', 14)}absent-word hits`);
for (const [name, search] of Object.entries(searchers(plan))) {
  const m = await evaluate(search, RELEVANCE);
  console.log(`${pad(name, 18)}${pad(m.mrr.toFixed(3), 8)}${pad(m.recallAt10.toFixed(3), 11)}${pad(m.precisionAt10.toFixed(3), 14)}${m.absentHits}`);
}
console.log('\nplan search, by kind of query (MRR / recall@10, or hits for absent words):');
const [, ours] = Object.entries(searchers(plan))[0]!;
for (const kind of kinds) {
  const m = await evaluate(ours, RELEVANCE.filter((c) => c.kind === kind));
  console.log(`  ${pad(kind, 12)}${kind === 'absent' ? `${m.absentHits} hits` : `${m.mrr.toFixed(3)} / ${m.recallAt10.toFixed(3)}`}`);
}
