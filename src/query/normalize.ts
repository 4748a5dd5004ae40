/** Text folded for matching, with the original offset of every folded UTF-16 unit. */
export interface Folded {
  text: string;
  /** origin[i] is the offset in the original text of folded unit i; origin[text.length] is its length. */
  origin: number[];
}

const cache = new Map<string, string>();

function foldChar(char: string): string {
  let folded = cache.get(char);
  if (folded === undefined) {
    folded = char.normalize('NFKC').toLowerCase();
    cache.set(char, folded);
  }
  return folded;
}

/**
 * Folds width and case character by character (NFKC: １２３１５ → 12315, ＱＣ → qc, （ → (), keeping
 * track of where each folded character came from so that matches can be shown in the original text.
 *
 * @example foldText('ＱＣ小组').text // 'qc小组'
 */
export function foldText(text: string): Folded {
  let out = '';
  const origin: number[] = [];
  let at = 0;
  for (const char of text) {
    const folded = foldChar(char);
    for (let i = 0; i < folded.length; i++) origin.push(at);
    out += folded;
    at += char.length;
  }
  origin.push(at);
  return { text: out, origin };
}

export function fold(text: string): string {
  return foldText(text).text;
}

const HAN = /\p{Script=Han}/u;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

let converter: ((text: string) => string) | undefined;

/**
 * Traditional → Simplified Chinese (電梯 → 电梯). opencc-js and its dictionaries are loaded on first use only.
 *
 * @example await toSimplified('質監局') // '质监局'
 */
export async function toSimplified(text: string): Promise<string> {
  if (!hasHan(text)) return text;
  const convert = converter ?? (converter = (await import('opencc-js/t2cn')).Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

/** True for a query written in Latin letters only (pinyin, or an abbreviation such as QC). */
export function isLatin(text: string): boolean {
  return /^[a-z]+$/i.test(text);
}
