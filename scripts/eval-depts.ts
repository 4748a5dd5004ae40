// npm run eval:depts: tests/relevance/department-names.json (written by a judge who did not read the resolver)
// through plan's resolver and two baselines, the resolver as it was before issue 12 and a plain fuse.js nearest
// match, per kind of name. "accepted": one of the judge's answers, a guess said on stderr; "right body": the
// same without asking that a guess be said (neither baseline ever says one); "wrong": answered with a department
// the judge does not accept (the silent wrong answer of issue 12).
import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import { fold } from '../src/chinese/fold.js';
import { PlanError } from '../src/errors.js';
import { isGuess, namesOf, resolveDepartment } from '../src/plan/departments.js';
import { loadPlanText } from '../src/plan/load.js';
import type { Department } from '../src/types.js';
import { accepts, NAME_CASES, registeredSpellings, showOutcome, type Outcome } from '../tests/departments-judge.js';
import { resolveDepartment as previousResolver } from './eval-depts-previous.js';

const plan = await loadPlanText(readFileSync('plan.yaml', 'utf8'), 'plan.yaml');
const registered = registeredSpellings(plan.departments);

async function outcomeOf(run: () => Promise<{ department: Department; noted: boolean }>): Promise<Outcome> {
  try {
    const { department, noted } = await run();
    return { resolved: department.name, noted };
  } catch (error) {
    if (error instanceof PlanError) return { refused: [error.message, ...error.details].join('\n'), exitCode: error.exitCode };
    throw error;
  }
}

const fuse = new Fuse(plan.departments.flatMap((d) => namesOf(d).map((name) => ({ d, name }))), { keys: ['name'], ignoreLocation: true, threshold: 0.6 });

const resolvers: Record<string, (input: string) => Promise<Outcome>> = {
  plan: (input) => outcomeOf(async () => {
    const match = await resolveDepartment(plan.departments, input);
    return { department: match.department, noted: isGuess(match) };
  }),
  previous: (input) => outcomeOf(async () => ({ department: await previousResolver(plan.departments, input), noted: false })),
  'fuse.js': (input) => outcomeOf(async () => {
    const best = fuse.search(fold(input.replace(/\s+/g, '')))[0];
    if (!best) throw new PlanError(`unknown department "${input}"`);
    return { department: best.item.d, noted: false };
  }),
};

const kinds = [...new Set(NAME_CASES.map((c) => c.kind))];
const verbose = process.argv.includes('--verbose');
const results: Record<string, Record<string, { strict: number; lenient: number; wrong: number; total: number }>> = {};
for (const [name, resolve] of Object.entries(resolvers)) {
  results[name] = {};
  for (const c of NAME_CASES) {
    const outcome = await resolve(c.input);
    const row = (results[name]![c.kind] ??= { strict: 0, lenient: 0, wrong: 0, total: 0 });
    row.total++;
    const strict = accepts(c, outcome, registered);
    if (strict) row.strict++;
    if (accepts(c, outcome, registered, false)) row.lenient++;
    if ('resolved' in outcome && !c.accept.some((a) => 'resolve' in a && a.resolve === outcome.resolved)) row.wrong++;
    if (verbose && name === 'plan' && !strict) console.log(`FAIL ${c.kind} ${c.input} ${showOutcome(outcome)}`);
  }
}

const pad = (s: string, n: number) => s.padEnd(n);
type Row = { strict: number; lenient: number; wrong: number; total: number };
const cell = (r: Row) => `${r.strict}/${r.total} (${r.lenient}) ${r.wrong}`;
console.log(`${NAME_CASES.length} names; each cell: accepted/total (right answer, guess said or not) wrong department\n`);
console.log(pad('kind', 13) + Object.keys(resolvers).map((n) => pad(n, 20)).join(''));
for (const kind of [...kinds, 'all']) {
  const row = Object.keys(resolvers).map((n) => {
    const rows = kind === 'all' ? Object.values(results[n]!) : [results[n]![kind]!];
    const sum = rows.reduce((a, r) => ({ strict: a.strict + r.strict, lenient: a.lenient + r.lenient, wrong: a.wrong + r.wrong, total: a.total + r.total }), { strict: 0, lenient: 0, wrong: 0, total: 0 });
    return pad(cell(sum), 20);
  });
  console.log(pad(kind, 13) + row.join(''));
}
