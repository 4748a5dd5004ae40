/**
 * The characters (code points) of a text and the UTF-16 offset where each starts; offset(chars.length) is the
 * text's length. For code that walks characters but reports ranges in the text's own offsets.
 *
 * @example splitCharacters('a😀电').offset(2) // 3
 */
export function splitCharacters(text: string): { chars: string[]; offset: (index: number) => number } {
  const chars = Array.from(text);
  // Without surrogate pairs (nearly always) a character's index is its offset: no table to build.
  if (chars.length === text.length) return { chars, offset: (index) => index };
  const offsets: number[] = [];
  let at = 0;
  for (const char of chars) {
    offsets.push(at);
    at += char.length;
  }
  offsets.push(at);
  return { chars, offset: (index) => offsets[index]! };
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
