// npm run eval:import: how plan import agrees with the answer keys of tests/import-keys/ (written by someone else
// from ../shared/corpus and the seed text), per document and format.
import { evaluateKey, readKeys } from './import-metrics.js';

const pad = (s: string, n: number) => s.padEnd(n);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`${pad('document', 34)}${pad('format', 7)}${pad('tasks key/found/matched', 25)}${pad('F1', 7)}${pad('depts', 8)}${pad('leads', 8)}${pad('headings', 10)}${pad('等', 8)}${pad('scope', 8)}${pad('ends', 8)}${pad('roles', 8)}meta`);
let missing = 0;
for (const key of readKeys()) {
  for (const format of ['txt', 'docx', 'html'] as const) {
    const a = await evaluateKey(key, format);
    if (!a) {
      missing++;
      break;
    }
    console.log(`${pad(a.document, 34)}${pad(format, 7)}${pad(`${a.keyTasks}/${a.found}/${a.matched}`, 25)}${pad(a.f1.toFixed(3), 7)}${pad(pct(a.departments), 8)}${pad(pct(a.leads), 8)}${pad(pct(a.headings), 10)}${pad(pct(a.incomplete), 8)}${pad(pct(a.scope), 8)}${pad(pct(a.ends), 8)}${pad(pct(a.roles), 8)}${Object.entries(a.meta).filter(([, ok]) => !ok).map(([k]) => `${k}?`).join(' ') || 'ok'}`);
    if (format === 'txt') for (const miss of a.misses) console.log(`    ${miss}`);
  }
}
if (missing) console.log(`\n${missing} documents skipped: ../shared (corpus/, source/) is not beside this repository`);
console.log('\ntargets: F1 ≥ 0.95, departments ≥ 95%, leads ≥ 95%, headings ≥ 90% per document');
