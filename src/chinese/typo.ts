import { editDistance } from './distance.js';
import { hasHan } from './fold.js';
import type { Readings } from './pinyin.js';
import { alignsWithWords } from './segment.js';

/**
 * How a run of text differs from the word typed: a character of the same sound, another character (the caller
 * decides whether the two look alike), a missing or extra character.
 */
export type TypoKind = 'homophone' | 'substitution' | 'edit';

export interface NearMiss {
  /** The text as the plan writes it. */
  text: string;
  kind: TypoKind;
  /** Occurrences in the text searched. */
  count: number;
  /** For a homophone or substitution: the character typed and the one the text has. */
  typed?: string;
  written?: string;
}

/** Better corrections first: people type Chinese by sound, so a homophone is the likeliest slip. */
const RANK: Record<TypoKind, number> = { homophone: 0, substitution: 1, edit: 2 };

/** The one place two words of the same length differ, or -1 when they differ in none or in several. */
function onlyDifference(a: string[], b: string[]): number {
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at;
}

/**
 * Runs of `text` one typo away from `word`, best first: one wrong character (of the same sound: a homophone, or
 * another, a `substitution` whose characters the caller checks for looking alike) in a word of four characters or
 * more, only a homophone in one of three (老字好 → 老字号: any other change makes another word), and in one of five
 * or more also a missing or extra character inside it (not at its ends).
 * Only Chinese words (no letters or digits), and only where the text holds no exact copy of the word; a run must
 * begin and end where the text's words do (食品安全员 is not 食品安全日 of 食品安全日常监管). One edit
 * leaves one half of the word intact, so only the places around an exact half are tried. Runs never cross a NUL
 * (the separator of documents in `text`).
 *
 * @example findNearMisses('弘扬精益求精的工匠精神', '工匠精伸', readings)[0].text // '工匠精神'
 */
export function findNearMisses(text: string, word: string, readings: Readings): NearMiss[] {
  const chars = Array.from(word);
  if (chars.length < 3 || chars.length !== word.length || !chars.every((c) => hasHan(c)) || text.includes(word)) return [];
  const half = Math.floor(chars.length / 2);
  const left = word.slice(0, half);
  const right = word.slice(half);
  const lengths = chars.length >= 5 ? [word.length, word.length - 1, word.length + 1] : [word.length];
  const starts = new Set<number>();
  for (let at = text.indexOf(left); at >= 0; at = text.indexOf(left, at + 1)) starts.add(at);
  for (let at = text.indexOf(right); at >= 0; at = text.indexOf(right, at + 1)) {
    for (const length of lengths) starts.add(at + right.length - length);
  }
  const found = new Map<string, NearMiss>();
  for (const start of starts) {
    if (start < 0) continue;
    for (const length of lengths) {
      const window = text.slice(start, start + length);
      if (window.length !== length || window.includes('\0')) continue;
      const miss = typoKind(chars, window, readings);
      if (!miss || !alignsWithWords(text, start, start + length)) continue;
      const known = found.get(window);
      if (known) known.count++;
      else found.set(window, { text: window, count: 1, ...miss });
    }
  }
  return [...found.values()].sort((a, b) => RANK[a.kind] - RANK[b.kind] || b.count - a.count || (a.text < b.text ? -1 : 1));
}

function typoKind(chars: string[], window: string, readings: Readings): Pick<NearMiss, 'kind' | 'typed' | 'written'> | undefined {
  const other = Array.from(window);
  if (!other.every((c) => hasHan(c))) return undefined;
  if (other.length === chars.length) {
    const at = onlyDifference(chars, other);
    if (at < 0) return undefined;
    const typed = chars[at]!;
    const written = other[at]!;
    const sounds = new Set(readings(typed));
    if (readings(written).some((r) => sounds.has(r))) return { kind: 'homophone', typed, written };
    return chars.length >= 4 ? { kind: 'substitution', typed, written } : undefined;
  }
  // A character missing or extra inside the word, not at its ends: 工程师 less its 师 is another word, 工程.
  const inside = other[0] === chars[0] && other[other.length - 1] === chars[chars.length - 1];
  return chars.length >= 5 && inside && editDistance(chars.join(''), window, 1) <= 1 ? { kind: 'edit' } : undefined;
}
