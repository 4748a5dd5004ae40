import { editDistance } from '../chinese/distance.js';
import { fold, foldText, hasHan, isLatin, originOf, type Folded } from '../chinese/fold.js';
import { findPinyin, loadReadings, type Readings } from '../chinese/pinyin.js';
import { toSimplified } from '../chinese/simplified.js';
import { EXIT, PlanError } from '../errors.js';
import type { CharacterTables, FilterOptions, Plan, Range, Task } from '../types.js';
import { filterTasks } from './filter.js';

export interface SearchOptions {
  /** Only tasks that pass these filters are searched. */
  filter?: FilterOptions;
  limit?: number;
}

export interface SearchResult {
  task: Task;
  /**
   * Relevance in 0–1, higher is better: how well every term matched (exact 1, pinyin 0.9, another order 0.6,
   * a typo 0.5, multiplied over the terms) times the BM25 score as a share of the best a task could get,
   * so that an exact match (above 0.5) always ranks above a near miss of the same query.
   */
  score: number;
  /** Where the query matched, in UTF-16 offsets of task.text, sorted, not overlapping. */
  ranges: Range[];
}

/** How a term matched a task, best first, and how much that counts. */
const WEIGHT = { exact: 1, pinyin: 0.9, reordered: 0.6, typo: 0.5 } as const;
type Level = keyof typeof WEIGHT;

// BM25 with a lower length penalty than usual: a long task that names a thing once is no less about it.
const K1 = 1.2;
const B = 0.5;
/** An exact phrase of all the terms together adds this share of the best score. */
const PHRASE_BONUS = 0.3;

export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 16;

interface Doc {
  task: Task;
  folded: Folded;
}

interface Hit {
  level: Level;
  count: number;
  ranges: Range[];
}

const corpora = new WeakMap<Plan, Doc[]>();

function documents(plan: Plan): Doc[] {
  let docs = corpora.get(plan);
  if (!docs) {
    docs = plan.tasks.map((task) => ({ task, folded: foldText(task.text) }));
    corpora.set(plan, docs);
  }
  return docs;
}

/**
 * Splits a query into terms: spaces (any width) separate terms that must all match; a term is folded for width
 * and case. Symbols alone are not a term. An empty or overlong query is a usage error.
 *
 * @example parseQuery('电梯  ＱＣ') // ['电梯', 'qc']
 */
export function parseQuery(query: string): string[] {
  if (query.length > MAX_QUERY_LENGTH) {
    throw new PlanError(`the query is ${query.length} characters long; keep it under ${MAX_QUERY_LENGTH}`, { exitCode: EXIT.usage });
  }
  const terms = fold(query)
    .split(/[\s\u3000]+/u)
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
  if (terms.length === 0) throw new PlanError('the query has no words to search for: give at least one, e.g. plan search 电梯', { exitCode: EXIT.usage });
  if (terms.length > MAX_TERMS) throw new PlanError(`the query has ${terms.length} terms; give at most ${MAX_TERMS}`, { exitCode: EXIT.usage });
  return [...new Set(terms)];
}

function occurrences(text: string, needle: string): Range[] {
  const found: Range[] = [];
  if (needle === '') return found;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) found.push([at, at + needle.length]);
  return found;
}

function exactHits(docs: Doc[], term: string): Map<Doc, Hit> {
  const hits = new Map<Doc, Hit>();
  for (const doc of docs) {
    const ranges = occurrences(doc.folded.text, term);
    if (ranges.length) hits.set(doc, { level: 'exact', count: ranges.length, ranges });
  }
  return hits;
}

async function pinyinHits(docs: Doc[], term: string, tables: CharacterTables | undefined): Promise<Map<Doc, Hit>> {
  const readings = await loadReadings(tables);
  const hits = new Map<Doc, Hit>();
  for (const doc of docs) {
    const ranges = findPinyin(doc.folded.text, term, readings);
    if (ranges.length) hits.set(doc, { level: 'pinyin', count: ranges.length, ranges });
  }
  return hits;
}

