import type { Range } from '../types.js';
import { charWidth, displayWidth, PLAIN, PLAIN_RUN } from './width.js';

// Chinese line-breaking rules (禁则): these never start a line, those never end one.
const NO_START = new Set('，。、；：！？）》」』】〉”’…—·,.;:!?)]}%');
const NO_END = new Set('（《「『【〈“‘([{');
const WORD = /[A-Za-z0-9–.%_$-]/; // 96333, QC, 22–24, 3.5%, $PLAN_FILE, --format

/** Where a line from `start` ends when filled up to `width` columns: at least one character on. */
export function fill(text: string, start: number, width: number): number {
  let used = 0;
  let end = start;
  while (end < text.length) {
    const code = text.codePointAt(end)!;
    const w = charWidth(code);
    if (used + w > width && end > start) break;
    used += w;
    end += code > 0xffff ? 2 : 1;
  }
  return end;
}

/** fill for PLAIN text: a run of narrow or of wide characters at a time (see PLAIN). */
export function fillPlain(text: string, start: number, width: number): number {
  let room = width;
  let at = start;
  while (at < text.length) {
    const columns = text.charCodeAt(at) >= 0x3000 ? 2 : 1;
    PLAIN_RUN.lastIndex = at;
    PLAIN_RUN.test(text);
    const fits = Math.floor(room / columns);
    if (fits < PLAIN_RUN.lastIndex - at) return at + fits > start ? at + fits : start + 1;
    room -= (PLAIN_RUN.lastIndex - at) * columns;
    at = PLAIN_RUN.lastIndex;
  }
  return at;
}

/**
 * Breaks text into lines of at most `width` columns, Chinese counted as two, keeping closing punctuation
 * off the start of a line and opening brackets off the end; a list of names joined by `separator` breaks after
 * a separator where one is on the line; spaces at a break are dropped. Returns the offsets where each line starts
 * and ends.
 *
 * @example breakLines('市科委、市中小企业局', 12, '、') // [[0, 4], [4, 10]]
 */
export function breakLines(text: string, width: number, separator?: string): Range[] {
  if (displayWidth(text) <= width) return [[0, text.length]];
  const lines: Range[] = [];
  const plain = PLAIN.test(text);
  let start = 0;
  while (start < text.length) {
    let end = plain ? fillPlain(text, start, width) : fill(text, start, width);
    const after = separator && end < text.length ? text.lastIndexOf(separator, end - separator.length) : -1;
    if (after >= start) {
      end = after + separator!.length;
    } else if (end < text.length) {
      // Move the break back while it would split a run of Latin letters or digits (96333, QC) or put
      // punctuation where it may not stand; a line that cannot be broken well is broken where it fills.
      let cut = end;
      while (cut > start + 1 && (splitsWord(text, cut) || NO_START.has(text[cut]!) || NO_END.has(text[cut - 1]!))) cut--;
      // Never inside a surrogate pair.
      if (cut > start + 1 && !isLowSurrogate(text.charCodeAt(cut))) end = cut;
    }
    lines.push([start, end]);
    start = end;
    // The spaces where a line breaks are the break: the next line does not start with them.
    while (start < text.length && text[start] === ' ' && lines.length > 0) start++;
  }
  return lines;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const splitsWord = (text: string, at: number) => WORD.test(text[at]!) && WORD.test(text[at - 1]!);

/** A line of a wrapped text: what to print (colour codes included) and the columns it takes. */
export interface Line {
  text: string;
  width: number;
}

export interface WrapOptions {
  /** Parts of the text to pass through `mark` (search matches). */
  ranges?: Range[];
  mark?: (s: string) => string;
  /** The text's display width, when the caller has measured it already. */
  measured?: number;
  /** What joins the names of a list: lines break after it (see breakLines). */
  separator?: string;
}

/**
 * Wraps text to `width` columns, applying `mark` to the parts inside `ranges` (after wrapping, so that
 * colour codes never count towards the width).
 *
 * @example wrapLines('开展电梯安全', 8) // [{ text: '开展电梯', width: 8 }, { text: '安全', width: 4 }]
 */
export function wrapLines(text: string, width: number, { ranges = [], mark = (s) => s, measured, separator }: WrapOptions = {}): Line[] {
  const whole = measured ?? displayWidth(text);
  const breaks: Range[] = whole <= width ? [[0, text.length]] : breakLines(text, width, separator);
  return breaks.map(([start, end]) => {
    let line = '';
    let at = start;
    for (const [from, to] of ranges) {
      const a = Math.max(from, start);
      const b = Math.min(to, end);
      if (a >= b || a < at) continue;
      line += text.slice(at, a) + mark(text.slice(a, b));
      at = b;
    }
    return { text: line + text.slice(at, end), width: breaks.length === 1 ? whole : displayWidth(text.slice(start, end)) };
  });
}

/**
 * wrapLines, the text of each line only.
 *
 * @example wrapText('开展电梯安全监管专项行动', 10) // ['开展电梯安', '全监管专项', '行动']
 */
export function wrapText(text: string, width: number, ranges: Range[] = [], mark: (s: string) => string = (s) => s): string[] {
  return wrapLines(text, width, { ranges, mark }).map((line) => line.text);
}

/** Where prose (headings, a tree's lines) had best break: after a gap, a comma or an enumeration comma. */
const PROSE_BREAKS = ['  ', '，', ', ', '、', '；'];

/**
 * Wraps a line of prose to `width` columns as wrapText does, but each line ends after the last gap or comma on it
 * when that leaves the line at least half full, so that `市农委 (7)` or `6 项任务：1–6` stay whole; the spaces at
 * a break are dropped.
 *
 * @example wrapProse('most often with: 市科委 (8), 市农委 (7)', 30) // ['most often with: 市科委 (8),', '市农委 (7)']
 */
export function wrapProse(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest !== '' && displayWidth(rest) > width) {
    let end = breakLines(rest, width)[0]![1];
    let best = -1;
    for (const gap of PROSE_BREAKS) {
      const at = rest.lastIndexOf(gap, end - gap.length);
      if (at > 0 && at + gap.length > best && displayWidth(rest.slice(0, at + gap.length)) * 2 >= width) best = at + gap.length;
    }
    if (best > 0) end = best;
    lines.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end).trimStart();
  }
  if (rest !== '' || lines.length === 0) lines.push(rest);
  return lines;
}
