import type { CharacterTables, Range } from '../types.js';
import { splitCharacters } from './characters.js';
import { hasHan } from './fold.js';
import { readingsOf } from './tables.js';

/** Pinyin readings of one character, without tones, ü written v; none for a character that is not Han. */
export type Readings = (char: string) => string[];

/**
 * Every reading of a character, polyphones included (行 → xing, hang), so that 人行 matches renhang: for the
 * plan's characters and those of `extra` (a query). When the plan's precompiled tables cover them, pinyin-pro
 * (large: tens of milliseconds to load) is not loaded at all. The tables must be those of the plan searched.
 */
export async function loadReadings(tables: CharacterTables | undefined, extra = ''): Promise<Readings> {
  const known = tables?.readings;
  if (known && Array.from(extra).every((c) => Object.hasOwn(known, c) || !hasHan(c))) {
    return (char) => (Object.hasOwn(known, char) ? known[char]! : []);
  }
  const { pinyin } = await import('pinyin-pro');
  const cache = new Map<string, string[]>();
  return (char) => {
    if (known && Object.hasOwn(known, char)) return known[char]!;
    let readings = cache.get(char);
    if (readings === undefined) {
      readings = readingsOf(pinyin, char);
      cache.set(char, readings);
    }
    return readings;
  };
}

/** For every character seen, a bit for each letter one of its readings starts with: a quick "could it start q?". */
const initialsMasks = new Map<string, number>();

function initialsMask(char: string, readings: Readings): number {
  let mask = initialsMasks.get(char);
  if (mask === undefined) {
    mask = 0;
    for (const r of readings(char)) mask |= 1 << (r.charCodeAt(0) - 97);
    initialsMasks.set(char, mask);
  }
  return mask;
}

/** Initials of four letters or more are specific enough to search by (kjds → 跨境电商); fewer find junk. */
export const MIN_INITIALS = 4;

const isLetter = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';

/**
 * Where a query in pinyin spells a run of characters of the text: whole syllables (dianti → 电梯), syllables mixed
 * with characters (电ti安全 → 电梯安全) or with letters the text writes as letters (qcxiaozu → QC小组), or, for
 * four letters or more and letters only, initials (kjds → 跨境电商). Offsets are UTF-16, end exclusive.
 *
 * @example findPinyin('电梯安全', 'dianti', readings) // [[0, 2]]
 */
export function findPinyin(text: string, query: string, readings: Readings, minInitials = MIN_INITIALS): Range[] {
  const q = query.toLowerCase();
  const { chars, offset } = splitCharacters(text);
  const lettersOnly = /^[a-z]+$/.test(q);
  const initials = lettersOnly && q.length >= minInitials;

  // Returns the index of the character after a match of q[from..] starting at chars[i], or -1.
  const spell = (i: number, from: number): number => {
    if (from === q.length) return i;
    if (i >= chars.length) return -1;
    const c = chars[i]!;
    // A character or digit of the query stands for itself.
    if (!isLetter(q[from])) return q.startsWith(c, from) ? spell(i + 1, from + c.length) : -1;
    if (c === q[from]) {
      const end = spell(i + 1, from + 1);
      if (end >= 0) return end;
    }
    for (const reading of readings(c)) {
      if (q.startsWith(reading, from)) {
        const end = spell(i + 1, from + reading.length);
        if (end >= 0) return end;
      }
    }
    return -1;
  };
  const abbreviate = (i: number): number => {
    let k = 0;
    while (k < q.length) {
      const c = chars[i + k];
      if (c === undefined || !readings(c).some((r) => r[0] === q[k])) return -1;
      k++;
    }
    return i + k;
  };

  const ranges: Range[] = [];
  const head = q[0]!;
  const first = isLetter(head) ? 1 << (head.charCodeAt(0) - 97) : 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    // A match starts with the query's first character, or one of whose readings starts with its first letter.
    if (c !== head && (first === 0 || (initialsMask(c, readings) & first) === 0)) continue;
    let end = spell(i, 0);
    if (end < 0 && initials) end = abbreviate(i);
    if (end > i) {
      ranges.push([offset(i), offset(end)]);
      i = end - 1;
    }
  }
  return ranges;
}
