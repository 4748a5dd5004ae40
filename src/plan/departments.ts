import { fold, hasHan, isLatin, withoutToneMarks } from '../chinese/fold.js';
import { findPinyin, loadReadings, type Readings } from '../chinese/pinyin.js';
import { segmentWords } from '../chinese/segment.js';
import { toSimplified } from '../chinese/simplified.js';
import { EXIT, PlanError } from '../errors.js';
import { msg, word, type Language, type Message } from '../i18n/index.js';
import type { CharacterTables, Department } from '../types.js';
import { glossWords, INTERNAL_UNITS, parseName, PLACES, vocabulary, withoutConnectors, type ParsedName, type SuffixKind, type Words } from './naming.js';
import { nameSlip, slipCharacters } from './slips.js';

/**
 * How a name was found: the first three are the registry's own spellings; every other one is said to the user
 * (`工信局 → 市经济信息委（重庆市经济和信息化委员会）`).
 */
export type MatchKind =
  | 'name' | 'alias' | 'full name'
  | 'place' | 'traditional' | 'pinyin' | 'initials' | 'field' | 'successor' | 'part' | 'unit' | 'slip';

export interface DepartmentMatch {
  department: Department;
  how: MatchKind;
  /** Why, for anything but the registry's own spellings: "工信 = economy and information technology". */
  reason?: Words;
}

const EXACT: readonly MatchKind[] = ['name', 'alias', 'full name'];

/** No name of a body is longer: a longer input is answered at once, not spelled out in pinyin. */
const MAX_NAME = 100;

/** True when the name was not one of the registry's own spellings, so the user must be told what was taken. */
export function isGuess(match: DepartmentMatch): boolean {
  return !EXACT.includes(match.how);
}

/**
 * The line that tells the user which department a guessed name was taken for, as a message of the catalogue
 * (in the user's language when cli.ts words it).
 *
 * @example word('en', noteOf('工信局', match)) // '工信局 → 市经济信息委（重庆市经济和信息化委员会） (the same remit: …)'
 */
export function noteOf(input: string, match: DepartmentMatch): Message {
  const d = match.department;
  const unconfirmed = d.fullName && d.fullNameConfirmed === false;
  const notes = (language: Language) => [
    ...(match.reason ? [match.reason[language]] : []),
    ...(unconfirmed ? [language === 'en' ? 'full name not confirmed' : '全称未经确认'] : []),
  ];
  const line = `${input.trim()} → ${d.name}${d.fullName ? `（${d.fullName}）` : ''}`;
  const en = notes('en');
  const zh = notes('zh');
  return said({ en: `${line}${en.length > 0 ? ` (${en.join('; ')})` : ''}`, zh: `${line}${zh.length > 0 ? `（${zh.join('；')}）` : ''}` });
}

/** noteOf in words. */
export function describeMatch(input: string, match: DepartmentMatch, language: Language = 'en'): string {
  return word(language, noteOf(input, match));
}

const said = (words: Words): Message => msg('said', words);

interface Entry {
  department: Department;
  /** Every way of writing the name that resolves to it, folded, places left out or not. */
  names: string[];
  /** The functions its names name, and what its names end in. */
  fields: Set<string>;
  kinds: Set<SuffixKind>;
  /** A national body (工业和信息化部, 海关总署), as plans of the central government name them. */
  national: boolean;
}

interface Index {
  entries: Entry[];
  registered: Map<string, { entry: Entry; how: MatchKind }>;
  /** A name with its places left out → the departments it names that way. */
  bare: Map<string, Entry[]>;
}

const indexes = new WeakMap<Department[], Index>();

/** The name without the places in front (重庆市人民政府金融工作办公室 → 金融工作办公室), and each step on the way. */
function withoutPlaces(name: string): string[] {
  const forms: string[] = [];
  let rest = name;
  for (;;) {
    const place = PLACES.find((p) => rest.startsWith(p) && rest.length >= p.length + 2);
    if (!place) return forms;
    const parsed = parseName(rest);
    // 市市政委 is 市 + 市政委, and 市政委 stays: its 市 belongs to the field 市政.
    if (parsed && parsed.tokens[0]!.text !== place) return forms;
    rest = rest.slice(place.length);
    forms.push(rest);
  }
}

