// Names that look the same but are not: 市质监局 and 市质<U+200B>监局 print alike, and a task under one is not
// found under the other. plan validate warns about them.
import { msg, type Message } from '../i18n/index.js';
import type { Plan } from '../types.js';
import { FORMAT } from '../unicode-classes.js';

/** Characters that render as nothing: format characters (zero-width spaces and joiners, bidi controls, soft
 * hyphens, the byte order mark), variation selectors and fillers. */
const INVISIBLE = new RegExp(`[${FORMAT}\\u115f\\u1160\\u3164\\uffa0\\ufe00-\\ufe0f\\u{e0100}-\\u{e01ef}]`, 'gu');

/**
 * Characters drawn like others in the fonts a plan is read in, by what they look like: Katakana and symbols that
 * pass for Chinese characters, Cyrillic and Greek letters that pass for Latin ones, dashes.
 */
const LOOKS_LIKE: Record<string, string> = {
  ー: '一', '―': '一', '─': '一', 'ㄧ': '一', カ: '力', エ: '工', ロ: '口', タ: '夕', ニ: '二', ハ: '八', ト: '卜', 〇: '○',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', А: 'A', В: 'B', Е: 'E', К: 'K',
  М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K',
  Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X', ο: 'o', '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-',
};
const HAS_INVISIBLE = new RegExp(INVISIBLE.source, 'u');
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKS_LIKE).join('')}]`, 'gu');

/**
 * A name as a reader sees it: invisible characters dropped, compatibility forms folded (full-width letters,
 * Kangxi radicals, compatibility ideographs), look-alike characters made one.
 *
 * @example visibleForm('市质\u200b监局') // '市质监局'
 */
export function visibleForm(name: string): string {
  return name.replace(INVISIBLE, '').normalize('NFKC').replace(LOOKALIKE, (c) => LOOKS_LIKE[c] ?? c);
}

/** The code points by which two names that look the same differ, e.g. `U+200B`. */
function difference(a: string, b: string): string | Message {
  const mark = (name: string) => Array.from(name).filter((c) => visibleForm(c) !== c).map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  const codes = [...new Set([...mark(a), ...mark(b)])];
  return codes.length > 0 ? codes.slice(0, 4).join(', ') : msg('confusable.compatibility');
}

/**
 * Warnings for names of a plan's departments (names, full names, aliases) that look the same as another one of a
 * different department, or that hold a character no one can see.
 *
 * @example confusableNames(plan).map((m) => word('en', m)) // ['"市质�监局" (市质�监局) looks the same as "市质监局" (市质监局) but differs by U+200B: …']
 */
export function confusableNames(plan: Plan): Message[] {
  const warnings: Message[] = [];
  const byForm = new Map<string, { name: string; department: string }>();
  for (const department of plan.departments) {
    for (const name of [department.name, department.fullName, ...department.aliases]) {
      if (name === undefined) continue;
      const form = visibleForm(name);
      const seen = byForm.get(form);
      if (seen && seen.name !== name && seen.department !== department.name) {
        warnings.push(msg('confusable.lookAlike', { name, department: department.name, other: seen.name, otherDepartment: seen.department, codes: difference(name, seen.name) }));
      } else if (!seen) {
        byForm.set(form, { name, department: department.name });
        if (HAS_INVISIBLE.test(name)) warnings.push(msg('confusable.invisible', { name, department: department.name, codes: difference(name, form) }));
      }
      if (warnings.length >= 20) return warnings;
    }
  }
  return warnings;
}
