// Document → plan: the heading hierarchy, the attributions and the rules that apply from where they are written.
import { rolesOf } from '../plan/lookup.js';
import type { Department, Note, Part, Plan, PlanMeta, Role, Section, Task } from '../types.js';
import { findAttributions, readAttribution, type Attribution } from './attribution.js';
import type { Block, TableRow } from './blocks.js';
import { columnOf, isHeaderRow, type Column } from './tables.js';
import { numberingOf, type Numbering } from './numbering.js';

/** A decision a person should check, at its line of the document. */
export interface Doubt {
  line: number;
  message: string;
  /** The same in Chinese, for the summary in the user's language. */
  zh: string;
}

export interface ParsedDocument {
  plan: Plan;
  /** Lines of body paragraphs that carry no attribution (prose, principles, headings' text). */
  unattributed: number[];
  doubts: Doubt[];
}

interface Item {
  line: number;
  numbering?: Numbering;
  /** The text after the number (the whole paragraph when unnumbered). */
  text: string;
  attributions: Attribution[];
  /** A row of a table of measures, already read. */
  row?: RowTask;
  /** A table header or a row that is not a task. */
  skip?: boolean;
  /** Labelled fields written on lines of their own under the item (责任单位：…), read as its attribution. */
  labels?: string[];
}

interface RowTask {
  number?: string;
  measure?: string;
  text: string;
  attribution: Attribution;
}

const DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const HAN_DATE = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;
const DOC_NUMBER = /^[\u4e00-\u9fff]{1,16}[〔[【(（]\s*\d{4}\s*[〕\]】)）]\s*\d{1,5}\s*号$/;
const PUBLIC = /^[（(]此件(公开发布|主动公开|依申请公开|不公开)[)）]$/;

function isoDate(text: string): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  const m = DATE.exec(text.normalize('NFKC'));
  if (m) return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  const h = HAN_DATE.exec(text);
  if (!h) return undefined;
  const digit = (c: string) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c);
  const small = (t: string) => (t.length === 1 ? (t === '十' ? 10 : digit(t)) : t.length === 2 ? (t[0] === '十' ? 10 + digit(t[1]!) : digit(t[0]!) * 10) : digit(t[0]!) * 10 + digit(t[2]!));
  return `${[...h[1]!].map(digit).join('')}-${pad(small(h[2]!))}-${pad(small(h[3]!))}`;
}

/** A heading's title: the paragraph when it is one sentence, else its first sentence (重大意义。党的十八大以来…). */
function titleOf(text: string): string {
  const stop = text.search(/[。！？]/);
  return stop < 0 || stop === text.length - 1 ? text : text.slice(0, stop + 1);
}

const isShortLine = (t: string) => t.length <= 60 && !/[。；！？]$/.test(t) && !/[：:]$/.test(t);

/** Whether a name stands for several bodies (有关部门, 各省级人民政府, 联席会议成员单位). */
export function isGroup(name: string): boolean {
  return /^(各|有关|相关|其他|其它)|有关|成员单位|部门和单位$|^(部门|单位)$/.test(name);
}

/**
 * Turns a document's blocks into a plan, following the conventions of issue 14 §3: a task runs from its numbered
 * item (or the end of the previous attribution in the paragraph) to its own attribution; headings without an
 * attribution hold no tasks; lead rules and document-wide notes apply from where they are written on.
 */
