import type { CharacterTables, Range } from '../types.js';
import { hasHan } from './fold.js';
import { alignsWithWords } from './segment.js';
import { readingsOf, TABLE_FIRST, TABLE_LAST } from './tables.js';

/** Pinyin readings of one character, without tones, ü written v; none for a character that is not Han. */
export type Readings = (char: string) => string[];

/**
 * Every reading of a character, polyphones included (行 → xing, hang), so that 人行 matches renhang: for the
 * plan's characters and those of `extra` (a query; for a plan without precompiled tables, also the plan's own
 * characters outside the CJK Unified Ideographs, rareHan). From the plan's tables when they cover them, else
 * from the reading table made at build time for the whole block (pinyin-pro's readings, in dist/vendor/), and
 * only for characters outside both from pinyin-pro itself (large: tens of milliseconds to load). The tables must
 * be those of the plan searched.
 */
export async function loadReadings(tables: CharacterTables | undefined, extra = ''): Promise<Readings> {
  const known = tables?.readings;
  const unknown = Array.from(extra).filter((c) => hasHan(c) && !(known !== undefined && Object.hasOwn(known, c)));
  // The reading table only when the plan's own tables do not answer every character asked about.
  const table = known !== undefined && unknown.length === 0 ? undefined : readingTable();
  const inTable = (c: string) => table !== undefined && c.length === 1 && c.charCodeAt(0) >= TABLE_FIRST && c.charCodeAt(0) <= TABLE_LAST;
  // Without tables of either kind, every character needs pinyin-pro.
  const covered = (known !== undefined || table !== undefined) && unknown.every(inTable);
  const pinyin = covered ? undefined : (await import('pinyin-pro')).pinyin;
  const cache = new Map<string, string[]>();
  return (char) => {
    if (known && Object.hasOwn(known, char)) return known[char]!;
    if (inTable(char)) {
      const line = table![char.charCodeAt(0) - TABLE_FIRST]!;
      return line ? line.split(',') : [];
    }
    if (!pinyin) return [];
    let readings = cache.get(char);
    if (readings === undefined) {
      readings = readingsOf(pinyin, char);
      cache.set(char, readings);
    }
    return readings;
  };
}

/** The Han characters of a text outside the reading table's block (extension A, compatibility ideographs, 〇…). */
export function rareHan(text: string): string {
  const rest = text.replace(/[\u4e00-\u9fff]+/g, '');
  return hasHan(rest) ? [...new Set(Array.from(rest).filter(hasHan))].join('') : '';
}

let table: string[] | null | undefined;

/** The reading table beside the bundle (dist/vendor/pinyin-readings.txt), or undefined (not built, damaged). */
function readingTable(): string[] | undefined {
  if (table === undefined) {
    table = null;
    try {
      const fs = process.getBuiltinModule('node:fs') as typeof import('node:fs');
      const path = process.getBuiltinModule('node:path') as typeof import('node:path');
      const lines = fs.readFileSync(path.join(import.meta.dirname, 'vendor', 'pinyin-readings.txt'), 'utf8').split('\n');
      if (lines.length === TABLE_LAST - TABLE_FIRST + 1) table = lines;
    } catch {
      // not built (tests run the sources): pinyin-pro answers
    }
  }
  return table ?? undefined;
}

/** For every UTF-16 unit seen, 1 << 30 | a bit for each letter one of its readings starts with: "could it start q?". */
const unitMasks = new Int32Array(0x10000);
const pairMasks = new Map<string, number>();
const KNOWN = 1 << 30;

function initialsMask(char: string, readings: Readings): number {
  const single = char.length === 1;
  let mask = single ? unitMasks[char.charCodeAt(0)]! : (pairMasks.get(char) ?? 0);
  if (mask === 0) {
    mask = KNOWN;
    for (const r of readings(char)) mask |= 1 << (r.charCodeAt(0) - 97);
    if (single) unitMasks[char.charCodeAt(0)] = mask;
    else pairMasks.set(char, mask);
  }
  return mask;
}

/** Initials of four letters or more are specific enough to search by (kjds → 跨境电商); fewer find junk. */
export const MIN_INITIALS = 4;

const isLetter = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';

/**
 * Where a query in pinyin spells a run of characters of the text: whole syllables (dianti → 电梯), syllables mixed
 * with characters (电ti安全 → 电梯安全) or with letters the text writes as letters (qcxiaozu → QC小组), or, for
 * four letters or more and letters only, initials of whole words (kjds → 跨境电商). Offsets are UTF-16, end
 * exclusive.
 *
 * @example findPinyin('电梯安全', 'dianti', readings) // [[0, 2]]
 */
export function findPinyin(text: string, query: string, readings: Readings, minInitials = MIN_INITIALS): Range[] {
  const q = query.toLowerCase();
  const lettersOnly = /^[a-z]+$/.test(q);
  const initials = lettersOnly && q.length >= minInitials;
  // Offsets are UTF-16 units; a surrogate pair is one character.
  const charAt = (i: number): string => {
    const code = text.charCodeAt(i);
    return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? text.slice(i, i + 2) : text[i]!;
  };

  // Returns the offset after a match of q[from..] starting at text[i], or -1.
  const spell = (i: number, from: number): number => {
    if (from === q.length) return i;
    if (i >= text.length) return -1;
    const c = charAt(i);
    const next = i + c.length;
    // A character or digit of the query stands for itself.
    if (!isLetter(q[from])) return q.startsWith(c, from) ? spell(next, from + c.length) : -1;
    if (c === q[from]) {
      const end = spell(next, from + 1);
      if (end >= 0) return end;
    }
    for (const reading of readings(c)) {
      if (q.startsWith(reading, from)) {
        const end = spell(next, from + reading.length);
        if (end >= 0) return end;
      }
    }
    return -1;
  };
  const abbreviate = (i: number): number => {
    let at = i;
    for (let k = 0; k < q.length; k++) {
      if (at >= text.length) return -1;
      const c = charAt(at);
      if (!readings(c).some((r) => r[0] === q[k])) return -1;
      at += c.length;
    }
    return at;
  };

  const ranges: Range[] = [];
  const head = q[0]!;
  const first = isLetter(head) ? 1 << (head.charCodeAt(0) - 97) : 0;
  for (let i = 0; i < text.length; i++) {
    // A match starts with the query's first character, or one of whose readings starts with its first letter.
    const code = text.charCodeAt(i);
    const known = unitMasks[code]!;
    if (known !== 0 && (known & first) === 0 && text[i] !== head) continue;
    const c = charAt(i);
    if (c !== head && (first === 0 || (initialsMask(c, readings) & first) === 0)) {
      if (c.length === 2) i++;
      continue;
    }
    let end = spell(i, 0);
    // Initials stand for whole words (kjds: 跨境电商), not for the end of one and the start of the next.
    if (end < 0 && initials) {
      end = abbreviate(i);
      if (end > i && !alignsWithWords(text, i, end)) end = -1;
    }
    if (end > i) {
      ranges.push([i, end]);
      i = end - 1;
    } else if (c.length === 2) i++;
  }
  return ranges;
}