/** Every way to cut a term into consecutive pieces of two characters or more, fewest pieces first. */
export function splits(chars: string[]): string[][] {
  const out: string[][] = [];
  const walk = (from: number, pieces: string[]) => {
    if (from === chars.length) {
      if (pieces.length > 1) out.push(pieces);
      return;
    }
    for (let to = from + 2; to <= chars.length; to++) {
      if (chars.length - to === 1) continue;
      walk(to, [...pieces, chars.slice(from, to).join('')]);
    }
  };
  walk(0, []);
  return out.sort((a, b) => a.length - b.length);
}

/** Longest term whose word order is tolerated: its splits grow exponentially. */
const MAX_REORDERED = 12;

/** Tasks that contain every piece of the term, in any order (电商跨境 finds 跨境电商). */
function reorderedHits(docs: Doc[], term: string): Map<Doc, Hit> {
  const chars = Array.from(term);
  const hits = new Map<Doc, Hit>();
  if (chars.length < 4 || chars.length > MAX_REORDERED) return hits;
  const cuts = splits(chars);
  for (const doc of docs) {
    for (const pieces of cuts) {
      const found = pieces.map((p) => occurrences(doc.folded.text, p));
      if (found.every((r) => r.length > 0)) {
        hits.set(doc, { level: 'reordered', count: Math.min(...found.map((r) => r.length)), ranges: found.flat() });
        break;
      }
    }
  }
  return hits;
}

/** Terms this long or longer tolerate any one edit; shorter ones (three or four characters) only a homophone. */
const ANY_TYPO = 5;

/** True when two runs of text differ in one character only, and the two sound alike (质检局, 质监局). */
function homophoneOf(a: string, b: string, readings: Readings): boolean {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length !== y.length) return false;
  const differ = x.flatMap((c, i) => (c === y[i] ? [] : [i]));
  if (differ.length !== 1) return false;
  const i = differ[0]!;
  const sounds = new Set(readings(x[i]!));
  return readings(y[i]!).some((r) => sounds.has(r));
}

/**
 * Tasks with a run of text one typo away from a term: a wrong character of the same sound for any term of three
 * characters or more (people type Chinese by pinyin and pick the wrong homophone: 工匠精伸 → 工匠精神), and any
 * wrong, missing or extra character in a term of five or more. In a shorter word any other change makes another
 * word (物联网 is not 互联网, 人工智能 is not 人及智能). One edit leaves one half of the term intact, so only the
 * places around an exact half are tried.
 */
async function typoHits(docs: Doc[], term: string, tables: CharacterTables | undefined): Promise<Map<Doc, Hit>> {
  const chars = Array.from(term);
  const hits = new Map<Doc, Hit>();
  if (chars.length < 3) return hits;
  const readings = await loadReadings(tables, term);
  const close = (window: string) => homophoneOf(window, term, readings) || (chars.length >= ANY_TYPO && editDistance(window, term, 1) <= 1);
  const half = Math.floor(chars.length / 2);
  const left = chars.slice(0, half).join('');
  const right = chars.slice(half).join('');
  for (const doc of docs) {
    const text = doc.folded.text;
    const starts = new Set<number>();
    for (const [at] of occurrences(text, left)) starts.add(at);
    for (const [, end] of occurrences(text, right)) {
      for (const length of [term.length - 1, term.length, term.length + 1]) starts.add(end - length);
    }
    const ranges: Range[] = [];
    let after = -1;
    for (const start of [...starts].filter((s) => s >= 0).sort((a, b) => a - b)) {
      if (start < after) continue;
      for (const length of [term.length, term.length - 1, term.length + 1]) {
        const window = text.slice(start, start + length);
        if (window.length === length && close(window)) {
          ranges.push([start, start + length]);
          after = start + length;
          break;
        }
      }
    }
    if (ranges.length) hits.set(doc, { level: 'typo', count: ranges.length, ranges });
  }
  return hits;
}

