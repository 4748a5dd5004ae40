// Attributions: the parenthesis after a task that names who carries it, （A、B按职责分工负责）, （A牵头，B参与）,
// （负责部门：A、B；适用范围：…）, with the rules and notes that ride along (列第一位者为牵头单位，下同).
import type { Responsibility, Role, RoleKind } from '../types.js';

export interface Attribution {
  /** Offsets of the parenthesis in the paragraph, closing one included. */
  start: number;
  end: number;
  departments: string[];
  roles: Role[];
  /** Bodies marked 牵头 (or 牵头单位：). */
  marked: string[];
  responsibility: Responsibility;
  incomplete: boolean;
  scope?: string;
  /** 列第一位者为牵头单位，下同: from here on, the first-listed body leads. */
  leadRule?: string;
  /** When it is to be done, as written: 2019年底前完成, 持续推进 (完成时限：…). */
  deadline?: string;
  /** Document-wide statements (以下均需试点城市政府落实，不再列出) and the bodies they make responsible. */
  notes: { text: string; implied: string[] }[];
  /** What a person should check: names that do not look like a body. */
  doubts: { message: string; zh: string }[];
}

/** Role words, longest first so that 按职责分工负责 is not read as 负责. */
const VERBS: { word: string; role: RoleKind }[] = [
  { word: '按职责分工负责', role: 'responsible' },
  { word: '按职责分工落实', role: 'responsible' },
  { word: '按职能分工负责', role: 'responsible' },
  { word: '分别负责', role: 'responsible' },
  { word: '共同负责', role: 'responsible' },
  { word: '负责落实', role: 'responsible' },
  { word: '牵头负责', role: 'lead' },
  { word: '牵头', role: 'lead' },
  { word: '参与', role: 'participant' },
  { word: '参加', role: 'participant' },
  { word: '配合', role: 'participant' },
  { word: '协助', role: 'participant' },
  { word: '指导', role: 'guide' },
  { word: '负责', role: 'responsible' },
];

/** Labelled fields: （负责部门：…；适用范围：…）. */
const LABELS: { pattern: RegExp; role?: RoleKind; scope?: true }[] = [
  { pattern: /^(?:牵头(?:部门|单位))$/, role: 'lead' },
  { pattern: /^(?:配合|参与|协办)(?:部门|单位)$/, role: 'participant' },
  { pattern: /^指导(?:部门|单位)$/, role: 'guide' },
  { pattern: /^(?:负责|责任|主责|承办|落实)(?:部门|单位|主体)$/, role: 'responsible' },
  { pattern: /^(?:适用范围|适用区域|实施范围|试点范围)$/, scope: true },
];
const DEADLINE_LABEL = /^(?:完成时限|时间要求|完成时间|进度安排|时限)$/;
/** A clause that says when, not who: 2019年底前完成, 2020年6月底前, 持续推进, 长期坚持. */
const DEADLINE = /^(?:(?:\d{4}|[〇零一二三四五六七八九]{4})年.{0,12}$|.{0,10}(?:年|月|季度)(?:底|末|内)?(?:前|以前)?(?:完成|到位|出台|实现)?$|持续推进|长期坚持|长期推进|持续实施|按年度推进|逐年推进|每年.{0,8}$|.{0,10}前完成$)/;
const LABEL_SPLIT = /(时限|牵头部门|牵头单位|配合部门|配合单位|参与部门|参与单位|协办部门|协办单位|指导部门|指导单位|负责部门|负责单位|责任部门|责任单位|责任主体|主责部门|承办部门|承办单位|落实部门|落实单位|适用范围|适用区域|实施范围|试点范围|完成时限|时间要求|完成时间|进度安排)\s*[：:]/g;

/** What most names of a body end with; a name that does not is kept but said (doubts). */
const BODY_END = /(部|委|委员会|局|署|办|办公室|厅|院|会|行|政府|单位|部门|队|关|社|公司|中心|集团|小组|机构|组织|协会|银行|所|站|处|室|司|馆|台|区|团|军|校|园|省|市|县|成员单位|各方)$/;
const LEAD_RULE = /(列|排)(在)?(第一|首)位|第一(个|家)?(部门|单位)|列首位|排名第一/;

function looksLikeBody(name: string): boolean {
  return name.length >= 2 && name.length <= 40 && !/[。；：？！“”《》]/.test(name);
}

