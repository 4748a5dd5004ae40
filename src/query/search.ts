// plan search: what a query is about, found in the tasks, ranked, with why each matched. The query is cut at spaces
// and punctuation into runs; each run becomes one or more units (a word or phrase of the plan, found exactly, through
// the thesaurus, in pinyin, or one typo away), and a task is ranked by how much of the query's meaning it holds: the
// units it contains, each weighted by its length and rarity. A unit the plan holds nowhere still counts against
// every task, so a query about something the plan does not contain finds nothing.
import { fold, foldJoined, hasHan, originOf, withoutToneMarks, type Folded } from '../chinese/fold.js';
import { loadLookalikes } from '../chinese/lookalike.js';
import { findPinyin, loadReadings, rareHan, type Readings } from '../chinese/pinyin.js';
import { PARTICLES, withoutQuestionWords, withoutTrailingParticles } from '../chinese/question.js';
import { segmentWords } from '../chinese/segment.js';
import { toSimplified } from '../chinese/simplified.js';
import { THESAURUS } from '../chinese/thesaurus.js';
import { findNearMisses } from '../chinese/typo.js';
import { EXIT, PlanError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { lastAtOrBefore } from '../text.js';
import type { FilterOptions, Plan, Range, Task } from '../types.js';
import { LETTER_NUMBER, PUNCTUATION_SYMBOL } from '../unicode-classes.js';
import { filterTasks } from './filter.js';

export interface SearchOptions {
  /** Only tasks that pass these filters are searched. */
  filter?: FilterOptions;
  limit?: number;
  /** Use the bundled thesaurus and the plan's synonyms (default true; off to measure what they add). */
  thesaurus?: boolean;
}

/** A department of the task whose name matched a unit of the query. */
export interface DepartmentMatch {
  /** The department as the task names it. */
  department: string;
  /** The text of the query's unit as it matched (in the name, full name or an alias). */
  text: string;
}

export interface SearchResult {
  task: Task;
  /**
   * Relevance in 0–1, higher is better: mostly the share of the query's meaning the task holds (its units,
   * weighted by length and rarity, and by how they matched: exact 1, a thesaurus word 0.9, pinyin 0.9, a typo
   * 0.85, a department's name 0.8, the pieces of a phrase apart 0.6), then how often, then the phrase whole.
   */
  score: number;
  /** Where the query matched, in UTF-16 offsets of task.text, sorted, not overlapping. */
  ranges: Range[];
  /** Departments whose names matched (邮政 → 市邮政管理局). */
  departments: DepartmentMatch[];
}

/** What the query was taken to mean when it differs from what was typed: Traditional characters, typos. */
export interface Correction {
  from: string;
  to: string;
}

export interface SearchAnswer {
  results: SearchResult[];
  correction?: Correction;
}

/** How much a unit's match counts, by how it matched. */
const QUALITY = { exact: 1, synonym: 0.9, pinyin: 0.9, typo: 0.85, department: 0.8, apart: 0.6, partial: 0.4 } as const;
/** What leaving a character of a run out costs, against one unit more, when a run is cut into units. */
const MISSING_COST = 10;
/** A task must hold this share of the query's meaning to be an answer at all. */
const MIN_COVERAGE = 0.6;
/** Characters of a unit that count towards its weight: beyond four, a longer phrase is no more specific. */
const MAX_UNIT_WEIGHT_LENGTH = 4;
// BM25 term frequency, for ranking tasks that hold the same share.
const K1 = 1.2;
const B = 0.5;

export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 16;
/** Words of a run tried together as one unit: beyond this, longer candidates are not worth their cost. */
const MAX_WORDS_PER_UNIT = 8;
/** Longest phrase whose pieces are looked for apart (its splits grow exponentially). */
const MAX_APART = 12;

interface Corpus {
  tasks: Task[];
  /** Task i's folded text: a slice of `text`, made when asked for (a search looks at few tasks' own). */
  folded: (i: number) => Folded;
  /** The folded texts, each followed by a NUL (plan text never holds one: open.ts refuses NUL bytes). */
  text: string;
  /** Where each doc starts in `text`. */
  starts: number[];
  departments: { name: string; forms: string[]; docs: number[] }[];
  averageLength: number;
}

/** One task's match of a unit. */
interface Hit {
  quality: number;
  count: number;
  ranges: Range[];
  departments: DepartmentMatch[];
}

interface Unit {
  /** The unit as the query has it (folded, simplified, corrected). */
  text: string;
  /** Its length in characters, for its weight. */
  length: number;
  hits: Map<number, Hit>;
  /** Found one typo away, from what was typed. */
  typo: boolean;
  typed?: string;
  /** Tasks that hold some of the words of a phrase unit, not all: they count, but not for its rarity. */
  partial?: Map<number, Hit>;
}

const corpora = new WeakMap<Plan, Corpus>();
const thesauri = new WeakMap<Plan, Thesaurus>();

function buildCorpus(plan: Plan, tasks: Task[]): Corpus {
  const texts = tasks.map((t) => t.text);
  const { joined, parts } = foldJoined(texts, tasks === plan.tasks ? plan.foldedText : undefined);
  // One object a task would be 20,000 for 10,000 tasks, and a search needs the folded text of its candidates only.
  const starts: number[] = [];
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    starts.push(at);
    at += (parts ? parts[i]!.text.length : texts[i]!.length) + 1;
  }
  const folded = parts ? (i: number) => parts[i]! : (i: number) => ({ text: joined.slice(starts[i]!, starts[i]! + texts[i]!.length) });
  const byName = new Map<string, number[]>();
  tasks.forEach((task, i) => {
    for (const name of task.departments) {
      const list = byName.get(name);
      if (list) list.push(i);
      else byName.set(name, [i]);
    }
  });
  const departments = plan.departments
    .filter((d) => byName.has(d.name))
    .map((d) => ({ name: d.name, forms: [...new Set([d.name, ...(d.fullName ? [d.fullName] : []), ...d.aliases].map(fold))], docs: byName.get(d.name)! }));
  return {
    tasks,
    folded,
    text: joined,
    starts,
    departments: tasks.length ? departments : [],
    averageLength: (at - tasks.length) / Math.max(1, tasks.length),
  };
}

