import { HAN } from '../unicode-classes.js';

/** Text folded for matching, with where each folded UTF-16 unit came from. */
export interface Folded {
  text: string;
  /**
   * origin[i] is the offset in the original text of folded unit i, origin[text.length] its length; undefined
   * when folding kept every offset (the usual case: full-width forms fold to one ASCII character each).
   */
  origin?: number[];
}

/** The original offset of folded offset i. */
export function originOf(folded: Folded, i: number): number {
  return folded.origin ? folded.origin[i]! : i;
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

/** For every UTF-16 unit seen so far, 1 + the unit it folds to, or -1 when it folds to more or less than one. */
const folds = new Int32Array(0x10000);
let utf16: TextDecoder | undefined;

function foldUnit(code: number): number {
  let known = folds[code]!;
  if (known === 0) {
    const folded = code >= 0xd800 && code <= 0xdfff ? String.fromCharCode(code) : foldChar(String.fromCharCode(code));
    known = folded.length === 1 ? folded.charCodeAt(0) + 1 : -1;
    folds[code] = known;
  }
  return known - 1;
}

/**
 * Characters that fold to one UTF-16 unit each, whatever stands beside them (no combining marks, which NFKC would
 * reorder or compose): ASCII, general and CJK punctuation, CJK ideographs, full-width forms. The text of a plan.
 */
export const FOLDS_ALONE = /^[\x20-\x7e\u2010-\u2016\u2018-\u2024\u3000-\u3029\u3030-\u303f\u4e00-\u9fff\uff01-\uff5e]*$/;

/**
 * Folds width and case (NFKC: １２３１５ → 12315, ＱＣ → qc, （ → (), keeping track of where each folded
 * character came from so that matches can be shown in the original text. Linear: a table lookup a character.
 *
 * @example foldText('ＱＣ小组').text // 'qc小组'
 */
export function foldText(text: string): Folded {
  // Natively, without a loop: a short run ends before V8 has optimised one, then waits at exit for it to compile.
  if (FOLDS_ALONE.test(text)) return { text: text.normalize('NFKC').toLowerCase() };
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = foldUnit(text.charCodeAt(i));
    if (code < 0) return foldSlowly(text);
    codes[i] = code;
  }
  utf16 ??= new TextDecoder('utf-16le');
  return { text: utf16.decode(codes) };
}

let alone: RegExp | undefined;

/**
 * Folds many texts at once: joined by NUL, as one search corpus. Where every text is of FOLDS_ALONE characters (a
 * plan's text, nearly always), natively in one go; `parts` only where folding changed a length, else each text's
 * fold is its slice of the joined one. `known` is their joined fold kept from before (foldedCorpus), used when its
 * length fits: folding 10,000 tasks takes ~25 ms.
 *
 * @example foldJoined(['ＱＣ小组', '电梯']).joined // 'qc小组\0电梯\0'
 */
export function foldJoined(texts: string[], known?: string): { joined: string; parts?: Folded[] } {
  if (known !== undefined && known.length === texts.reduce((n, t) => n + t.length + 1, 0)) return { joined: known };
  const raw = `${texts.join('\0')}\0`;
  alone ??= new RegExp(FOLDS_ALONE.source.replace('^[', '^[\\0'));
  if (alone.test(raw)) return { joined: raw.normalize('NFKC').toLowerCase() };
  const parts = texts.map(foldText);
  const joined = parts.map((p) => `${p.text}\0`).join('');
  return parts.every((p) => p.origin === undefined) ? { joined } : { joined, parts };
}

/**
 * The joined fold of these texts (foldJoined), to keep beside them and give it again as `known`; undefined where
 * folding changes a length, since then the slices would not line up.
 *
 * @example foldedCorpus(['ＱＣ小组']) // 'qc小组\0'
 */
export function foldedCorpus(texts: string[]): string | undefined {
  const { joined, parts } = foldJoined(texts);
  return parts === undefined ? joined : undefined;
}

/** Character by character, for text where folding changes lengths (… → ..., ㈠ → (一)). */
function foldSlowly(text: string): Folded {
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

/** Unicode Script=Han: ideographs, radicals, 々 〇 〡… (written as ranges: \p{Script=Han} takes ~1 ms to build). */
const HAN_CHARACTER = new RegExp(`[${HAN}]`, 'u');

/** True if the text has a Han character (Unicode Script=Han). */
export function hasHan(text: string): boolean {
  return HAN_CHARACTER.test(text);
}

/** True for a query written in Latin letters only (pinyin, or an abbreviation such as QC). */
export function isLatin(text: string): boolean {
  return /^[a-z]+$/i.test(text);
}

/**
 * Pinyin typed with its tone marks as plain letters: zhìjiānjú → zhijianju, lǚ → lv (as pinyin is typed on a
 * keyboard). Other characters are left as they are.
 *
 * @example withoutToneMarks('shípǐn ānquán') // 'shipin anquan'
 */
export function withoutToneMarks(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  return text.normalize('NFD').replace(/[\u0300-\u0304\u030c]/g, '').normalize('NFC').replace(/ü/g, 'v').replace(/Ü/g, 'V');
}