/** Every way of writing a department's name that resolves to it directly, folded. */
export function namesOf(department: Department): string[] {
  const written = [department.name, ...(department.fullName ? [department.fullName] : []), ...department.aliases].map(fold);
  return [...new Set(written.flatMap((n) => [n, ...withoutPlaces(n)]))];
}

function indexOf(departments: Department[]): Index {
  const known = indexes.get(departments);
  if (known) return known;
  const index: Index = { entries: [], registered: new Map(), bare: new Map() };
  for (const department of departments) {
    const fields = new Set<string>();
    const kinds = new Set<SuffixKind>();
    let national = false;
    const written = [department.name, ...(department.fullName ? [department.fullName] : []), ...department.aliases].map(fold);
    // Groups stand for several departments: no field of their own.
    for (const parsed of department.group ? [] : written.map(parseName)) {
      if (!parsed) continue;
      for (const f of parsed.fields) fields.add(f);
      if (parsed.suffix) kinds.add(parsed.suffix);
      national ||= parsed.national;
    }
    const entry: Entry = { department, names: namesOf(department), fields, kinds, national };
    index.entries.push(entry);
    const how = (s: string): MatchKind => (s === fold(department.name) ? 'name' : s === fold(department.fullName ?? '') ? 'full name' : 'alias');
    for (const s of written) if (!index.registered.has(s)) index.registered.set(s, { entry, how: how(s) });
    for (const n of entry.names) index.bare.set(n, [...new Set([...(index.bare.get(n) ?? []), entry])]);
  }
  indexes.set(departments, index);
  return index;
}

/** A name that could be several departments: a usage error that also says which (resolveInPlans weighs them). */
export class AmbiguousName extends PlanError {
  constructor(message: Message, readonly candidates: string[]) {
    super(message, { exitCode: EXIT.usage });
  }
}

/** How close a match is to what was typed: a spelling of the name itself (what it says), else a reading of it. */
export function isSpelling(how: MatchKind): boolean {
  return ['name', 'alias', 'full name', 'place', 'traditional', 'part', 'unit'].includes(how);
}

function ambiguous(input: string, candidates: Entry[], why?: Words): never {
  const names = candidates.map((c) => c.department.name);
  const more = names.length - 8;
  const all = names.join(',');
  const en = `department "${input}" is ambiguous: it could be ${names.slice(0, 8).join(', ')}${more > 0 ? ` and ${more} more` : ''}`
    + (why ? ` (${why.en}); name one, or give them all: --dept ${all}` : '; type more of the name');
  const zh = `单位“${input}”有歧义：可能是 ${names.slice(0, 8).join('、')}${more > 0 ? ` 等 ${names.length} 个` : ''}`
    + (why ? `（${why.zh}）；请选其一，或全部给出：--dept ${all}` : '；请写得更完整');
  throw new AmbiguousName(said({ en, zh }), names);
}

/** A body the plan does not have, or that could not be read as one: why, and the names plausibly meant. */
function unknown(input: string, why?: Words, nearest: Words[] = []): never {
  const en = `unknown department "${input}"${why ? `: ${why.en}` : ''}`
    + (nearest.length > 0 ? `${why ? '; ' : ': '}did you mean ${nearest.map((n) => n.en).join(', ')}? ` : ' ') + '(plan depts lists all)';
  const zh = `未知单位“${input}”${why ? `：${why.zh}` : ''}`
    + (nearest.length > 0 ? `${why ? '；' : '：'}是否指 ${nearest.map((n) => n.zh).join('、')}？` : '') + '（plan depts 列出全部）';
  throw new PlanError(said({ en, zh }), { exitCode: EXIT.usage });
}

const named = (entry: Entry): Words => ({ en: entry.department.name, zh: entry.department.name });

/** One department, several (ambiguous), or none. */
function pick(input: string, found: Entry[], how: MatchKind, reason?: Words): DepartmentMatch | undefined {
  const candidates = [...new Set(found)];
  if (candidates.length > 1) ambiguous(input, candidates);
  return candidates[0] && { department: candidates[0].department, how, ...(reason ? { reason } : {}) };
}

