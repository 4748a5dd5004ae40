import type { CharacterTables } from '../types.js';
import { hasHan } from './fold.js';

let converter: ((text: string) => string) | undefined;

/**
 * Traditional → Simplified Chinese (電梯 → 电梯). With a plan's precompiled tables (every character that converts
 * to one of the plan's), a query converted by them matches exactly what opencc-js would have made match, without
 * loading it; otherwise opencc-js and its dictionaries are loaded on first use.
 *
 * @example await toSimplified('質監局') // '质监局'
 */
export async function toSimplified(text: string, tables?: CharacterTables): Promise<string> {
  if (!hasHan(text)) return text;
  if (tables) return Array.from(text, (c) => (Object.hasOwn(tables.simplified, c) ? tables.simplified[c]! : c)).join('');
  const convert = converter ?? (converter = (await import('opencc-js/t2cn')).Converter({ from: 't', to: 'cn' }));
  return convert(text);
}