export function parseBlocks(blocks: Block[]): ParsedDocument {
  const doubts: Doubt[] = [];
  const items = toItems(blocks, doubts);
  const firstBody = items.findIndex((it) => it.numbering !== undefined || it.attributions.length > 0 || it.row !== undefined);
  const front = firstBody < 0 ? items : items.slice(0, firstBody);
  let body = firstBody < 0 ? [] : items.slice(firstBody);
  const meta = readFront(front);

  // The tail: issuer, date and （此件公开发布） after the body.
  let tailStart = body.length;
  while (tailStart > 0) {
    const t = body[tailStart - 1]!;
    if (t.numbering || t.attributions.length > 0 || t.row || t.skip) break;
    const date = isoDate(t.text);
    if (PUBLIC.test(t.text)) tailStart--;
    else if (date) {
      meta.date ??= date;
      tailStart--;
      const before = body[tailStart - 1];
      if (before && !before.numbering && before.attributions.length === 0 && isShortLine(before.text) && before.text.length <= 30) {
        meta.issuer ??= before.text;
        tailStart--;
      }
    } else break;
  }
  body = body.slice(0, tailStart);

  // The closing: unnumbered paragraphs after the last task that no later heading takes in.
  const isTaskItem = (it: Item) => it.attributions.length > 0 || it.row !== undefined;
  const lastTask = body.map(isTaskItem).lastIndexOf(true);
  if (lastTask >= 0) {
    const after = body.slice(lastTask + 1);
    if (after.length > 0 && after.every((it) => !it.numbering && !it.skip)) {
      meta.closing = after.map((it) => it.text).join('\n');
      body = body.slice(0, lastTask + 1);
    }
  }

  const builder = new PlanBuilder(meta, doubts);
  builder.read(body);
  return { plan: builder.plan(), unattributed: builder.unattributed, doubts: doubts.sort((a, b) => a.line - b.line) };
}

/** A paragraph that is only labelled fields, written under its task: 牵头单位：A / 责任单位：B、C / 完成时限：… */
const LABEL_LINE = /^(?:【|\[)?(牵头单位|牵头部门|责任单位|责任部门|负责单位|负责部门|配合单位|配合部门|参与单位|参与部门|协办单位|指导单位|指导部门|完成时限|时间要求|完成时间|适用范围)(?:】|\])?\s*[：:]?\s*/;

function toItems(blocks: Block[], doubts: Doubt[]): Item[] {
  const items: Item[] = [];
  for (const block of blocks) {
    const label = block.kind === 'paragraph' ? LABEL_LINE.exec(block.text) : null;
    const previous = items[items.length - 1];
    if (label && block.kind === 'paragraph' && previous && !previous.row && !previous.skip) {
      // Fields on lines of their own belong to the item above, read together as （牵头单位：A；责任单位：B）.
      const lines = [...(previous.labels ?? []), block.text.replace(LABEL_LINE, `${label[1]}：`)];
      const read = readAttribution(lines.join('；'));
      if (previous.labels && read && previous.attributions.at(-1)?.start === previous.text.length) previous.attributions.pop();
      if (read) previous.attributions.push({ start: previous.text.length, end: previous.text.length, ...read });
      else doubts.push({ line: block.line, message: `"${block.text}" names no body yet: kept for the item above (line ${previous.line})`, zh: `“${block.text}”尚未写明单位：归入上面第 ${previous.line} 行的条目` });
      previous.labels = lines;
      continue;
    }
    if (block.kind === 'paragraph') {
      const numbering = numberingOf(block.text);
      const text = numbering ? numbering.rest : block.text;
      items.push({ line: block.line, text, attributions: findAttributions(text), ...(numbering ? { numbering } : {}) });
    } else items.push(...tableItems(block.rows, doubts));
  }
  return items;
}