/** The registry's own spellings, or one of them with its places left out or put in (重庆市质监局, 银监局). */
function findWritten(index: Index, input: string, text: string): DepartmentMatch | undefined {
  const exact = index.registered.get(text);
  if (exact) return { department: exact.entry.department, how: exact.how };
  for (const form of [text, ...withoutPlaces(text)]) {
    const found = index.bare.get(form);
    if (found) return pick(input, found, 'place', { en: 'the same name, with the place written another way', zh: '同一名称，地名写法不同' });
  }
  return undefined;
}

/** What the words of a field say about which department is meant. */
type FieldAnswer =
  | { kind: 'found'; match: DepartmentMatch }
  | { kind: 'ambiguous'; entries: Entry[]; why: Words }
  | { kind: 'absent'; why: Words; nearest: Department[] }
  | { kind: 'none' };

function glossOf(parsed: ParsedName): Words {
  const glosses = parsed.tokens.filter((t) => t.kind === 'field').map((t) => glossWords(t.text, t.entry!));
  return { en: glosses.map((g) => g.en).join('; '), zh: glosses.map((g) => g.zh).join('；') };
}

function suffixFits(kind: SuffixKind | undefined, kinds: Set<SuffixKind>): boolean {
  if (!kind || kinds.size === 0 || kinds.has(kind)) return true;
  // A local office of a central body (监管局, 营管部) is a department like any 局 or 委.
  const department = (k: SuffixKind) => k === 'organ' || k === 'office';
  return department(kind) && [...kinds].some(department);
}

/**
 * The departments whose remit a parsed name names: 工信局 names the field of 市经济信息委 whatever its suffix (a
 * city's 局 is another's 委 or a province's 厅), 市场监管局 the three bodies it merged in 2018. A field no
 * department of the plan has is absent, a national body (工信部) is not its local counterpart.
 */
function byField(index: Index, parsed: ParsedName): FieldAnswer {
  if (parsed.suffix === 'social') {
    const end = parsed.tokens.at(-1)!.text;
    return { kind: 'absent', why: { en: `${end} ends the name of a people's organisation, not of a government department`, zh: `“${end}”是社会团体的名称，不是政府部门` }, nearest: [] };
  }
  if (parsed.fields.size === 0) return { kind: 'none' };
  // One character of a field alone (林, 交) says too little; with a suffix (交委) it is a name.
  if (!parsed.suffix && parsed.tokens.every((t) => t.kind !== 'field' || t.text.length < 2)) return { kind: 'none' };
  const gloss = glossOf(parsed);
  const present = index.entries.filter((e) => [...parsed.fields].some((f) => e.fields.has(f)));
  if (present.length === 0) {
    return { kind: 'absent', why: { en: `no department of this plan has the remit it names (${gloss.en})`, zh: `本计划中没有负责这一职能的单位（${gloss.zh}）` }, nearest: [] };
  }
  // A national body is one of the plan's national bodies (工信部 → 工业和信息化部), not its local counterpart
  // (工信部 is not 市经济信息委, but that is the name to suggest).
  const fitting = present.filter((e) => (parsed.national ? e.national : suffixFits(parsed.suffix, e.kinds)));
  if (parsed.national && fitting.length === 0) {
    return { kind: 'absent', why: { en: `a national body, not in this plan (${gloss.en})`, zh: `是国家级机关，不在本计划中（${gloss.zh}）` }, nearest: present.map((e) => e.department) };
  }
  const covering = fitting.filter((e) => [...parsed.fields].every((f) => e.fields.has(f)));
  let chosen = covering;
  if (chosen.length === 0) {
    // A merged body (文化旅游委, 银保监局): the departments of each of its fields, when none of them is left out
    // by its suffix alone (a 交通执法总队 is not 市文化执法总队, though both enforce).
    const covered = new Set(fitting.flatMap((e) => [...e.fields]));
    const missing = [...parsed.fields].filter((f) => !covered.has(f));
    if (missing.some((f) => present.some((e) => e.fields.has(f)))) return { kind: 'none' };
    chosen = fitting;
  }
  if (chosen.length === 0) return { kind: 'none' };
  if (chosen.length > 1) return { kind: 'ambiguous', entries: chosen, why: gloss };
  const how: MatchKind = parsed.since ? 'successor' : 'field';
  const reason = how === 'successor'
    ? { en: `a name used since ${parsed.since}: ${gloss.en}`, zh: `后来的名称：${gloss.zh}` }
    : { en: `the same remit: ${gloss.en}`, zh: `同一职能：${gloss.zh}` };
  return { kind: 'found', match: { department: chosen[0]!.department, how, reason } };
}

