// The character tables of one plan (CharacterTables), precompiled with the bundled plan so that its queries need
// neither pinyin-pro (470 KB) nor opencc-js (200 KB) at run time. Other plans load the libraries when a query
// needs them.
import type { CharacterTables, Plan } from '../types.js';
import { hasHan } from './fold.js';

/** Every string of a plan that a query may be matched against: task texts and department names. */
export function planStrings(plan: Plan): string[] {
  return [
    ...plan.tasks.map((t) => t.text),
    ...plan.departments.flatMap((d) => [d.name, ...(d.fullName ? [d.fullName] : []), ...d.aliases]),
  ];
}

/** The pinyin-pro options for every reading of one character, as search and department names need them. */
export const READING_OPTIONS = { toneType: 'none', multiple: true, type: 'array', v: true } as const;

/** The readings of one character by pinyin-pro, lower case and without repeats. */
export function readingsOf(pinyin: (text: string, options: typeof READING_OPTIONS) => string[], char: string): string[] {
  return hasHan(char) ? [...new Set(pinyin(char, READING_OPTIONS))].map((r) => r.toLowerCase()) : [];
}

/** The block the reading table covers: the CJK Unified Ideographs, where nearly every character of a plan is. */
export const TABLE_FIRST = 0x4e00;
export const TABLE_LAST = 0x9fff;

/**
 * pinyin-pro's readings of every character of the block, made at build time (dist/vendor/pinyin-readings.txt):
 * a line a character in code point order, its readings joined by commas. Reading 97 KB takes well under a
 * millisecond; loading pinyin-pro (470 KB) takes tens.
 */
export function buildReadingTable(pinyin: (text: string, options: typeof READING_OPTIONS) => string[]): string {
  const lines: string[] = [];
  for (let code = TABLE_FIRST; code <= TABLE_LAST; code++) {
    const readings = readingsOf(pinyin, String.fromCharCode(code));
    if (readings.some((r) => /[,\n]/.test(r))) throw new Error(`a reading of U+${code.toString(16)} has a comma or a line break`);
    lines.push(readings.join(','));
  }
  return lines.join('\n');
}

/**
 * Builds the character tables of a plan (at build time, for the bundled plan): the readings of its characters, and which
 * characters of the CJK Unified Ideographs block convert to one of them.
 */
export function buildCharacterTables(
  plan: Plan,
  pinyin: (text: string, options: typeof READING_OPTIONS) => string[],
  toSimplified: (text: string) => string,
): CharacterTables {
  const chars = new Set<string>();
  for (const text of planStrings(plan)) for (const c of text) if (hasHan(c)) chars.add(c);
  const readings: Record<string, string[]> = {};
  for (const c of [...chars].sort()) readings[c] = readingsOf(pinyin, c);
  const simplified: Record<string, string> = {};
  for (let code = 0x4e00; code <= 0x9fff; code++) {
    const c = String.fromCharCode(code);
    const s = toSimplified(c);
    if (s !== c && chars.has(s)) simplified[c] = s;
  }
  return { readings, simplified };
}
