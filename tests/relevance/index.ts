// The independent relevance sets (tests/relevance/*.json), kept verbatim as their judge wrote them: queries written
// and judged by someone who read every task of the plan and never saw the search code.
import { readFileSync } from 'node:fs';
import path from 'node:path';

// Paths from the repository root (vitest and npm run eval:search run there; the eval is bundled elsewhere).
const here = path.resolve('tests/relevance');

export interface JudgedQuery {
  kind: string;
  query: string;
  /** The tasks that answer the query; none for an `absent` query, about what the plan does not contain. */
  relevant: number[];
  note?: string;
}

export interface RelevanceSet {
  name: string;
  /** The plan file the queries are about. */
  plan: string;
  queries: JudgedQuery[];
}

function read(file: string, name: string, plan: string): RelevanceSet {
  const data = JSON.parse(readFileSync(path.join(here, file), 'utf8')) as { queries: JudgedQuery[] };
  return { name, plan: path.join(here, plan), queries: data.queries };
}

/** 253 queries over the bundled plan (75 tasks), ten kinds, 30 of them absent meanings. */
export const INDEPENDENT = read('search-independent.json', 'independent (bundled plan)', '../../plan.yaml');

/** 44 queries over 国发〔2019〕3号 (21 tasks), the plan in tests/fixtures/gf2019-3.yaml. */
export const CORPUS_GF2019_3 = read('search-corpus-gf2019-3.json', 'gf2019-3 (corpus document)', '../fixtures/gf2019-3.yaml');