/** A body of another place (渝北区质监局): not the plan's, but its counterpart here is worth naming. */
function elsewhere(place: string, result: FieldAnswer): FieldAnswer {
  if (result.kind !== 'found' && result.kind !== 'ambiguous') return result;
  const nearest = result.kind === 'found' ? [result.match.department] : result.entries.map((e) => e.department);
  return {
    kind: 'absent',
    why: /^(区|县|区县)$/.test(place)
      ? { en: 'a district or county body, not of this plan', zh: '是区县的单位，不是本计划的' }
      : { en: `a body of ${place}, not of this plan`, zh: `是${place}的单位，不是本计划的` },
    nearest,
  };
}

function answer(input: string, result: FieldAnswer): DepartmentMatch | undefined {
  if (result.kind === 'found') return result.match;
  if (result.kind === 'ambiguous') ambiguous(input, result.entries, result.why);
  if (result.kind === 'absent') unknown(input, result.why, result.nearest.map((d) => ({ en: d.name, zh: d.name })));
  return undefined;
}

/** 重庆市质监局办公室: a unit of a department (its office, a division) stands for the department. */
function findUnit(index: Index, input: string, text: string): DepartmentMatch | undefined {
  for (const form of [text, ...withoutPlaces(text)]) {
    for (const unit of INTERNAL_UNITS) {
      if (!form.endsWith(unit) || form.length <= unit.length) continue;
      const found = findWritten(index, input, form.slice(0, -unit.length));
      if (found) {
        const name = found.department.name;
        return { department: found.department, how: 'unit', reason: { en: `${unit} is a unit of ${name}`, zh: `${unit}是${name}的内设机构` } };
      }
    }
  }
  return undefined;
}

/** True when `part` stands in `name` as whole words of it (执法总队 in 市文化执法总队, not 市场 in 文化市场). */
function isWordsOf(part: string, name: string): boolean {
  const parsed = parseName(name);
  const text = withoutConnectors(name);
  const piece = withoutConnectors(part);
  if (!parsed) return text.includes(piece);
  const bounds = new Set<number>([0]);
  let at = 0;
  for (const t of parsed.tokens) bounds.add((at += t.text.length));
  for (let i = text.indexOf(piece); i >= 0; i = text.indexOf(piece, i + 1)) {
    if (bounds.has(i) && bounds.has(i + piece.length)) return true;
  }
  return false;
}

/**
 * Whether `part` is two or more whole words of `name`, of two characters or more each, in the name's order with
 * words between them left out, four characters at least: 质量工作联席会议 of 市质量工作部门联席会议成员单位.
 */
function isSpreadWordsOf(part: string, name: string): boolean {
  if (Array.from(part).length < 4) return false;
  // The name's words as the vocabulary reads them, else as the dictionary does (市质量工作部门联席会议成员单位).
  const tokens = parseName(name)?.tokens.map((t) => t.text) ?? segmentWords(name);
  const fits = (at: number, from: number, used: number): boolean => {
    if (at === part.length) return used >= 2;
    for (let k = from; k < tokens.length; k++) {
      const word = tokens[k]!;
      if (Array.from(word).length >= 2 && part.startsWith(word, at) && fits(at + word.length, k + 1, used + 1)) return true;
    }
    return false;
  };
  return fits(0, 0, 0);
}