/** The corpus of the tasks that pass `filter`: the plan's whole one, built once, when every task does. */
function corpusOf(plan: Plan, filter?: FilterOptions): Corpus {
  const tasks = filter ? filterTasks(plan, filter) : plan.tasks;
  // A filter keeps tasks in order, so as many as the plan's are the plan's.
  if (tasks.length !== plan.tasks.length) return buildCorpus(plan, tasks);
  let corpus = corpora.get(plan);
  if (!corpus) corpora.set(plan, (corpus = buildCorpus(plan, plan.tasks)));
  return corpus;
}

/** The bundled thesaurus and the plan's own `synonyms:`, folded, indexed by word. */
class Thesaurus {
  private readonly groups: string[][] = [];
  private readonly byWord = new Map<string, number[]>();

  constructor(groups: Iterable<readonly string[]>) {
    for (const group of groups) {
      const index = this.groups.push([...group]) - 1;
      for (const word of group) {
        const known = this.byWord.get(word);
        if (known) known.push(index);
        else this.byWord.set(word, [index]);
      }
    }
  }

  /** The words that mean the same as `word`. */
  others(word: string): string[] {
    const groups = this.byWord.get(word);
    return groups ? [...new Set(groups.flatMap((g) => this.groups[g]!.filter((w) => w !== word)))] : [];
  }

  /** Every word of the thesaurus. */
  words(): IterableIterator<string> {
    return this.byWord.keys();
  }
}

const NO_THESAURUS = new Thesaurus([]);

function thesaurusOf(plan: Plan): Thesaurus {
  let thesaurus = thesauri.get(plan);
  if (!thesaurus) {
    // The bundled groups are written folded already (a test checks it); a plan's are folded here.
    const own = (plan.synonyms ?? []).map((group) => [...new Set(group.map((w) => fold(w).replace(/\s+/g, '')))].filter((w) => w !== ''));
    thesaurus = new Thesaurus([...THESAURUS, ...own]);
    thesauri.set(plan, thesaurus);
  }
  return thesaurus;
}

/** A run of common characters, letters and digits only. */
const SIMPLE_RUN = /^[\u3400-\u4dbf\u4e00-\u9fffa-z0-9]+$/;
/** Spaces, punctuation and symbols of any width separate the runs of a query. */
const SEPARATORS = new RegExp(`[\\s${PUNCTUATION_SYMBOL}]+`, 'u');
/** A letter or a digit of any script (made on first use: the class is long). */
let letterOrNumber: RegExp | undefined;
const hasLetterOrNumber = (text: string) => (letterOrNumber ??= new RegExp(`[${LETTER_NUMBER}]`, 'u')).test(text);

