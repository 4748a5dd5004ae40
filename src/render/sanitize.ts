// Text from a plan file is somebody else's: it must not move the cursor, retitle the window, write the clipboard
// (OSC 52), reorder what is shown (bidirectional overrides) or hide a difference (two names that differ by an
// invisible character look the same).
import { CONTROL, FORMAT, LINE_PARAGRAPH_SEPARATOR, SURROGATE } from '../unicode-classes.js';

/** Characters that look like nothing: Hangul fillers, the Braille blank, variation selectors, noncharacters. */
const LOOKS_LIKE_NOTHING = '\\u115f\\u1160\\u2800\\u3164\\uffa0\\ufe00-\\ufe0f\\ufffe\\uffff\\u{e0100}-\\u{e01ef}';

/**
 * Characters that are never shown raw: controls (C0, DEL, C1: so ESC, CSI, OSC), format characters (bidi
 * controls, zero-width spaces and joiners, the byte order mark, soft hyphens, tags), line and paragraph
 * separators, lone surrogates, and characters that look like nothing (Hangul fillers, variation selectors,
 * the Braille blank, noncharacters).
 */
export const UNSAFE = new RegExp(`[${CONTROL}${FORMAT}${SURROGATE}${LINE_PARAGRAPH_SEPARATOR}${LOOKS_LIKE_NOTHING}]`, 'gu');
const ANY_UNSAFE = new RegExp(UNSAFE.source, 'u');

function picture(char: string): string {
  const code = char.charCodeAt(0);
  if (char.length === 1 && code < 0x20) return String.fromCharCode(0x2400 + code); // ␀…␟, e.g. ESC shows as ␛
  if (code === 0x7f) return '\u2421'; // ␡
  // One replacement character a UTF-16 unit, so that offsets into the text (search matches) still hold.
  return '\ufffd'.repeat(char.length);
}

/**
 * Makes text safe to print to a terminal in one line: controls become visible Unicode control pictures (ESC
 * shows as ␛, a newline as ␊), every other unsafe character (UNSAFE) becomes U+FFFD. The length stays the same.
 *
 * @example neutralise('a\x1b[31mb\u200bc') // 'a␛[31mb�c'
 */
export function neutralise(text: string): string {
  return ANY_UNSAFE.test(text) ? text.replace(UNSAFE, picture) : text;
}

/** UNSAFE without C0 controls, which JSON.stringify and yaml escape themselves. */
const ESCAPED = new RegExp(`[\\x7f-\\x9f${FORMAT}${SURROGATE}${LINE_PARAGRAPH_SEPARATOR}${LOOKS_LIKE_NOTHING}]`, 'gu');

/**
 * `\u` escapes for the unsafe characters of serialised JSON or double-quoted YAML that the serialiser left raw:
 * any reader decodes them to the same text, and a terminal shows them as they are.
 */
export function escapeUnsafe(serialised: string, astral: 'json' | 'yaml'): string {
  return serialised.replace(ESCAPED, (char) => {
    const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
    if (char.length === 2) return astral === 'yaml' ? `\\U${hex(char.codePointAt(0)!, 8)}` : `\\u${hex(char.charCodeAt(0), 4)}\\u${hex(char.charCodeAt(1), 4)}`;
    // A lone surrogate is not text: YAML cannot escape it, JSON.stringify has already.
    if (astral === 'yaml' && char.charCodeAt(0) >= 0xd800 && char.charCodeAt(0) <= 0xdfff) return '\\ufffd';
    return `\\u${hex(char.charCodeAt(0), 4)}`;
  });
}

/** Whether text has an unsafe character (UNSAFE). */
export function hasUnsafe(text: string): boolean {
  return ANY_UNSAFE.test(text);
}

/**
 * Text for a message, cut to `most` characters with … in the middle: a 1 MB name or query quoted whole would make
 * a 1 MB error.
 *
 * @example shorten('a'.repeat(1000), 10) // 'aaaaa…aaaa'
 */
export function shorten(text: string, most: number): string {
  if (text.length <= most) return text;
  const head = Math.ceil((most - 1) / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (most - 1 - head))}`;
}

/** Characters of a message line shown at most. */
const MESSAGE_LINE = 400;

/**
 * A message for stderr: each line neutralised and cut to MESSAGE_LINE characters, so that no error, whatever it
 * quotes, controls the terminal or runs to megabytes.
 */
export function forMessage(text: string): string {
  return text.split('\n').map((line) => neutralise(shorten(line, MESSAGE_LINE))).join('\n');
}