/**
 * A part of a name: 联席会议, 有关部门, 执法总队. It is taken when it fits one department only, as whole words of
 * its name, and is two characters or more; a part that fits several is ambiguous.
 */
function findPart(index: Index, input: string, text: string): DepartmentMatch | undefined {
  const containing = index.entries.filter((e) => e.names.some((n) => n.includes(text)));
  if (containing.length === 0) {
    // Words of the name in its order, with words between left out (质量工作联席会议 of 市质量工作部门联席会议成员单位).
    const spread = index.entries.filter((e) => e.names.some((n) => isSpreadWordsOf(text, n)));
    if (spread.length > 1) ambiguous(input, spread);
    if (spread.length === 1) {
      const name = spread[0]!.department.name;
      return { department: spread[0]!.department, how: 'part', reason: { en: `words of the name ${name}`, zh: `名称“${name}”中的词` } };
    }
  }
  if (containing.length > 1) ambiguous(input, containing);
  const [only] = containing;
  if (!only) return undefined;
  if (Array.from(text).length >= 2 && only.names.some((n) => isWordsOf(text, n))) {
    const name = only.department.name;
    return { department: only.department, how: 'part', reason: { en: `a part of the name ${name}`, zh: `名称“${name}”的一部分` } };
  }
  return Array.from(text).length === 1 ? unknown(input, undefined, [named(only)]) : undefined;
}

let forms: string[] | undefined;

/** Names of bodies in the vocabulary (a field word and a suffix), for likeness to names the plan lacks: 审记局 ~ 审计局. */
function vocabularyForms(): string[] {
  forms ??= vocabulary().filter((t) => t.kind === 'field').flatMap((t) => ['', '局', '委', '办', '厅'].map((s) => t.text + s));
  return forms;
}

interface Near {
  cost: number;
  why: Words;
  /** The department it reads as, or the name of a body the plan lacks. */
  entry?: Entry;
  absent?: string;
}

/**
 * A name one slip away (质检局 → 市质监局: 检 for 监, both read jian): taken only when the slip is plausible (same
 * sound, a look-alike, a character dropped from a long name) and no other body, in the plan or not, is as near.
 */
async function findSlip(index: Index, input: string, text: string, tables?: CharacterTables): Promise<DepartmentMatch | undefined> {
  const typedForms = [text, ...withoutPlaces(text)];
  const names = index.entries.flatMap((e) => e.names);
  // Readings of the characters that differ only: the plan's tables have them, mostly, and pinyin-pro stays unloaded.
  const differing = typedForms.flatMap((typed) => [...names, ...vocabularyForms()].flatMap((n) => slipCharacters(typed, n)));
  const readings: Readings = await loadReadings(tables, [...new Set(differing)].join(''));
  const nearest = new Map<string, Near>();
  const consider = (key: string, near: Near) => {
    const known = nearest.get(key);
    if (!known || near.cost < known.cost) nearest.set(key, near);
  };
  for (const typed of typedForms) {
    for (const entry of index.entries) {
      for (const name of entry.names) {
        const slip = nameSlip(typed, name, readings);
        if (slip) consider(entry.department.name, { ...slip, entry });
      }
    }
    for (const form of vocabularyForms()) {
      const slip = nameSlip(typed, form, readings);
      if (!slip || index.bare.has(form)) continue;
      const parsed = parseName(form);
      const result = parsed ? byField(index, parsed) : { kind: 'none' as const };
      if (result.kind === 'found') {
        const entry = index.entries.find((e) => e.department === result.match.department)!;
        consider(entry.department.name, { ...slip, entry });
      } else if (result.kind === 'absent' && parsed && !parsed.national) {
        consider(`absent:${form}`, { ...slip, absent: form });
      }
    }
  }
  const all = [...nearest.values()].sort((a, b) => a.cost - b.cost);
  const best = all[0];
  if (!best) return undefined;
  const tied = all.filter((n) => n.cost === best.cost);
  if (best.cost <= 0.5 && tied.length === 1) {
    if (best.entry) return { department: best.entry.department, how: 'slip', reason: best.why };
    unknown(input, { en: `${best.absent} is not in this plan (${best.why.en})`, zh: `${best.absent}不在本计划中（${best.why.zh}）` });
  }
  const plausible = all.filter((n) => n.cost <= 0.75 || (n.cost <= 1 && Array.from(typedForms.at(-1)!).length >= 4)).slice(0, 3);
  if (best.cost <= 0.5 && tied.length > 1) {
    const entries = tied.filter((n) => n.entry).map((n) => n.entry!);
    if (entries.length > 1) ambiguous(input, entries);
  }
  unknown(input, undefined, plausible.map((n) => (n.entry ? named(n.entry) : { en: `${n.absent} (not in this plan)`, zh: `${n.absent}（不在本计划中）` })));
}