/**
 * Splits a query into runs: spaces and punctuation of any width (，、。“”() ,.") separate them; each is folded for
 * width and case. An empty or overlong query, or one with nothing but symbols, is a usage error.
 *
 * @example parseQuery('电梯，安全  ＱＣ') // ['电梯', '安全', 'qc']
 */
export function parseQuery(query: string): string[] {
  if (query.length > MAX_QUERY_LENGTH) {
    throw new PlanError(msg('query.tooLong', { length: query.length, most: MAX_QUERY_LENGTH }), { exitCode: EXIT.usage });
  }
  const folded = fold(withoutToneMarks(query));
  // One word of common characters (the usual query) needs none of the Unicode classes below, slow to build.
  const runs = SIMPLE_RUN.test(folded) ? [folded]
    // Decimal points stay inside a run: PM2.5, 1.5万.
    : folded.replace(/(?<=\d)\.(?=\d)/g, '\ue000').split(SEPARATORS).map((r) => r.replace(/\ue000/g, '.')).filter(hasLetterOrNumber);
  if (runs.length === 0) throw new PlanError(msg('query.empty'), { exitCode: EXIT.usage });
  if (runs.length > MAX_TERMS) throw new PlanError(msg('query.tooManyTerms', { n: runs.length, most: MAX_TERMS }), { exitCode: EXIT.usage });
  return [...new Set(runs)];
}

/** Every way to cut a phrase into consecutive pieces of two characters or more, fewest pieces first. */
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

const isLatin = (text: string) => /^[a-z]+$/.test(text);
const hasLetter = (text: string) => /[a-z]/.test(text);

/** Best quality wins; equal quality adds the ranges. */
function merge(into: Map<number, Hit>, from: Map<number, Hit>, quality?: number): void {
  for (const [doc, hit] of from) {
    const q = quality === undefined ? hit.quality : Math.min(hit.quality, quality);
    const known = into.get(doc);
    if (!known || q > known.quality) into.set(doc, { ...hit, quality: q });
  }
}

/** The search of one query over one corpus: units found once, corrections collected. */
class Search {
  private readonly exact = new Map<string, Map<number, Hit>>();
  readonly corrections = new Map<string, string>();
  private readings: Readings | undefined;
  /** The corpus's Han characters outside the reading table (rareHan), for a plan without precompiled tables. */
  private rare: string | undefined;

  constructor(
    private readonly plan: Plan,
    private readonly corpus: Corpus,
    private readonly thesaurus: Thesaurus,
  ) {}

  private docAt(offset: number): number {
    return lastAtOrBefore(this.corpus.starts, offset);
  }

  private hitsOfRanges(ranges: Range[], quality: number): Map<number, Hit> {
    const hits = new Map<number, Hit>();
    for (const [start, end] of ranges) {
      const doc = this.docAt(start);
      const base = this.corpus.starts[doc]!;
      const hit = hits.get(doc) ?? { quality, count: 0, ranges: [], departments: [] };
      hit.count++;
      hit.ranges.push([start - base, end - base]);
      hits.set(doc, hit);
    }
    return hits;
  }

  private addDepartments(hits: Map<number, Hit>, matches: (form: string) => string | undefined): void {
    for (const department of this.corpus.departments) {
      let text: string | undefined;
      for (const form of department.forms) if ((text = matches(form)) !== undefined) break;
      if (text === undefined) continue;
      for (const doc of department.docs) {
        const known = hits.get(doc);
        if (known && known.quality > QUALITY.department) continue;
        const hit = known ?? { quality: QUALITY.department, count: 0, ranges: [], departments: [] };
        // A task the department carries alone is more its own than one it is named on among ten.
        hit.count += 1 / this.corpus.tasks[doc]!.departments.length;
        hit.departments.push({ department: department.name, text });
        hits.set(doc, hit);
      }
    }
  }

