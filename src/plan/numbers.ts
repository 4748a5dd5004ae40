const DIGITS = '〇一二三四五六七八九';

/**
 * Reads a number written as the plan's headings write it: 3, ３, 三, 十七, 二十一.
 *
 * @example parseChineseNumber('十七') // 17
 */
export function parseChineseNumber(text: string): number | undefined {
  const t = text.normalize('NFKC').trim();
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(t);
  if (!m || t === '') return undefined;
  const digit = (c: string | undefined) => (c ? DIGITS.indexOf(c) : 0);
  if (!m[2]) return m[3] ? undefined : digit(m[1]);
  return (m[1] ? digit(m[1]) : 1) * 10 + digit(m[3]);
}

/**
 * Writes a number the way the plan's headings do: 1 → 一, 17 → 十七, 21 → 二十一.
 *
 * @example chineseNumber(17) // '十七'
 */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 100) return `${n >= 20 ? DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

/** 一、 for a part, （八） for a section: the numbering of the official heading hierarchy. */
export const partLabel = (id: number) => `${chineseNumber(id)}、`;
export const sectionLabel = (id: number) => `（${chineseNumber(id)}）`;