/** The rows of a table: tasks where a header names the departments, headings where a row is one, else text. */
function tableItems(rows: TableRow[], doubts: Doubt[]): Item[] {
  const out: Item[] = [];
  let columns: Column[] | undefined;
  for (const row of rows) {
    const cells = row.cells.map((c) => c.trim());
    const filled = cells.filter((c) => c !== '');
    if (filled.length === 0) continue;
    if (isHeaderRow(cells)) {
      columns = cells.map(columnOf);
      out.push({ line: row.line, text: filled.join(' '), attributions: [], skip: true });
      continue;
    }
    // A row of one cell (or one repeated across merged cells): a heading or a paragraph inside the table.
    if (!columns || new Set(filled).size === 1) {
      for (const cell of columns ? [filled[0]!] : filled) {
        for (const paragraph of cell.split('\n').filter((p) => p.trim() !== '')) {
          const numbering = numberingOf(paragraph.trim());
          const text = numbering ? numbering.rest : paragraph.trim();
          out.push({ line: row.line, text, attributions: findAttributions(text), ...(numbering ? { numbering } : {}) });
        }
      }
      continue;
    }
    // Merged cells come repeated from the extractors (rowspan, w:vMerge): an empty cell is empty.
    const full = columns.map((_, i) => cells[i] ?? '');
    const texts = columns.flatMap((c, i) => (c.kind === 'text' && full[i] ? [full[i]!] : []));
    const numberAt = columns.findIndex((c) => c.kind === 'number');
    const scopeAt = columns.findIndex((c) => c.kind === 'scope');
    const deadlineAt = columns.findIndex((c) => c.kind === 'deadline');
    const entries: Role[] = [];
    let incomplete = false;
    const departments: string[] = [];
    let responsibility: Task['responsibility'] | undefined;
    let marked: string[] = [];
    columns.forEach((c, i) => {
      if (c.kind !== 'departments' || !full[i]) return;
      const read = readAttribution(full[i]!.replace(/\n/g, '、'), c.role);
      if (!read) {
        doubts.push({ line: row.line, message: `the ${c.header} cell "${full[i]}" does not read as a list of bodies`, zh: `“${c.header}”一栏的“${full[i]}”读不出单位名单` });
        return;
      }
      for (const d of read.departments) if (!departments.includes(d)) departments.push(d);
      entries.push(...read.roles);
      marked = [...marked, ...read.marked];
      incomplete ||= read.incomplete;
      // The first departments column says how the task is carried (牵头单位 before 配合单位).
      responsibility ??= read.responsibility;
    });
    const text = texts.length > 1 ? texts.slice(1).join('\n') : texts[0] ?? '';
    if (departments.length === 0 || text === '') {
      out.push({ line: row.line, text: filled.join(' '), attributions: [] });
      continue;
    }
    const attribution: Attribution = {
      start: 0, end: 0, departments, roles: entries, marked, responsibility: marked.length > 0 ? 'led' : responsibility ?? 'sole',
      incomplete, notes: [], doubts: [],
      ...(scopeAt >= 0 && full[scopeAt] ? { scope: full[scopeAt] } : {}),
      ...(deadlineAt >= 0 && full[deadlineAt] ? { deadline: full[deadlineAt] } : {}),
    };
    const number = numberAt >= 0 && full[numberAt] ? full[numberAt]!.normalize('NFKC').replace(/[.、]$/, '') : undefined;
    out.push({
      line: row.line,
      text,
      attributions: [],
      row: { text, attribution, ...(number ? { number } : {}), ...(texts.length > 1 && texts[0] ? { measure: texts[0] } : {}) },
    });
  }
  return out;
}

function readFront(front: Item[]): PlanMeta {
  const meta: PlanMeta = { title: '', implements: [] };
  const titles: string[][] = [];
  let current: string[] | undefined;
  const openings: string[] = [];
  for (let i = 0; i < front.length; i++) {
    const text = front[i]!.text;
    const next = front[i + 1]?.text;
    const date = isoDate(text);
    let title = false;
    if (PUBLIC.test(text)) {
      // （此件公开发布）
    } else if (date) meta.date ??= date;
    else if (DOC_NUMBER.test(text.replace(/\s+/g, ''))) meta.number ??= text.replace(/\s+/g, '');
    else if (next !== undefined && isoDate(next) && isShortLine(text) && text.length <= 30) meta.issuer ??= text;
    else if (/[：:]$/.test(text) && text.length <= 150 && meta.addressees === undefined && openings.length === 0) meta.addressees = text.replace(/[：:]$/, '');
    else if (isShortLine(text)) {
      title = true;
      if (!current) titles.push((current = []));
      current.push(text);
    } else if (meta.notice === undefined && /印发给你们|现印发|现转发|转发给你们/.test(text)) meta.notice = text;
    else openings.push(text);
    if (!title) current = undefined;
  }
  meta.title = titles[0]?.join('') ?? '';
  if (openings.length > 0) meta.opening = openings.join('\n');
  return meta;
}