  /** Tasks whose text or departments' names hold `word` as it is. */
  exactHits(word: string): Map<number, Hit> {
    let hits = this.exact.get(word);
    if (hits) return hits;
    const ranges: Range[] = [];
    const { text } = this.corpus;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) ranges.push([at, at + word.length]);
    hits = this.hitsOfRanges(ranges, QUALITY.exact);
    this.addDepartments(hits, (form) => (form.includes(word) ? word : undefined));
    this.exact.set(word, hits);
    return hits;
  }

  /**
   * Exactly, or with a word of the thesaurus that means the same, for the whole (电商 → 电子商务) or inside it
   * (电商产品质量 → 电子商务产品质量).
   */
  wordHits(word: string): Map<number, Hit> {
    const hits = new Map(this.exactHits(word));
    for (const other of this.thesaurus.others(word)) merge(hits, this.exactHits(other), QUALITY.synonym);
    if (word.length > 2) {
      for (const part of this.thesaurus.words()) {
        if (part.length < 2 || part.length >= word.length || !word.includes(part)) continue;
        for (const other of this.thesaurus.others(part)) merge(hits, this.exactHits(word.replace(part, other)), QUALITY.synonym);
      }
    }
    return hits;
  }

  private async loadReadings(extra: string): Promise<Readings> {
    // Without precompiled tables, the readings of the corpus too: its rare characters are named, so that pinyin-pro
    // is loaded for them (the reading table has every other).
    this.rare ??= this.plan.characters ? '' : rareHan(this.corpus.text + this.corpus.departments.flatMap((d) => d.forms).join(''));
    if (!this.readings || extra) this.readings = await loadReadings(this.plan.characters, extra + this.rare);
    return this.readings;
  }

  /** Tasks where the query, in pinyin (possibly mixed with characters), spells a run of text or of a name. */
  async pinyinHits(spelled: string): Promise<Map<number, Hit>> {
    if (!hasLetter(spelled)) return new Map();
    const readings = await this.loadReadings(spelled);
    const hits = this.hitsOfRanges(findPinyin(this.corpus.text, spelled, readings), QUALITY.pinyin);
    this.addDepartments(hits, (form) => {
      const [range] = findPinyin(form, spelled, readings, 2);
      return range ? form.slice(...range) : undefined;
    });
    return hits;
  }

  /** The plan's word one typo away from `word`, if there is one: a homophone, a look-alike, a missing or extra character. */
  async typo(word: string): Promise<string | undefined> {
    if (!hasHan(word) || Array.from(word).length < 3) return undefined;
    const misses = findNearMisses(this.corpus.text, word, await this.loadReadings(word));
    const homophone = misses.find((m) => m.kind === 'homophone');
    if (homophone) return homophone.text;
    if (misses.some((m) => m.kind === 'substitution')) {
      const lookalike = await loadLookalikes();
      const alike = misses.find((m) => m.kind === 'substitution' && lookalike(m.typed!, m.written!));
      if (alike) return alike.text;
    }
    return misses.find((m) => m.kind === 'edit')?.text;
  }

  /** Tasks holding every piece of a phrase, apart or in another order (电商跨境, 电子商务 … 质量). */
  apartHits(phrase: string): Map<number, Hit> {
    const chars = Array.from(phrase);
    const hits = new Map<number, Hit>();
    if (chars.length < 4 || chars.length > MAX_APART || !hasHan(phrase)) return hits;
    for (const pieces of splits(chars)) {
      const found = pieces.map((p) => this.exactHits(p));
      const [first, ...rest] = found;
      for (const [doc] of first!) {
        if (hits.has(doc) || !rest.every((h) => h.has(doc))) continue;
        const parts = found.map((h) => h.get(doc)!);
        // Apart in the text only: a piece in a department's name is not the phrase.
        if (parts.some((p) => p.ranges.length === 0)) continue;
        hits.set(doc, { quality: QUALITY.apart, count: Math.min(...parts.map((p) => p.count)), ranges: parts.flatMap((p) => p.ranges), departments: [] });
      }
    }
    return hits;
  }

  unit(text: string, hits: Map<number, Hit>, typo = false): Unit {
    return { text, length: Array.from(text).length, hits, typo };
  }

  /**
   * A unit of the plan's words, with weaker matches where the text does not hold it whole: its pieces apart or in
   * another order (0.6), or, for a phrase of several words, some of its words (a share of 0.4 by their length).
   */
  phraseUnit(text: string, words: string[] = []): Unit {
    const hits = this.wordHits(text);
    merge(hits, this.apartHits(text));
    // The pieces of a word that means the same, apart (童装 → 儿童服装 → 儿童及婴幼儿服装).
    for (const other of this.thesaurus.others(text)) merge(hits, this.apartHits(other), QUALITY.apart);
    if (words.length > 1) {
      // Words of two characters or more: a character found alone says nothing about the phrase.
      const found = words.map((w) => ({ length: Array.from(w).length, hits: Array.from(w).length < 2 ? new Map<number, Hit>() : this.wordHits(w) }));
      const total = found.reduce((n, f) => n + f.length, 0);
      const partial = new Map<number, Hit>();
      for (const { length, hits: wordHits } of found) {
        for (const [doc, hit] of wordHits) {
          if (hits.has(doc) || hit.ranges.length === 0) continue;
          const known = partial.get(doc) ?? { quality: 0, count: 0, ranges: [], departments: [] };
          known.quality += (QUALITY.partial * length) / total;
          known.count = Math.max(known.count, hit.count);
          for (const range of hit.ranges) known.ranges.push(range); // not push(...): a text of 200,000 a has as many ranges
          partial.set(doc, known);
        }
      }
      return { ...this.unit(text, hits), partial };
    }
    return this.unit(text, hits);
  }

  /** A unit for a run that is one typo away from the plan's `corrected`, said as a correction (`say`). */
  private corrected(typed: string, corrected: string, say = true): Unit {
    if (say) this.corrections.set(typed, corrected);
    const hits = new Map<number, Hit>();
    merge(hits, this.wordHits(corrected), QUALITY.typo);
    return { ...this.unit(corrected, hits, true), typed };
  }

  /** The units of one run of the query. */
  async resolveRun(run: string): Promise<Unit[]> {
    if (this.wordHits(run).size) return [this.phraseUnit(run)];
    if (hasLetter(run)) {
      const spelled = await this.pinyinHits(run);
      if (spelled.size) return [this.unit(run, spelled)];
    }
    const pieces = withoutQuestionWords(run);
    if (pieces.length !== 1 || pieces[0] !== run) {
      const units = (await Promise.all(pieces.map((p) => this.resolveRun(p)))).flat();
      if (units.every((u) => u.hits.size)) return units;
      // A question word may be part of a mistyped word (质量工作考合): the run whole, one typo away.
      const typo = await this.typo(run);
      return typo ? [this.corrected(run, typo)] : units;
    }
    const trimmed = withoutTrailingParticles(run);
    if (trimmed !== run) return this.resolveRun(trimmed);
    const apart = this.thesaurus.others(run).length ? this.phraseUnit(run) : this.unit(run, this.apartHits(run));
    if (apart.hits.size) return [apart];
    const length = Array.from(run).length;
    if (length <= 4 && hasHan(run)) {
      // A run of three or four characters is one word, mistyped (工匠精伸) or one the plan does not have (大数据
      // is not 大 and 数据); only a four-character one may also be two words (校园食安).
      const typo = await this.typo(run);
      if (typo) return [this.corrected(run, typo)];
      if (length <= 3) return [this.unit(run, new Map())];
    }
    const words = segmentWords(run).filter(hasLetterOrNumber);
    const plain = await this.resolveWords(words, false);
    if (plain.every((u) => u.hits.size)) return plain;
    // Some word is not in the plan: it may be mistyped (工匠精伸, 团休标准).
    const typed = await this.resolveWords(words, true);
    return typed.filter((u) => !u.hits.size).length < plain.filter((u) => !u.hits.size).length ? typed : plain;
  }

  /**
   * A run the plan does not hold as a whole, word by word (Intl.Segmenter): the run cut into sequences of words the
   * plan holds (or, with `typos`, holds one typo away), leaving out as few characters as possible, in as few units
   * as possible (校园食安 is 校园 + 食安, not 校园食 + 安). Particles are dropped; a word the plan has nowhere is a
   * unit that no task holds.
   */
  private async resolveWords(words: string[], typos: boolean): Promise<Unit[]> {
    const n = words.length;
    /** best[i]: the cheapest units for words[i..]. */
    const best: { cost: number; units: Unit[] }[] = new Array(n + 1);
    best[n] = { cost: 0, units: [] };
    for (let i = n - 1; i >= 0; i--) {
      const word = words[i]!;
      if (PARTICLES.has(word)) {
        best[i] = best[i + 1]!;
        continue;
      }
      // A word the plan does not have, or a character of a longer word that it does not have.
      const missing = this.unit(word, new Map());
      let choice = { cost: best[i + 1]!.cost + 1 + MISSING_COST * missing.length, units: [missing, ...best[i + 1]!.units] };
      for (let j = i; j < Math.min(n, i + MAX_WORDS_PER_UNIT); j++) {
        if (j > i && PARTICLES.has(words[j]!)) continue;
        const parts = words.slice(i, j + 1);
        const candidate = parts.join('');
        // A character left alone from a longer run is part of a word the plan does not have (大数据 → 大).
        const fragment = j === i && n > 1 && Array.from(candidate).length === 1 && hasHan(candidate);
        let unit: Unit | undefined;
        let cost = 1;
        if (!fragment && this.wordHits(candidate).size) unit = this.phraseUnit(candidate, parts);
        else if (!fragment && this.thesaurus.others(candidate).length) {
          const apart = this.phraseUnit(candidate);
          if (apart.hits.size) unit = apart;
        }
        else if (hasLetter(candidate)) {
          const spelled = await this.pinyinHits(candidate);
          if (spelled.size) unit = this.unit(candidate, spelled);
        }
        if (!unit && typos && Array.from(candidate).length >= 3) {
          const typo = await this.typo(candidate);
          if (typo) {
            unit = this.corrected(candidate, typo, false);
            cost = 2;
          }
        }
        if (unit && best[j + 1]!.cost + cost < choice.cost) choice = { cost: best[j + 1]!.cost + cost, units: [unit, ...best[j + 1]!.units] };
      }
      best[i] = choice;
    }
    const units = best[0]!.units;
    for (const u of units) if (u.typo) this.corrections.set(u.typed!, u.text);
    return units;
  }

  /** Runs of letters next to each other (dian ti, ma yi ban jia) are one word in pinyin if the plan spells it so. */
  async resolveLatin(tokens: string[]): Promise<Unit[]> {
    const units: Unit[] = [];
    for (let i = 0; i < tokens.length; ) {
      let taken = 0;
      for (let j = tokens.length - 1; j >= i && !taken; j--) {
        const candidate = tokens.slice(i, j + 1).join('');
        const exact = this.wordHits(candidate);
        const hits = exact.size ? exact : await this.pinyinHits(candidate);
        if (hits.size) {
          units.push(this.unit(candidate, hits));
          taken = j + 1 - i;
        }
      }
      if (!taken) {
        units.push(this.unit(tokens[i]!, new Map()));
        taken = 1;
      }
      i += taken;
    }
    return units;
  }
}

