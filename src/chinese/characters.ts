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
