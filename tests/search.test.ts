import { describe, expect, it } from 'vitest';
import { PlanError } from '../src/errors.js';
import { parseQuery, searchTasks, splits } from '../src/query/search.js';
import { evaluate, searchers } from './search-metrics.js';
import { RELEVANCE } from './search-relevance.js';
import { realPlan, smallPlan } from './helpers.js';

const ids = async (query: string, plan = realPlan) => (await searchTasks(plan, query)).map((r) => r.task.id);

describe('parseQuery', () => {
  it.each([
    { input: '电梯', expected: ['电梯'] },
    { input: '  电梯　 安全 ', expected: ['电梯', '安全'] },
    { input: 'ＱＣ １２３１５', expected: ['qc', '12315'] },
    { input: '电梯 电梯', expected: ['电梯'] },
    { input: '.* 电梯 (?:', expected: ['电梯'] },
  ])('$input → $expected', ({ input, expected }) => {
    expect(parseQuery(input)).toEqual(expected);
  });

  it.each(['', '   ', '*** ???', 'x'.repeat(201)])('refuses %j with a usage error', (input) => {
    expect(() => parseQuery(input)).toThrow(PlanError);
  });
});

describe('splits', () => {
  it('cuts a term into pieces of two characters or more, fewest first', () => {
    expect(splits(Array.from('电商跨境'))).toEqual([['电商', '跨境']]);
    expect(splits(Array.from('电子商务质量'))).toEqual([['电子', '商务质量'], ['电子商', '务质量'], ['电子商务', '质量'], ['电子', '商务', '质量']]);
  });
});

describe('searchTasks on the real plan', () => {
  it('finds a word wherever it stands, however long the task', async () => {
    expect(await ids('海外仓')).toEqual([66]);
    expect(await ids('前展后仓')).toEqual([66]);
  });

  it('ranks more occurrences above fewer: 电梯 three times in task 37, once in 67', async () => {
    expect(await ids('电梯')).toEqual([37, 67]);
  });

  it('ranks the exact phrase above its words apart', async () => {
    const results = await searchTasks(realPlan, '出口汽车');
    expect(results[0]!.task.id).toBe(57);
    expect(results[0]!.score).toBeGreaterThan(0.5);
    expect(results.slice(1).every((r) => r.score < 0.5)).toBe(true);
  });

  it('takes spaces as AND and rewards the terms standing together', async () => {
    expect(await ids('电梯 保险')).toEqual([37]);
    expect(await ids('电梯 安全')).toEqual([37, 67]);
    expect(await ids('电梯 区块链')).toEqual([]);
  });

  it.each([
    { query: '電梯', expected: [37, 67], why: 'Traditional characters' },
    { query: 'dianti', expected: [37, 67], why: 'pinyin' },
    { query: 'kjds', expected: [3, 66, 59, 58], why: 'pinyin initials' },
    { query: '１２３１５', expected: [48], why: 'full-width digits' },
    { query: 'ＱＣ', expected: [24], why: 'full-width letters' },
    { query: '电商跨境', expected: [3, 66, 59, 58], why: 'word order' },
    { query: '工匠精伸', expected: [15], why: 'a homophone typo' },
    { query: '公共信用信息平合', expected: [44], why: 'a typo in a long word' },
  ])('$query finds $expected ($why)', async ({ query, expected }) => {
    expect(await ids(query)).toEqual(expected);
  });

  it.each(['量子计算', '人工智能', '大数据', '物联网', 'blockchain', '质检局'])('finds nothing for %s, which the plan does not contain', async (query) => {
    expect(await ids(query)).toEqual([]);
  });

  it('gives scores in 0–1, best first, and ranges that point at the matched text', async () => {
    const results = await searchTasks(realPlan, '跨境电商');
    for (const r of results) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
      for (const [start, end] of r.ranges) expect(r.task.text.slice(start, end)).toBe('跨境电商');
    }
    expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a));
  });

  it('points ranges at the original full-width text when the query was folded', async () => {
    const [result] = await searchTasks(smallPlan, 'qc');
    expect(result!.task.text.slice(...result!.ranges[0]!)).toBe('QC');
  });

  it('is narrowed by the tasks filters and cut by --limit', async () => {
    expect((await searchTasks(realPlan, '电梯', { filter: { responsibility: 'shared' } })).map((r) => r.task.id)).toEqual([67]);
    expect(await searchTasks(realPlan, '跨境电商', { limit: 2 })).toHaveLength(2);
  });
});

describe('relevance on tests/search-relevance.ts', () => {
  it('keeps MRR and recall@10 at 0.95 or more, and finds nothing for absent words', async () => {
    const metrics = await evaluate(searchers(realPlan)['plan search']!, RELEVANCE);
    expect(RELEVANCE.length).toBeGreaterThanOrEqual(40);
    expect(metrics.mrr).toBeGreaterThanOrEqual(0.95);
    expect(metrics.recallAt10).toBeGreaterThanOrEqual(0.95);
    expect(metrics.precisionAt10).toBeGreaterThanOrEqual(0.9);
    expect(metrics.absentHits).toBe(0);
  });

  it('beats plain fuse.js and substring matching on the same set', async () => {
    const all = searchers(realPlan);
    const ours = await evaluate(all['plan search']!, RELEVANCE);
    for (const other of ['fuse.js defaults', 'substring']) {
      expect(ours.mrr).toBeGreaterThan((await evaluate(all[other]!, RELEVANCE)).mrr);
    }
  });
});