/** Splits a list of bodies on 、 ， and line breaks; 等 ends a list that is not complete. */
function splitBodies(list: string): { names: string[]; incomplete: boolean } {
  const names: string[] = [];
  let incomplete = false;
  for (const raw of list.split(/[、，,\n\t]+|\s{2,}/)) {
    let item = raw.trim().replace(/^(由|和|及|以及|与)/, '');
    if (item === '') continue;
    if (item.endsWith('等')) {
      incomplete = true;
      item = item.slice(0, -1);
    }
    // 商务部等有关部门: 有关部门 is a group of its own, which the list ends with (so it is complete); 人民银行等部门:
    // 部门 names nobody, and the list ends in 等.
    const m = /^(.+?)等(?:和|及|以及|、)?((?:各|有关|相关|其他|其它|部门|单位).*)$/.exec(item);
    if (m) {
      names.push(m[1]!);
      if (/^(?:部门|单位|部门和单位|单位和部门|部门单位)$/.test(m[2]!)) incomplete = true;
      else names.push(m[2]!);
    } else if (item !== '') names.push(item);
  }
  return { names, incomplete };
}

/** The verb a clause ends with, and the names before it. */
function clauseVerb(clause: string): { names: string; word?: string; role?: RoleKind } {
  for (const v of VERBS) {
    if (clause.endsWith(v.word)) return { names: clause.slice(0, -v.word.length), word: v.word, role: v.role };
  }
  return { names: clause };
}

interface Entry {
  name: string;
  role: RoleKind;
  word: string;
}

function addEntries(out: Entry[], list: string, role: RoleKind, word: string): boolean {
  const { names, incomplete } = splitBodies(list);
  for (const name of names) out.push({ name, role, word });
  return incomplete;
}

/** The document-wide note in a clause (以下均需试点城市政府落实，不再列出), with its implied body. */
function noteOf(text: string): { text: string; implied: string[] } | undefined {
  if (!/^以下|不再列出|下同/.test(text) || LEAD_RULE.test(text)) return undefined;
  const m = /^以下(?:均|都|皆|各项)?(?:需|须|由|要|请)?(.+?)(?:负责)?(?:落实|实施|执行)/.exec(text);
  const implied = m && looksLikeBody(m[1]!) && BODY_END.test(m[1]!) ? [m[1]!] : [];
  return { text, implied };
}

/**
 * Reads the inside of a parenthesis as an attribution; undefined when it is not one (（含技工院校）,
 * （国办发〔2015〕77号）, （质量管理小组）).
 *
 * @example readAttribution('市质监局负责')?.departments // ['市质监局']
 */
export function readAttribution(inside: string, defaultRole?: { role: RoleKind; word: string }): Omit<Attribution, 'start' | 'end'> | undefined {
  const content = inside.trim().replace(/[。；;]$/, '');
  if (content === '') return undefined;
  const entries: Entry[] = [];
  const notes: { text: string; implied: string[] }[] = [];
  const doubts: { message: string; zh: string }[] = [];
  let incomplete = false;
  let scope: string | undefined;
  const found: { rule?: string; deadline?: string } = {};

  LABEL_SPLIT.lastIndex = 0;
  const labelled = [...content.matchAll(LABEL_SPLIT)];
  if (labelled.length > 0 && labelled[0]!.index === 0) {
    labelled.forEach((m, i) => {
      const label = m[1]!;
      const value = content.slice(m.index + m[0].length, i + 1 < labelled.length ? labelled[i + 1]!.index : content.length).replace(/[；;，,。\s]+$/, '');
      const kind = LABELS.find((l) => l.pattern.test(label));
      if (DEADLINE_LABEL.test(label)) found.deadline = value;
      else if (kind?.scope) {
        // 所有自贸试验区，以下除标注…外，适用范围均为所有自贸试验区: the scope, then a note for the rest of the document.
        const at = value.search(/[，,；;。]\s*以下/);
        scope = (at < 0 ? value : value.slice(0, at)).trim();
        if (at >= 0) notes.push({ text: value.slice(at + 1).trim(), implied: [] });
      } else if (kind?.role) {
        incomplete = readClauses(value, entries, notes, { role: kind.role, word: label }, found) || incomplete;
      }
    });
  } else {
    const read = readClauses(content, entries, notes, defaultRole, found);
    if (read === undefined) return undefined;
    incomplete = read;
  }
  if (entries.length === 0) return undefined;
  if (entries.some((e) => !looksLikeBody(e.name))) return undefined;
  for (const e of entries) if (!BODY_END.test(e.name)) doubts.push({ message: `"${e.name}" does not look like the name of a body`, zh: `“${e.name}”不像单位名称` });

  const departments: string[] = [];
  const roles: Role[] = [];
  for (const e of entries) {
    if (!departments.includes(e.name)) departments.push(e.name);
    roles.push({ department: e.name, role: e.role, word: e.word });
  }
  const marked = roles.filter((r) => r.role === 'lead').map((r) => r.department);
  const responsible = roles.filter((r) => r.role === 'responsible');
  const responsibility: Responsibility = marked.length > 0 ? 'led'
    : responsible.length > 0 ? (responsible.every((r) => r.word.startsWith('按职')) ? 'shared' : 'sole')
    : roles.some((r) => r.role === 'guide') ? 'guided' : 'sole';
  return {
    departments, roles, marked, responsibility, incomplete, notes, doubts,
    ...(scope === undefined || scope === '' ? {} : { scope }),
    ...(found.rule === undefined ? {} : { leadRule: found.rule }),
    ...(found.deadline === undefined ? {} : { deadline: found.deadline }),
  };
}

