import { eastAsianWidth } from 'get-east-asian-width';

const ANSI = /\x1b\[[0-9;]*m/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Columns one code point takes in a terminal: 2 for wide (Chinese) forms, 0 for combining marks. */
export function charWidth(codePoint: number): number {
  if (codePoint >= 0x20 && codePoint < 0x7f) return 1;
  if (codePoint >= 0x4e00 && codePoint <= 0x9fff) return 2; // CJK Unified Ideographs: most of any plan
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  if ((codePoint >= 0x300 && codePoint <= 0x36f) || codePoint === 0x200b || (codePoint >= 0xfe00 && codePoint <= 0xfe0f)) return 0;
  return eastAsianWidth(codePoint, { ambiguousAsWide: false });
}

/**
 * Columns a string takes in a terminal, Chinese counted as two and colour codes as none.
 *
 * @example displayWidth('市质监局 QC') // 11
 */
export function displayWidth(text: string): number {
  const plain = text.includes('\x1b') ? stripAnsi(text) : text;
  let width = 0;
  for (let i = 0; i < plain.length; i++) {
    const code = plain.codePointAt(i)!;
    if (code > 0xffff) i++;
    width += charWidth(code);
  }
  return width;
}