/** The spellings of `word` in pinyin from q[from]: the offsets where they end. */
function spellingsOf(word: string, q: string, from: number, readings: Readings): number[] {
  const chars = Array.from(word);
  const ends: number[] = [];
  const walk = (i: number, at: number) => {
    if (i === chars.length) {
      ends.push(at);
      return;
    }
    for (const r of readings(chars[i]!)) if (q.startsWith(r, at)) walk(i + 1, at + r.length);
  };
  walk(0, from);
  return ends;
}

/** Names of the vocabulary that a pinyin query spells, word by word: gongxinju → 工信局, shangwuju → 商务局. */
function spellVocabulary(q: string, readings: Readings): string[] {
  const tokens = vocabulary().map((t) => t.text);
  const reach: string[][] = Array.from({ length: q.length + 1 }, () => []);
  reach[0] = [''];
  for (let i = 0; i < q.length; i++) {
    if (reach[i]!.length === 0) continue;
    for (const token of tokens) {
      for (const end of spellingsOf(token, q, i, readings)) {
        for (const start of reach[i]!) if (reach[end]!.length < 24) reach[end]!.push(start + token);
      }
    }
  }
  return [...new Set(reach[q.length])];
}

function initialsFit(name: string, q: string, readings: Readings): boolean {
  const chars = Array.from(name);
  return chars.length === q.length && chars.every((c, i) => readings(c).some((r) => r[0] === q[i]));
}

/** A name in pinyin: whole, the start of a name (zhijian), words of the vocabulary (gongxinju), or initials. */
async function findPinyinName(index: Index, input: string, q: string, tables?: CharacterTables): Promise<DepartmentMatch> {
  const vocabularyChars = vocabulary().map((t) => t.text).join('');
  const readings = await loadReadings(tables, index.entries.flatMap((e) => e.names).join('') + vocabularyChars);
  const spelledFrom = (entry: Entry) => entry.names.map((n) => findPinyin(n, q, readings, Infinity).find(([s]) => s === 0)).filter((r) => r !== undefined);
  const whole = index.entries.filter((e) => e.names.some((n) => findPinyin(n, q, readings, Infinity).some(([s, end]) => s === 0 && end === n.length)));
  const found = pick(input, whole, 'pinyin', { en: 'pinyin', zh: '拼音' });
  if (found) return found;
  const starts = index.entries.filter((e) => spelledFrom(e).some(([, end]) => end >= 2));
  const start = pick(input, starts, 'pinyin', { en: 'pinyin of the start of the name', zh: '名称开头的拼音' });
  if (start) return start;

  const outcomes = new Map<string, Entry>();
  const absent: string[] = [];
  let why: Words | undefined;
  for (const text of spellVocabulary(q, readings)) {
    const parsed = parseName(text);
    if (!parsed) continue;
    const result = byField(index, parsed);
    if (result.kind === 'found') {
      outcomes.set(result.match.department.name, index.entries.find((e) => e.department === result.match.department)!);
      why = { en: `read as ${text}; ${result.match.reason!.en}`, zh: `读作${text}；${result.match.reason!.zh}` };
    } else if (result.kind === 'ambiguous') {
      for (const e of result.entries) outcomes.set(e.department.name, e);
      why = { en: `read as ${text}: ${result.why.en}`, zh: `读作${text}：${result.why.zh}` };
    } else if (result.kind === 'absent') absent.push(text);
  }
  const [one] = outcomes.keys();
  if (one && outcomes.size === 1 && absent.length === 0) return { department: outcomes.get(one)!.department, how: 'pinyin', ...(why ? { reason: why } : {}) };
  if (outcomes.size > 1) ambiguous(input, [...outcomes.values()], why);
  if (one) unknown(input, { en: `it could be ${one}, or ${absent[0]}, which is not in this plan`, zh: `可能是${one}，也可能是不在本计划中的${absent[0]}` });
  if (absent.length > 0) unknown(input, { en: `read as ${absent[0]}, which is not in this plan`, zh: `读作${absent[0]}，不在本计划中` });

  // Initials of a whole name, of three letters or more (fgw: 发改委); two letters say too little to be taken. The
  // names a body has elsewhere count (zjj is 质监局 or 住建局), not the vocabulary's made-up forms of absent ones.
  const fits = new Set(index.entries.filter((e) => e.names.some((n) => initialsFit(n, q, readings))));
  for (const form of vocabularyForms()) {
    if (index.bare.has(form) || !initialsFit(form, q, readings)) continue;
    const parsed = parseName(form);
    const result = parsed ? byField(index, parsed) : undefined;
    if (result?.kind === 'found') fits.add(index.entries.find((e) => e.department === result.match.department)!);
  }
  const [only] = fits;
  if (only && fits.size === 1 && q.length >= 3) return { department: only.department, how: 'initials', reason: { en: 'pinyin initials', zh: '拼音首字母' } };
  if (fits.size > 1) ambiguous(input, [...fits]);
  return unknown(input, undefined, [...fits].map(named));
}

