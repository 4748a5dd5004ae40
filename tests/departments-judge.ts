// Read from the repository root (vitest and npm scripts run there).
// The judge's rules for tests/relevance/department-names.json, shared by tests/departments-names.test.ts and
// `npm run eval:depts`: a case is passed when the answer is one of its accepted answers.
import { readFileSync } from 'node:fs';
import { fold } from '../src/chinese/fold.js';
import type { Department } from '../src/types.js';

/** An accepted answer: the tool answers with that department, or exits 2 naming every listed candidate. */
export type Accepted = { resolve: string } | { refuse: string[] };

export interface NameCase {
  input: string;
  kind: string;
  accept: Accepted[];
  note?: string;
}

/** What a resolver did with a name: took a department (saying so, or not), or refused with a message. */
export type Outcome = { resolved: string; noted: boolean } | { refused: string; exitCode: number };

export const NAME_CASES: NameCase[] = JSON.parse(readFileSync('tests/relevance/department-names.json', 'utf8')).names;

/** The registry's own spellings: a name typed exactly so needs no note. */
export function registeredSpellings(departments: Department[]): Set<string> {
  return new Set(departments.flatMap((d) => [d.name, ...(d.fullName ? [d.fullName] : []), ...d.aliases]).map((n) => fold(n)));
}

/**
 * Whether an outcome is accepted. `strict`: a resolve to a name not written exactly as registered must have been
 * said (the judge's rule); otherwise only the department counts.
 */
export function accepts(c: NameCase, outcome: Outcome, registered: Set<string>, strict = true): boolean {
  return c.accept.some((a) => {
    if ('resolve' in a) {
      if (!('resolved' in outcome) || outcome.resolved !== a.resolve) return false;
      return !strict || outcome.noted || registered.has(fold(c.input));
    }
    return 'refused' in outcome && outcome.exitCode === 2 && a.refuse.every((name) => outcome.refused.includes(name));
  });
}

/** A short account of an outcome, for failure messages and the eval. */
export function showOutcome(outcome: Outcome): string {
  return 'resolved' in outcome ? `→ ${outcome.resolved}${outcome.noted ? ' (noted)' : ' (silent)'}` : `exit ${outcome.exitCode}: ${outcome.refused}`;
}
