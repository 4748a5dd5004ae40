// The independent relevance sets (tests/relevance/*.json), kept verbatim as their judge wrote them: queries written
// and judged by someone who read every task of the plan and never saw the search code.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importDocument } from '../../src/import/index.js';
import { loadPlanText } from '../../src/plan/load.js';
import type { Plan } from '../../src/types.js';

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
  /** The plan the queries are about; undefined where its document is not on this machine. */
  plan: () => Promise<Plan | undefined>;
  queries: JudgedQuery[];
}

function read(file: string, name: string, plan: () => Promise<Plan | undefined>): RelevanceSet {
  const data = JSON.parse(readFileSync(path.join(here, file), 'utf8')) as { queries: JudgedQuery[] };
  return { name, plan, queries: data.queries };
}

const planFile = (file: string) => async () => loadPlanText(readFileSync(file, 'utf8'), file);

/**
 * The plan of a corpus document (../shared/corpus, beside the repository: the documents are not copied into it),
 * made as a user makes it: `plan import`, then the plan file read back.
 */
const importedPlan = (file: string) => async () => {
  if (!existsSync(file)) return undefined;
  const { yaml } = await importDocument(readFileSync(file), path.basename(file));
  return loadPlanText(yaml, file);
};

/** Where the corpus documents are, when they are. */
export const CORPUS = path.resolve('../shared/corpus');

/** 253 queries over the bundled plan (75 tasks), ten kinds, 30 of them absent meanings. */
export const INDEPENDENT = read('search-independent.json', 'independent (bundled plan)', planFile(path.resolve('plan.yaml')));

/** 44 queries over 国发〔2019〕3号 (21 tasks, ids as printed), the plan `plan import` makes of the corpus document. */
export const CORPUS_GF2019_3 = read('search-corpus-gf2019-3.json', 'gf2019-3 (corpus document, imported)',
  importedPlan(path.join(CORPUS, 'gf2019-3_zonghe_baoshuiqu.txt')));