/**
 * Reads clauses such as 生态环境部牵头，国家发展改革委、工业和信息化部参与 into entries; a clause without a verb
 * (A、B，C按职责分工负责) takes the verb of the next one; a lead rule or a time limit goes into `found`. Undefined
 * when the text is not an attribution. Returns whether a list ended in 等.
 */
function readClauses(
  text: string, entries: Entry[], notes: { text: string; implied: string[] }[],
  defaultRole: { role: RoleKind; word: string } | undefined, found: { rule?: string; deadline?: string },
): boolean | undefined {
  const clauses = text.split(/[，,。；;]/).map((c) => c.trim()).filter((c) => c !== '');
  let pending: string[] = [];
  let incomplete = false;
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i]!;
    if (LEAD_RULE.test(clause) && /牵头/.test(clause)) {
      // 列第一位者为牵头单位，下同: the rule, with its 下同.
      const rest = clauses[i + 1] === '下同' ? '，下同' : '';
      found.rule = `${clause}${rest}`;
      if (rest) i++;
      continue;
    }
    if (DEADLINE.test(clause)) {
      found.deadline = found.deadline === undefined ? clause : `${found.deadline}，${clause}`;
      continue;
    }
    if (/^以下|不再列出/.test(clause)) {
      const more = clauses.slice(i + 1).join('，');
      const note = noteOf(more ? `${clause}，${more}` : clause);
      if (note) notes.push(note);
      break;
    }
    // A会同B、C负责: A convenes, the others carry it.
    const convene = /^(.+?)会同(.+)$/.exec(clause);
    const body = convene ? convene[2]! : clause;
    const { names, word, role } = clauseVerb(body);
    if (!word || !role) {
      if (/[，。]/.test(clause) || clause.length > 60) return undefined;
      pending.push(body);
      if (convene) return undefined;
      continue;
    }
    if (convene) entries.push({ name: convene[1]!.trim(), role: 'convener', word: '会同' });
    for (const list of pending) incomplete = addEntries(entries, list, role, word) || incomplete;
    pending = [];
    incomplete = addEntries(entries, names, role, word) || incomplete;
  }
  if (pending.length > 0) {
    if (!defaultRole) return undefined;
    for (const list of pending) incomplete = addEntries(entries, list, defaultRole.role, defaultRole.word) || incomplete;
  }
  return incomplete;
}

/** The top-level parentheses of a paragraph, full-width or half-width, nested ones kept inside. */
export function parentheses(text: string): { start: number; end: number; inside: string }[] {
  const found: { start: number; end: number; inside: string }[] = [];
  const brackets = /[（()）]/g;
  let depth = 0;
  let open = -1;
  for (let m = brackets.exec(text); m; m = brackets.exec(text)) {
    const c = m[0];
    if (c === '（' || c === '(') {
      if (depth === 0) open = m.index;
      depth++;
    } else if (depth > 0) {
      depth--;
      if (depth === 0) found.push({ start: open, end: m.index + 1, inside: text.slice(open + 1, m.index) });
    }
  }
  return found;
}

/**
 * Every attribution in a paragraph, in order.
 *
 * @example findAttributions('开展质量攻关。（市科委负责）')[0]?.departments // ['市科委']
 */
export function findAttributions(text: string): Attribution[] {
  const out: Attribution[] = [];
  for (const p of parentheses(text)) {
    const read = readAttribution(p.inside);
    if (read) out.push({ start: p.start, end: p.end, ...read });
  }
  return out;
}
