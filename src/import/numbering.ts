import { parseChineseNumber } from '../plan/numbers.js';

/** A paragraph's place in the official heading hierarchy (GB/T 9704): 一、 → （一） → 1． → （1） → ①. */
export interface Numbering {
  level: 1 | 2 | 3 | 4 | 5;
  /** As printed, without its separator: 一, （一）, 1, （1）, ①. */
  number: string;
  /** The numeral's value, for telling a new run from a continued one. */
  value: number;
  /** The paragraph after the number. */
  rest: string;
}

const HAN = '一二三四五六七八九十百零〇两';
const LEVEL1 = new RegExp(`^([${HAN}]{1,4})[、，]\\s*`);
const LEVEL2 = new RegExp(`^[（(]([${HAN}]{1,4})[)）]\\s*`);
// 1．2.3、 but not 2019年 or 2.5%: a dot or 、 not followed by a digit.
const LEVEL3 = /^([0-9０-９]{1,4})\s*[．.、](?![0-9０-９])\s*/;
const LEVEL4 = /^[（(]([0-9０-９]{1,3})[)）]\s*/;
const LEVEL5 = /^([①-⑳])\s*/;

/**
 * The numbering a paragraph starts with, if any.
 *
 * @example numberingOf('（十七）加强质量和品牌教育。') // { level: 2, number: '（十七）', value: 17, rest: '加强质量和品牌教育。' }
 */
export function numberingOf(text: string): Numbering | undefined {
  let m = LEVEL2.exec(text);
  if (m) return han(2, `（${m[1]}）`, m[1]!, text.slice(m[0].length));
  m = LEVEL1.exec(text);
  if (m) return han(1, m[1]!, m[1]!, text.slice(m[0].length));
  m = LEVEL3.exec(text);
  if (m) return { level: 3, number: m[1]!.normalize('NFKC'), value: Number(m[1]!.normalize('NFKC')), rest: text.slice(m[0].length) };
  m = LEVEL4.exec(text);
  if (m) return { level: 4, number: `（${m[1]!.normalize('NFKC')}）`, value: Number(m[1]!.normalize('NFKC')), rest: text.slice(m[0].length) };
  m = LEVEL5.exec(text);
  if (m) return { level: 5, number: m[1]!, value: m[1]!.charCodeAt(0) - 0x245f, rest: text.slice(m[0].length) };
  return undefined;
}

function han(level: 1 | 2, number: string, numeral: string, rest: string): Numbering | undefined {
  const value = parseHan(numeral);
  // 十分重要、… or 一是… are words, not numbers: the numeral must read as one and the rest must be text.
  if (value === undefined || rest.trim() === '') return undefined;
  return { level, number, value, rest };
}

function parseHan(numeral: string): number | undefined {
  const simple = parseChineseNumber(numeral.replace('两', '二'));
  if (simple !== undefined) return simple;
  const m = /^([一二三四五六七八九])百(?:零?([一二三四五六七八九十]+))?$/.exec(numeral);
  if (!m) return undefined;
  const tail = m[2] ? parseChineseNumber(m[2]) : 0;
  return tail === undefined ? undefined : parseChineseNumber(m[1]!)! * 100 + tail;
}