interface Heading {
  level: number;
  number: string;
  title: string;
  line: number;
  /** Set once the heading is written into the plan. */
  part?: Part;
  section?: Section;
}

class PlanBuilder {
  readonly unattributed: number[] = [];
  private readonly parts: Part[] = [];
  private readonly sections: Section[] = [];
  private readonly tasks: Task[] = [];
  private readonly notes: Note[] = [];
  private readonly departments = new Map<string, Department>();
  private readonly stack: Heading[] = [];
  private leadRule = false;
  private implied: string[] = [];

  constructor(private readonly meta: PlanMeta, private readonly doubts: Doubt[]) {}

  plan(): Plan {
    return {
      meta: this.meta,
      departments: [...this.departments.values()],
      parts: this.parts,
      sections: this.sections,
      tasks: this.tasks,
      notes: this.notes,
      synonyms: [],
    };
  }

  /** The paragraph just before, when it was prose without an attribution (for an attribution on the next line). */
  private prose: Item | undefined;

  read(items: Item[]): void {
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const prose = this.prose;
      this.prose = undefined;
      if (prose && !item.numbering && item.attributions.length > 0) this.prose = prose;
      if (item.skip) continue;
      if (item.row) {
        this.addTask(item, item.row.text, item.row.attribution, item.row.number ?? null, item.row.measure);
        continue;
      }
      const n = item.numbering;
      if (n) {
        while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level >= n.level) this.stack.pop();
        const children = this.children(items, i, n.level);
        const attributedChildren = children.filter((c) => c.attributions.length > 0 || c.row);
        if (item.attributions.length === 0 && attributedChildren.length === 1 && children.every((c) => !c.numbering && !c.row)
          && children[children.length - 1] === attributedChildren[0] && attributedChildren[0]!.attributions.length === 1 && this.taskLevel(items, n.level)) {
          // One task over several paragraphs: the numbered item, then its continuation up to the attribution.
          const last = attributedChildren[0]!;
          const text = [item.text, ...children.map((c) => c.text)].join('\n');
          const offset = text.length - last.text.length;
          const a = last.attributions[0]!;
          this.doubts.push({ line: item.line, message: `item ${n.number} runs over ${children.length + 1} paragraphs to its attribution at line ${last.line}: read as one task`, zh: `第 ${n.number} 条跨 ${children.length + 1} 段，到第 ${last.line} 行才有责任单位：按一项任务读入` });
          this.addTasks({ ...item, text, attributions: [{ ...a, start: a.start + offset, end: a.end + offset }] });
          i += children.length;
          continue;
        }
        if (item.attributions.length === 0 || attributedChildren.length > 0) this.pushHeading({ level: n.level, number: n.number, title: titleOf(item.text), line: item.line });
        if (item.attributions.length > 0) this.addTasks(item);
        else if (attributedChildren.length === 0) this.noAttribution(item);
        if (item.attributions.length === 0 && attributedChildren.length === 0 && n.level >= 3 && this.taskLevel(items, n.level)) {
          this.doubts.push({ line: item.line, message: `item ${n.number} has no attribution: not made a task`, zh: `第 ${n.number} 条没有责任单位：未作为任务` });
        }
        continue;
      }
      if (item.attributions.length > 0) this.addTasks(item);
      else this.noAttribution(item);
    }
  }

  /** A paragraph that names nobody in parentheses: counted, and said when its prose reads like a duty. */
  private noAttribution(item: Item): void {
    this.unattributed.push(item.line);
    if (!item.numbering) this.prose = item;
    if (/(部|委|局|署|政府|部门|单位)[^，。；]{0,8}(负责|牵头|会同)/.test(item.text)) {
      this.doubts.push({ line: item.line, message: 'names who acts (负责/牵头/会同…) but has no attribution in parentheses: not made a task', zh: '正文写了谁负责（负责/牵头/会同…），但没有括号内的责任单位：未作为任务' });
    }
  }

  /** Opens a heading; parts and sections go into the plan at once, so that headings without tasks are kept too. */
  private pushHeading(h: Heading): void {
    const part = this.stack.find((x) => x.level === 1)?.part;
    if (h.level === 1) h.part = this.addPart(h);
    else if (h.level === 2 && !this.stack.some((x) => x.level === 2)) h.section = this.addSection(h, part);
    this.stack.push(h);
  }

  /** The items under a numbered item: up to the next one of the same level or higher. */
  private children(items: Item[], at: number, level: number): Item[] {
    const out: Item[] = [];
    for (let j = at + 1; j < items.length; j++) {
      const n = items[j]!.numbering;
      if (n && n.level <= level) break;
      out.push(items[j]!);
    }
    return out;
  }

  private taskLevels: Set<number> | undefined;

  /** Whether numbered items of this level carry tasks elsewhere in the document. */
  private taskLevel(items: Item[], level: number): boolean {
    this.taskLevels ??= new Set(items.flatMap((it) => (it.numbering && it.attributions.length > 0 ? [it.numbering.level] : [])));
    return this.taskLevels.has(level);
  }

  /** The tasks of a paragraph: one per attribution, each from the end of the one before. */
  private addTasks(item: Item): void {
    let from = 0;
    const before = this.tasks.length;
    item.attributions.forEach((a, k) => {
      const text = item.text.slice(from, a.start).trim();
      from = a.end;
      const empty = text.replace(/[。，；、\s]/g, '') === '';
      if (empty && this.tasks.length > before) {
        // （A牵头）（B参与）: a second parenthesis right after the first adds to the same task.
        const task = this.tasks[this.tasks.length - 1]!;
        this.doubts.push({ line: item.line, message: 'two attributions in a row: read as one', zh: '两处责任单位连在一起：合并为一处' });
        const roles = rolesOf(task);
        for (const d of a.departments) {
          if (task.departments.includes(d)) continue;
          task.departments.push(d);
          this.register(d);
          roles.push(...a.roles.filter((r) => r.department === d));
        }
        task.roles = roles;
        return;
      }
      if (empty && this.prose && !item.numbering) {
        // （市质监局负责） on a line of its own: it names who carries the paragraph above.
        const prose = this.prose;
        this.prose = undefined;
        this.unattributed.splice(this.unattributed.lastIndexOf(prose.line), 1);
        this.doubts.push({ line: item.line, message: `an attribution on a line of its own: read with the paragraph at line ${prose.line}`, zh: `责任单位单独成行：与第 ${prose.line} 行的段落合为一项任务` });
        this.addTask(prose, prose.text, a, null, undefined);
        return;
      }
      if (empty) {
        this.doubts.push({ line: item.line, message: 'an attribution with no text before it: left out of tasks', zh: '责任单位前没有任务文字：未作为任务' });
        return;
      }
      this.addTask(item, text, a, k === 0 && item.numbering ? item.numbering.number : null, undefined, k === 0 && item.numbering !== undefined);
    });
    const rest = item.text.slice(from).trim();
    if (rest.replace(/[。，；、\s]/g, '') !== '') {
      const shown = rest.length > 30 ? `${rest.slice(0, 30)}…` : rest;
      this.doubts.push({ line: item.line, message: `text after the last attribution has none of its own, left out of tasks: "${shown}"`, zh: `最后一处责任单位之后的文字没有自己的责任单位，未计入任务：“${shown}”` });
    }
  }

  private addTask(item: Item, text: string, a: Attribution, number: string | null, measure: string | undefined, own = false): void {
    const id = this.tasks.length + 1;
    if (a.leadRule) this.leadRule = true;
    for (const d of a.doubts) this.doubts.push({ line: item.line, ...d });
    const leads = a.marked.length > 0 ? [...new Set(a.marked)] : this.leadRule ? [a.departments[0]!] : [];
    const implied = this.implied.filter((d) => !a.departments.includes(d));
    for (const name of a.departments) this.register(name);
    const { part, section, deeper } = this.place(own ? item.line : undefined);
    const headings = [...deeper, ...(measure ? [measure] : [])];
    // Roles say more than responsibility only where they differ from it (牵头/参与, 指导, 会同, a mix).
    const implicit = a.responsibility === 'shared' ? ['responsible', '按职责分工负责'] : a.responsibility === 'guided' ? ['guide', '指导'] : ['responsible', '负责'];
    const plain = a.roles.every((r) => r.role === implicit[0] && r.word === implicit[1]);
    this.tasks.push({
      id,
      ...(number === String(id) ? {} : { number }),
      ...(section ? { section: section.id } : part ? { part: part.id } : {}),
      ...(headings.length > 0 ? { heading: headings.join(' / ') } : {}),
      text,
      departments: a.departments,
      responsibility: a.responsibility,
      ...(leads.length > 0 ? { leads } : {}),
      ...(plain ? {} : { roles: a.roles }),
      ...(a.incomplete ? { incomplete: true } : {}),
      ...(a.scope ? { scope: a.scope } : {}),
      ...(a.deadline ? { deadline: a.deadline } : {}),
      ...(implied.length > 0 ? { implied } : {}),
    });
    if (a.leadRule) this.notes.push({ text: a.leadRule, implied: [], task: id });
    for (const note of a.notes) {
      for (const name of note.implied) this.register(name);
      this.notes.push({ ...note, task: id });
      this.implied = [...new Set([...this.implied, ...note.implied])];
    }
  }

  private register(name: string): void {
    if (!this.departments.has(name)) this.departments.set(name, { name, aliases: [], group: isGroup(name) });
  }

  /**
   * The part, section and deeper headings the next task stands under; a deeper heading that is the task's own
   * numbered item (at `own`, its line) is not one of them: its title is the start of the task's text.
   */
  private place(own?: number): { part?: Part; section?: Section; deeper: string[] } {
    let part: Part | undefined;
    let section: Section | undefined;
    const deeper: string[] = [];
    for (const h of this.stack) {
      if (h.part) part = h.part;
      else if (h.section) section = h.section;
      else if (h.line !== own) deeper.push(`${h.level >= 3 && /^\d+$/.test(h.number) ? `${h.number}．` : h.number}${h.title}`);
    }
    return { ...(part ? { part } : {}), ...(section ? { section } : {}), deeper };
  }

  private addPart(h: Heading): Part {
    const id = this.parts.length + 1;
    const part: Part = { id, title: h.title, ...(partNumberMatches(h.number, id) ? {} : { number: h.number }) };
    this.parts.push(part);
    return part;
  }

  private addSection(h: Heading, part: Part | undefined): Section {
    const id = this.sections.length + 1;
    const section: Section = { id, ...(part ? { part: part.id } : {}), title: h.title, ...(sectionNumberMatches(h.number, id) ? {} : { number: h.number }) };
    this.sections.push(section);
    return section;
  }
}

const HAN_NUMBERS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function han(n: number): string {
  if (n <= 10) return HAN_NUMBERS[n]!;
  if (n < 20) return `十${HAN_NUMBERS[n - 10]}`;
  if (n < 100) return `${HAN_NUMBERS[Math.floor(n / 10)]}十${n % 10 ? HAN_NUMBERS[n % 10] : ''}`;
  return String(n);
}
const partNumberMatches = (number: string, id: number) => number === han(id);
const sectionNumberMatches = (number: string, id: number) => number === `（${han(id)}）`;
