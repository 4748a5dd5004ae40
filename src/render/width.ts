import { eastAsianWidth } from 'get-east-asian-width';

const ANSI = /\x1b\[[0-9;]*m/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Columns one code point takes in a terminal: 2 for wide (Chinese) forms, 0 for combining marks. */
export function charWidth(codePoint: number): number {
  if (codePoint >= 0x20 && codePoint < 0x7f) return 1;
  if (codePoint >= 0x4e00 && codePoint <= 0x9fff) return 2; // CJK Unified Ideographs: most of any plan
  // Punctuation and bars, answered here: the lookup below is slow to warm up in a short run.
  if ((codePoint >= 0x3000 && codePoint <= 0x303e) || (codePoint >= 0xff01 && codePoint <= 0xff60)) return 2; // ，。、（）《》
  if ((codePoint >= 0x2010 && codePoint <= 0x2027) || (codePoint >= 0x2500 && codePoint <= 0x259f)) return 1; // “”—… │█
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  if ((codePoint >= 0x300 && codePoint <= 0x36f) || codePoint === 0x200b || (codePoint >= 0xfe00 && codePoint <= 0xfe0f)) return 0;
  return eastAsianWidth(codePoint, { ambiguousAsWide: false });
}

/** One column each: printable ASCII, general punctuation (“”—…), box and bar characters (│█▏). */
const NARROW = '\\x20-\\x7e\\u2010-\\u2027\\u2500-\\u259f';
/** Two columns each, all from U+3000 on: Chinese punctuation, CJK ideographs, full-width forms. */
const WIDE = '\\u3000-\\u303e\\u4e00-\\u9fff\\uff01-\\uff60';

/**
 * Text made only of NARROW and WIDE characters: nearly every value of a plan. It is measured and wrapped a run
 * at a time, not a character at a time: a short run of a CLI ends before V8 has optimised a loop over thousands
 * of characters, and then waits at exit for it to finish compiling.
 */
export const PLAIN = new RegExp(`^[${NARROW}${WIDE}]*$`);
/** A run of PLAIN text's narrow characters or of its wide ones; the wide ones start at U+3000. */
export const PLAIN_RUN = new RegExp(`[${NARROW}]+|[${WIDE}]+`, 'y');
const NARROW_RUNS = new RegExp(`[${NARROW}]+`, 'g');

/**
 * Columns a string takes in a terminal, Chinese counted as two and colour codes as none.
 *
 * @example displayWidth('市质监局 QC') // 11
 */
export function displayWidth(text: string): number {
  const plain = text.includes('\x1b') ? stripAnsi(text) : text;
  // Every character is one column, and the wide ones one more.
  if (PLAIN.test(plain)) return plain.length + plain.replace(NARROW_RUNS, '').length;
  let width = 0;
  for (let i = 0; i < plain.length; i++) {
    const code = plain.codePointAt(i)!;
    if (code > 0xffff) i++;
    width += charWidth(code);
  }
  return width;
}