/**
 * The tasks a term matches. Exact text first (after folding width and case; then Traditional to Simplified if
 * that finds nothing; and pinyin for a term in Latin letters). A longer term also matches tasks that hold its
 * pieces apart or in another order (电子商务质量 in 电子商务产品质量), ranked below. Only a term found nowhere
 * falls back to a typo, so a word the plan has never brings no near-miss noise.
 */
async function matchTerm(docs: Doc[], term: string, tables: CharacterTables | undefined): Promise<Map<Doc, Hit>> {
  let hits = exactHits(docs, term);
  let word = term;
  if (hits.size === 0 && hasHan(term)) {
    const simplified = fold(await toSimplified(term, tables));
    if (simplified !== term) {
      word = simplified;
      hits = exactHits(docs, word);
    }
  }
  if (isLatin(term)) {
    for (const [doc, hit] of await pinyinHits(docs, term, tables)) if (!hits.has(doc)) hits.set(doc, hit);
  }
  if (!hasHan(word)) return hits;
  const exact = hits.size;
  for (const [doc, hit] of reorderedHits(docs, word)) if (!hits.has(doc)) hits.set(doc, hit);
  if (exact === 0) {
    for (const [doc, hit] of await typoHits(docs, word, tables)) if (!hits.has(doc) || WEIGHT[hit.level] > WEIGHT[hits.get(doc)!.level]) hits.set(doc, hit);
  }
  return hits;
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Ranks the tasks by relevance to a query, best first. Terms separated by spaces must all match; each counts
 * by BM25 (more occurrences and rarer terms score higher), weighted by how it matched (exact above pinyin above
 * another word order above a typo), and a task holding all the terms as one phrase gets a bonus.
 *
 * @example (await searchTasks(plan, '电梯'))[0].task.id // 37
 */
export async function searchTasks(plan: Plan, query: string, options: SearchOptions = {}): Promise<SearchResult[]> {
  const terms = parseQuery(query);
  const allowed = options.filter ? new Set(filterTasks(plan, options.filter)) : undefined;
  const docs = documents(plan).filter((d) => !allowed || allowed.has(d.task));
  if (docs.length === 0) return [];
  const averageLength = docs.reduce((n, d) => n + d.folded.text.length, 0) / docs.length;

  const scores = new Map<Doc, { raw: number; quality: number; ranges: Range[] }>(docs.map((d) => [d, { raw: 0, quality: 1, ranges: [] }]));
  let best = 0;
  for (const term of terms) {
    const hits = await matchTerm(docs, term, plan.characters);
    const idf = Math.log(1 + (docs.length - hits.size + 0.5) / (hits.size + 0.5));
    best += idf * (K1 + 1);
    for (const doc of [...scores.keys()]) {
      const hit = hits.get(doc);
      if (!hit) {
        scores.delete(doc);
        continue;
      }
      const norm = K1 * (1 - B + (B * doc.folded.text.length) / averageLength);
      const entry = scores.get(doc)!;
      entry.raw += WEIGHT[hit.level] * idf * ((hit.count * (K1 + 1)) / (hit.count + norm));
      entry.quality *= WEIGHT[hit.level];
      entry.ranges.push(...hit.ranges);
    }
  }
  if (terms.length > 1) {
    const bonus = PHRASE_BONUS * best;
    for (const [doc, entry] of scores) {
      const phrase = occurrences(doc.folded.text, terms.join(''));
      if (phrase.length) {
        entry.raw += bonus;
        entry.ranges.push(...phrase);
      }
    }
    best += bonus;
  }

  const results = [...scores].map(([doc, { raw, quality, ranges }]) => ({
    task: doc.task,
    score: Math.round(quality * ((1 + raw / best) / 2) * 1000) / 1000,
    raw,
    ranges: mergeRanges(ranges.map(([a, b]) => [originOf(doc.folded, a), originOf(doc.folded, b)] as Range)),
  }));
  results.sort((x, y) => y.score - x.score || y.raw - x.raw || x.task.id - y.task.id);
  return results.slice(0, options.limit ?? results.length).map(({ task, score, ranges }) => ({ task, score, ranges }));
}
