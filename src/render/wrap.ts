import { splitCharacters } from '../text.js';
import { charWidth } from './width.js';

/** A span of a text to emphasise, in UTF-16 offsets, end exclusive. */
export type Range = [start: number, end: number];

// Chinese line-breaking rules (禁则): these never start a line, those never end one.
const NO_START = new Set('，。、；：！？）》」』】〉”’…—·,.;:!?)]}%');
const NO_END = new Set('（《「『【〈“‘([{');
const WORD = /[A-Za-z0-9–.%]/; // 96333, QC, 22–24, 3.5%

/**
 * Breaks text into lines of at most `width` columns, Chinese counted as two, keeping closing punctuation
 * off the start of a line and opening brackets off the end. Returns the offsets where each line starts and ends.
 */
export function breakLines(text: string, width: number): Range[] {
  const { chars, offsets } = splitCharacters(text);
  const lines: Range[] = [];
  let start = 0;
  while (start < chars.length) {
    let used = 0;
    let end = start;
    while (end < chars.length) {
      const w = charWidth(chars[end]!.codePointAt(0)!);
      if (used + w > width && end > start) break;
      used += w;
      end++;
    }
    if (end < chars.length) {
      // Move the break back while it would split a run of Latin letters or digits (96333, QC) or put
      // punctuation where it may not stand; a line that cannot be broken well is broken where it fills.
      const splitsWord = (at: number) => WORD.test(chars[at]!) && WORD.test(chars[at - 1]!);
      const badPunctuation = (at: number) => NO_START.has(chars[at]!) || NO_END.has(chars[at - 1]!);
      let cut = end;
      while (cut > start + 1 && (splitsWord(cut) || badPunctuation(cut))) cut--;
      if (cut > start + 1) end = cut;
    }
    lines.push([offsets[start]!, offsets[end]!]);
    start = end;
  }
  if (lines.length === 0) lines.push([0, 0]);
  return lines;
}

/**
 * Wraps text to `width` columns, applying `mark` to the parts inside `ranges` (after wrapping, so that
 * colour codes never count towards the width).
 *
 * @example wrapText('开展电梯安全监管专项行动', 10) // ['开展电梯安', '全监管专项', '行动']
 */
export function wrapText(text: string, width: number, ranges: Range[] = [], mark: (s: string) => string = (s) => s): string[] {
  return breakLines(text, width).map(([start, end]) => {
    let line = '';
    let at = start;
    for (const [from, to] of ranges) {
      const a = Math.max(from, start);
      const b = Math.min(to, end);
      if (a >= b || a < at) continue;
      line += text.slice(at, a) + mark(text.slice(a, b));
      at = b;
    }
    return line + text.slice(at, end);
  });
}