/**
 * A name as typed, folded, without what comes with it from elsewhere: spaces, the brackets or quotes of a
 * document's attribution (（市质监局）, “质监局”), a full stop after it, and the tone marks of pinyin (zhìjiānjú;
 * lǚ as lv).
 *
 * @example asTyped('（市质监局）。') // '市质监局'
 */
function asTyped(input: string): string {
  const bare = withoutToneMarks(input.replace(/\s+/g, ''));
  return fold(bare).replace(/^[([{<“‘"'「『【〔《〈]+|[)\]}>”’"'」』】〕》〉.,;:!?。．，、；：！？]+$/gu, '');
}

/**
 * Resolves a department as people type it: the registry's name, full name or an alias (with or without 市 or
 * 重庆), Traditional characters, pinyin (whole, the start of a name, initials), the name such a body has
 * elsewhere (工信局, 教育厅), a later name (市场监管局), a part of the name, or one plausible slip. Anything but the
 * registry's own spellings comes back with how it was found, for the user to be told. A name that could be several
 * departments, or none, is a PlanError (exit 2) naming the candidates that are plausibly meant.
 *
 * `tables` are the plan's precompiled character tables, if it has them (plan.characters).
 *
 * @example (await resolveDepartment(plan.departments, '工信局', plan.characters)).department.name // '市经济信息委'
 */
export async function resolveDepartment(departments: Department[], input: string, tables?: CharacterTables): Promise<DepartmentMatch> {
  const typed = asTyped(input);
  if (typed === '') {
    throw new PlanError(said({ en: 'a department name is empty: give a name, e.g. --dept 质监局 (plan depts lists all)', zh: '单位名称为空：请给一个名称，例如 --dept 质监局（plan depts 列出全部）' }));
  }
  // The registry's own spellings first, before the names are parsed: most names are typed so.
  for (const department of departments) {
    if (fold(department.name) === typed) return { department, how: 'name' };
    if (department.fullName && fold(department.fullName) === typed) return { department, how: 'full name' };
    if (department.aliases.some((a) => fold(a) === typed)) return { department, how: 'alias' };
  }
  if (Array.from(typed).length > MAX_NAME) {
    unknown(`${input.slice(0, MAX_NAME)}…`, { en: `longer than any name (${MAX_NAME} characters at most)`, zh: `比任何名称都长（最多 ${MAX_NAME} 个字）` });
  }
  const index = indexOf(departments);
  const written = findWritten(index, input, typed);
  if (written) return written;
  let text = typed;
  if (hasHan(typed)) {
    text = fold(await toSimplified(typed, tables));
    if (text !== typed) {
      const simplified = findWritten(index, input, text);
      if (simplified) return { department: simplified.department, how: 'traditional', reason: { en: `Traditional characters for ${text}`, zh: `繁体字，即${text}` } };
    }
  }
  if (isLatin(text)) return findPinyinName(index, input, text, tables);

  const unit = findUnit(index, input, text);
  if (unit) return unit;
  const parsed = parseName(text);
  const field = parsed ? answer(input, parsed.elsewhere ? elsewhere(parsed.elsewhere, byField(index, parsed)) : byField(index, parsed)) : undefined;
  if (field) return field;
  const part = findPart(index, input, text);
  if (part) return part;
  const slip = await findSlip(index, input, text, tables);
  if (slip) return slip;
  return unknown(input);
}

/**
 * Resolves a name in several plans loaded together: in their merged registry (`departments`) and in each plan's
 * own (`members`), since one plan may spell out what another only hints at (海关 is 重庆海关 without its place in
 * one, the start of 海关总署's name in another). The spellings found (the name, an alias, a part of the name, a
 * name that holds what was typed…) decide over readings of it (pinyin, a remit, a later name); several departments
 * among those that decide are ambiguous.
 *
 * @example (await resolveInPlans(merged.departments, members, '海关')) // throws: could be 重庆海关, 海关总署
 */
export async function resolveInPlans(departments: Department[], members: { departments: Department[]; characters?: CharacterTables }[], input: string, tables?: CharacterTables): Promise<DepartmentMatch> {
  const attempt = async (list: Department[], own?: CharacterTables) => {
    try {
      return { match: await resolveDepartment(list, input, own) };
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      return { error };
    }
  };
  const merged = await attempt(departments, tables);
  // A name as one of the plans writes it answers as it is (a twin in another plan is told apart: dept.alsoAs).
  if (members.length < 2 || (merged.match && !isGuess(merged.match))) {
    if (merged.match) return merged.match;
    throw merged.error;
  }
  const typed = fold(input.replace(/\s+/g, ''));
  const others = await Promise.all(members.map((m) => attempt(m.departments, m.characters)));
  // What the merged registry answers stands; a plan that spells the name out (its name, an alias, a part of it, or
  // a name that holds what was typed: 海关 of 海关总署) adds its department to it.
  const spells = (match: DepartmentMatch) => isSpelling(match.how) || (hasHan(typed) && fold(match.department.name).includes(typed));
  const base = merged.match ? [merged.match.department.name] : merged.error instanceof AmbiguousName ? merged.error.candidates : [];
  const matches = others.flatMap((o) => (o.match ? [o.match] : []));
  let names = [...new Set([...base, ...matches.filter(spells).map((m) => m.department.name)])];
  // Nothing there: what each plan reads it as (质检: 市质监局 in one, 市场监管总局 in another).
  if (names.length === 0) names = [...new Set([...matches.map((m) => m.department.name), ...others.flatMap((o) => (o.error instanceof AmbiguousName ? o.error.candidates : []))])];
  if (names.length > 1) {
    if (merged.error instanceof AmbiguousName && names.length === base.length) throw merged.error;
    const all = names.join(',');
    throw new AmbiguousName(said({
      en: `department "${input}" is ambiguous across the plans loaded: it could be ${names.join(', ')}; name one, or give them all: --dept ${all}`,
      zh: `单位“${input}”在所载入的计划中有歧义：可能是 ${names.join('、')}；请选其一，或全部给出：--dept ${all}`,
    }), names);
  }
  if (merged.match && names[0] === merged.match.department.name) return merged.match;
  const match = matches.find((m) => m.department.name === names[0]);
  const department = match && departments.find((d) => d.name === match.department.name);
  if (!match || !department) throw merged.error!;
  return { ...match, department };
}

/** Splits a list of department names given as one value: 质监局,林业局 / 质监局、林业局 / 质监局，林业局. */
export function splitDepartmentList(value: string): string[] {
  return value.split(/[,，、;；]/).map((s) => s.trim()).filter((s) => s !== '');
}
