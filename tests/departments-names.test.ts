// tests/relevance/department-names.json, written by a judge who did not read the resolver: every name through
// resolveDepartment, and a sample of each kind through the built bin/plan.js in two formats.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../src/errors.js';
import { describeMatch, isGuess, resolveDepartment } from '../src/plan/departments.js';
import { accepts, NAME_CASES, registeredSpellings, showOutcome, type NameCase, type Outcome } from './departments-judge.js';
import { realPlan } from './helpers.js';

const registered = registeredSpellings(realPlan.departments);

async function outcomeOf(input: string): Promise<Outcome> {
  try {
    const match = await resolveDepartment(realPlan.departments, input);
    return { resolved: match.department.name, noted: isGuess(match) };
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    return { refused: [error.message, ...error.details].join('\n'), exitCode: error.exitCode };
  }
}

describe('the judge\'s department names', () => {
  it('has at least 60 names of every kind the issue asks for', () => {
    expect(NAME_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(NAME_CASES.map((c) => c.kind))).toEqual(new Set(['other-city', 'absent', 'typo', 'pinyin', 'post-2018', 'partial', 'traditional', 'generic']));
  });

  it.each(NAME_CASES.map((c) => [c.kind, c.input, c] as const))('%s %s', async (_kind, _input, c: NameCase) => {
    const outcome = await outcomeOf(c.input);
    expect(accepts(c, outcome, registered), `${showOutcome(outcome)}; accepted: ${JSON.stringify(c.accept)}`).toBe(true);
  });
});

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;

function plan(args: string[]) {
  const env = { ...process.env, NO_COLOR: undefined, PLAN_FILE: undefined, COLUMNS: '100', PLAN_LANG: 'en' } as NodeJS.ProcessEnv;
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 20000 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

// Two names of each kind, chosen by position so that the sample is not picked by outcome.
const SAMPLE = [...new Set(NAME_CASES.map((c) => c.kind))].flatMap((kind) => {
  const cases = NAME_CASES.filter((c) => c.kind === kind);
  return [cases[0]!, cases[Math.floor(cases.length / 2)]!];
});

describe('the built CLI on a sample of the judge\'s names', () => {
  it.each(SAMPLE.map((c) => [c.kind, c.input, c] as const))('plan dept %s %s', async (_kind, _input, c: NameCase) => {
    const expected = await outcomeOf(c.input);
    for (const format of ['--json', '--format=tsv']) {
      const run = plan(['dept', c.input, format]);
      if ('resolved' in expected) {
        expect(run.code).toBe(0);
        const match = await resolveDepartment(realPlan.departments, c.input);
        // The guess is said on stderr in every format, and nothing else is.
        expect(run.stderr).toBe(isGuess(match) ? `${describeMatch(c.input, match)}\n` : '');
        if (format === '--json') expect(Array.isArray(JSON.parse(run.stdout))).toBe(true);
      } else {
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe(`plan: ${expected.refused}\n`);
      }
    }
    expect(accepts(c, expected, registered)).toBe(true);
  });
});