/**
 * How often the halves of a word of four or more Han characters stand in a text beyond the word itself: a task
 * that says 电梯 three times is more about 电梯安全 than one that names 电梯安全 once in a list of areas. Only
 * where the word itself stands in the text (not another word of the thesaurus for it).
 */
function halvesBeyond(text: string, word: string, whole: number): number {
  if (word.length < 4 || !/^[\u4e00-\u9fff]+$/.test(word) || !text.includes(word)) return 0;
  const half = word.length >> 1;
  let extra = 0;
  for (const piece of [word.slice(0, half), word.slice(half)]) {
    let n = 0;
    for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + piece.length)) n++;
    extra += Math.max(0, n - whole);
  }
  return extra;
}

/**
 * Ranks the tasks by relevance to a query, best first, and says how the query was read when that differs from
 * what was typed (Traditional characters, a typo). The query may be words, a question in plain words
 * (电梯安全怎么管), a pasted clause, pinyin (dianti, dian ti, 电ti), Traditional characters or abbreviations (电商);
 * a task must hold most of what it is about, so a query about something the plan does not contain finds nothing.
 *
 * @example (await searchTasks(plan, '电梯安全怎么管')).results[0].task.id // 37
 */
export async function searchTasks(plan: Plan, query: string, options: SearchOptions = {}): Promise<SearchAnswer> {
  const folded = parseQuery(query);
  const whole = corpusOf(plan);
  const runs = [];
  for (const run of folded) runs.push(needsSimplifying(whole, run) ? fold(await toSimplified(run, plan.characters)) : run);
  const corpus = corpusOf(plan, options.filter);
  if (corpus.tasks.length === 0) return { results: [] };
  const search = new Search(plan, corpus, options.thesaurus === false ? NO_THESAURUS : thesaurusOf(plan));

  const units: Unit[] = [];
  for (let i = 0; i < runs.length; ) {
    if (isLatin(runs[i]!)) {
      let j = i;
      while (j < runs.length && isLatin(runs[j]!)) j++;
      units.push(...(await search.resolveLatin(runs.slice(i, j))));
      i = j;
    } else {
      units.push(...(await search.resolveRun(runs[i]!)));
      i++;
    }
  }
  if (units.length === 0) return { results: [] };

  const n = corpus.tasks.length;
  const weights = units.map((u) => {
    const idf = Math.log(1 + (n - u.hits.size + 0.5) / (u.hits.size + 0.5));
    return idf * Math.min(u.length, MAX_UNIT_WEIGHT_LENGTH);
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const candidates = new Set<number>();
  for (const u of units) for (const doc of [...u.hits.keys(), ...(u.partial?.keys() ?? [])]) candidates.add(doc);
  const phrase = units.length > 1 ? units.map((u) => u.text).join('') : undefined;
  // Where the query has words the plan holds as typed, a task that holds only corrected ones is not about it.
  const typed = units.some((u) => !u.typo && u.hits.size);

  const results: (SearchResult & { rank: number })[] = [];
  for (const index of candidates) {
    const task = corpus.tasks[index]!;
    const folded = corpus.folded(index);
    let coverage = 0;
    let frequency = 0;
    const ranges: Range[] = [];
    const departments: DepartmentMatch[] = [];
    units.forEach((u, k) => {
      const hit = u.hits.get(index) ?? u.partial?.get(index);
      if (!hit) return;
      coverage += weights[k]! * hit.quality;
      const norm = K1 * (1 - B + (B * folded.text.length) / corpus.averageLength);
      const count = hit.count + 0.5 * halvesBeyond(folded.text, u.text, hit.count);
      frequency += weights[k]! * hit.quality * (count / (count + norm));
      for (const range of hit.ranges) ranges.push(range); // not push(...): a text of 200,000 a has as many ranges
      for (const d of hit.departments) if (!departments.some((x) => x.department === d.department && x.text === d.text)) departments.push(d);
    });
    coverage /= total;
    if (coverage < MIN_COVERAGE - 1e-9) continue;
    if (typed && !units.some((u) => !u.typo && u.hits.has(index))) continue;
    const whole = phrase !== undefined && folded.text.includes(phrase) ? 1 : 0;
    const rank = 0.85 * coverage + 0.1 * (frequency / total) + 0.05 * whole;
    results.push({
      task,
      score: Math.round(rank * 1000) / 1000,
      rank,
      ranges: mergeRanges(ranges.map(([a, b]) => [originOf(folded, a), originOf(folded, b)] as Range)),
      departments,
    });
  }
  results.sort((x, y) => y.rank - x.rank || x.task.id - y.task.id);
  const answer: SearchAnswer = {
    results: results.slice(0, options.limit ?? results.length).map((r) => ({ task: r.task, score: r.score, ranges: r.ranges, departments: r.departments })),
  };
  const correction = correctionOf(query, folded, runs, search.corrections);
  if (correction) answer.correction = correction;
  return answer;
}

/**
 * True for a run with a Chinese character the plan never writes: likely a Traditional one. Only such runs are
 * converted, so that a plan without precompiled tables loads opencc-js only for them.
 */
function needsSimplifying(corpus: Corpus, run: string): boolean {
  for (const char of run) if (hasHan(char) && !corpus.text.includes(char)) return true;
  return false;
}

/** The query as it was read, when that differs from what was typed beyond width and case. */
function correctionOf(query: string, folded: string[], runs: string[], typos: Map<string, string>): Correction | undefined {
  if (runs.every((r, i) => r === folded[i]) && typos.size === 0) return undefined;
  let to = runs.join(' ');
  for (const [typed, meant] of [...typos].sort((a, b) => b[0].length - a[0].length)) to = to.split(typed).join(meant);
  const from = folded.join(' ');
  return to === from ? undefined : { from: query.trim().replace(/\s+/g, ' '), to };
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
