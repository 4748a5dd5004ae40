import type { Translate } from '../i18n/index.js';
import { lookup } from '../plan/lookup.js';
import type { Report } from '../render/report.js';
import type { DepartmentMatch, SearchAnswer, SearchResult } from '../query/search.js';
import type { Plan, Range } from '../types.js';
import { taskColumns } from './tasks.js';

/** Characters of context either side of a match in a snippet. */
const CONTEXT = 12;

/** Offsets in characters (code points) rather than UTF-16 units, as jq and most languages index strings. */
function toCharacters(text: string, [start, end]: Range): { start: number; end: number } {
  const before = Array.from(text.slice(0, start)).length;
  return { start: before, end: before + Array.from(text.slice(start, end)).length };
}

/**
 * A short excerpt around the first match, the matches marked 【】 so that it reads without colour.
 *
 * @example snippet('加强特种设备安全监察，开展电梯安全监管专项行动', [[13, 15]]) // '…强特种设备安全监察，开展【电梯】安全监管专项行动'
 */
export function snippet(text: string, ranges: Range[]): string {
  const first = ranges[0];
  if (!first) return '';
  const from = Math.max(0, first[0] - CONTEXT);
  const to = Math.min(text.length, first[1] + CONTEXT * 2);
  let out = from > 0 ? '…' : '';
  let at = from;
  for (const [start, end] of ranges) {
    if (start < at || end > to) continue;
    out += `${text.slice(at, start)}【${text.slice(start, end)}】`;
    at = end;
  }
  return out + text.slice(at, to) + (to < text.length ? '…' : '');
}

/**
 * Why a result matched, in words: the snippet of its text and the departments whose names matched, each marked
 * 【】 (`[市【邮政】管理局]`, or `[人行重庆营管部【人民银行】]` where the name matched is its full name or an alias).
 *
 * @example why('…', [], [{ department: '市邮政管理局', text: '邮政' }]) // '[市【邮政】管理局]'
 */
export function why(text: string, ranges: Range[], departments: DepartmentMatch[]): string {
  const names = departments.map(({ department, text: matched }) =>
    `[${department.includes(matched) ? department.replace(matched, `【${matched}】`) : `${department}【${matched}】`}]`);
  return [snippet(text, ranges), ...names].filter((s) => s !== '').join(' ');
}

/** Where the matched departments' names stand in the departments column (names joined by 、). */
function departmentRanges(result: SearchResult): Range[] {
  const ranges: Range[] = [];
  let at = 0;
  for (const name of result.task.departments) {
    if (result.departments.some((d) => d.department === name)) ranges.push([at, at + name.length]);
    at += name.length + 1;
  }
  return ranges;
}

/**
 * Search results: task records with `score`, the `matches` (character offsets into `text`, end exclusive, or the
 * department whose name matched) and, when the query was read otherwise than typed, its `correction` (the command
 * also says it on stderr, in every format: `电梯安全 ← 電梯安全`). Data formats: the task columns, then score and
 * snippet.
 */
export function searchReport(plan: Plan, t: Translate, answer: SearchAnswer): Report<SearchResult> {
  const { record } = lookup(plan);
  const { results, correction } = answer;
  const [id, ...rest] = taskColumns<SearchResult>(plan, t, (r) => r.task, {
    text: { ranges: (r) => r.ranges },
    departments: { ranges: (r) => departmentRanges(r) },
  });
  const score = (r: SearchResult) => r.score.toFixed(2);
  return {
    records: results,
    columns: [
      id!,
      { header: 'score', label: t('column.score'), value: score, align: 'right', tone: 'dim', only: 'table', optional: true },
      ...rest,
      { header: 'score', value: (r) => String(r.score), only: 'text' },
      { header: 'snippet', value: (r) => why(r.task.text, r.ranges, r.departments), only: 'text' },
    ],
    toJSON: (r) => ({
      ...record(r.task),
      score: r.score,
      matches: [
        ...r.ranges.map((range) => ({ ...toCharacters(r.task.text, range), text: r.task.text.slice(range[0], range[1]) })),
        ...r.departments.map((d) => ({ department: d.department, text: d.text })),
      ],
      ...(correction ? { correction } : {}),
    }),
  };
}
