/**
 * The characters (code points) of a text and the UTF-16 offset where each starts; offsets[chars.length] is the
 * text's length. For code that walks characters but reports ranges in the text's own offsets.
 *
 * @example splitCharacters('a电') // { chars: ['a', '电'], offsets: [0, 1, 2] }
 */
export function splitCharacters(text: string): { chars: string[]; offsets: number[] } {
  const chars = Array.from(text);
  const offsets: number[] = [];
  let at = 0;
  for (const char of chars) {
    offsets.push(at);
    at += char.length;
  }
  offsets.push(at);
  return { chars, offsets };
}

/**
 * The largest of some numbers, `empty` for none. Unlike Math.max(...values), safe for any number of values
 * (spreading a few hundred thousand arguments overflows the call stack).
 *
 * @example maxOf([3, 9, 4]) // 9
 */
export function maxOf(values: Iterable<number>, empty = 0): number {
  let max = -Infinity;
  for (const value of values) if (value > max) max = value;
  return max === -Infinity ? empty : max;
}
