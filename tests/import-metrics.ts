// How an import agrees with an answer key written by someone else from the document and issue 14's conventions
// (tests/import-keys/*.json): task F1 (tasks matched by the start of their text), and over the key's tasks, the
// share whose departments, leads and headings are exactly right. Used by import-corpus.test.ts and
// `npm run eval:import`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { importDocument } from '../src/import/index.js';
import { lookup, rolesOf } from '../src/plan/lookup.js';
import type { Plan } from '../src/types.js';

export interface KeyTask {
  number: string | null;
  start: string;
  end: string;
  headings: string[];
  departments: string[];
  leads: string[];
  roles: Record<string, string>;
  incomplete: boolean;
  scope: string | null;
}

export interface Key {
  document: string;
  title: string;
  number: string | null;
  issuer: string | null;
  date: string | null;
  tasks: KeyTask[];
}

export interface Agreement {
  document: string;
  format: string;
  keyTasks: number;
  found: number;
  matched: number;
  f1: number;
  departments: number;
  leads: number;
  headings: number;
  incomplete: number;
  scope: number;
  /** Tasks whose text ends as the key's does, and whose roles have the key's words. */
  ends: number;
  roles: number;
  /** Title, 文号, issuer and date, each right or not. */
  meta: Record<'title' | 'number' | 'issuer' | 'date', boolean>;
  /** The key's tasks that no imported task matched, and what differed on matched ones, for reading. */
  misses: string[];
}

/** The repository: where package.json is, above this file (here under tests/, or bundled under .bench/). */
function repository(): URL {
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    if (existsSync(new URL('package.json', dir))) return dir;
    if (dir.pathname === '/') throw new Error('no package.json above tests/import-metrics.ts');
  }
}
const KEYS = new URL('tests/import-keys/', repository());
const SHARED = new URL('../shared/', repository());

export function readKeys(): Key[] {
  return readdirSync(KEYS).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(new URL(f, KEYS), 'utf8')) as Key);
}

/** Where a key's document is: ../shared/corpus, or ../shared/source for the seed text; undefined when absent. */
export function documentPath(key: Key): URL | undefined {
  for (const dir of ['corpus/', 'source/']) {
    const url = new URL(`${dir}${key.document}`, SHARED);
    if (existsSync(url)) return url;
  }
  return undefined;
}

const clean = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/** The same document in another format, made from its paragraphs: a .docx (zipped here) or a web page. */
export function asFormat(text: string, format: 'txt' | 'docx' | 'html'): Uint8Array {
  if (format === 'txt') return strToU8(text);
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (format === 'html') {
    return strToU8(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body><div class="nav"><a href="/">首页</a></div><div id="UCAP-CONTENT">${lines.map((l) => `<p>${escape(l)}</p>`).join('\n')}</div><div class="footer">版权所有</div></body></html>`);
  }
  const body = lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${escape(l)}</w:t></w:r></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  });
}

/** Compares an imported plan with a key. */
export function agreement(key: Key, plan: Plan, format: string): Agreement {
  const { headingsOf } = lookup(plan);
  const mine = plan.tasks.map((task) => ({ task, text: clean(task.text) }));
  const used = new Set<number>();
  let matched = 0;
  let departments = 0;
  let leads = 0;
  let headings = 0;
  let incomplete = 0;
  let scope = 0;
  let ends = 0;
  let roles = 0;
  const misses: string[] = [];
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => clean(x) === clean(b[i]!));
  for (const k of key.tasks) {
    const start = clean(k.start);
    // In document order: the first unused task whose text starts with the key's start.
    const at = mine.findIndex((m, i) => !used.has(i) && m.text.startsWith(start));
    if (at < 0) {
      misses.push(`no task starts "${k.start}"`);
      continue;
    }
    used.add(at);
    matched++;
    const { task } = mine[at]!;
    const ok = {
      departments: same(task.departments, k.departments),
      leads: same(task.leads ?? [], k.leads),
      headings: same(headingsOf(task), k.headings),
      incomplete: (task.incomplete ?? false) === k.incomplete,
      scope: (task.scope ?? null) === k.scope,
      end: mine[at]!.text.endsWith(clean(k.end)),
      roles: ((r) => r.length === Object.keys(k.roles).length && r.every((x) => k.roles[x.department] === x.word))(rolesOf(task)),
    };
    departments += Number(ok.departments);
    leads += Number(ok.leads);
    headings += Number(ok.headings);
    incomplete += Number(ok.incomplete);
    scope += Number(ok.scope);
    ends += Number(ok.end);
    roles += Number(ok.roles);
    for (const [field, right] of Object.entries(ok)) {
      if (!right) misses.push(`task "${k.start}": ${field} differ`);
    }
  }
  const n = key.tasks.length;
  const precision = plan.tasks.length ? matched / plan.tasks.length : 0;
  const recall = n ? matched / n : 0;
  return {
    document: key.document, format, keyTasks: n, found: plan.tasks.length, matched,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    departments: departments / n, leads: leads / n, headings: headings / n, incomplete: incomplete / n, scope: scope / n,
    ends: ends / n, roles: roles / n,
    meta: {
      title: plan.meta.title === key.title,
      number: (plan.meta.number ?? null) === key.number,
      issuer: (plan.meta.issuer ?? null) === key.issuer,
      date: (plan.meta.date ?? null) === key.date,
    },
    misses,
  };
}

/** Imports a key's document in one format and compares it with the key. */
export async function evaluateKey(key: Key, format: 'txt' | 'docx' | 'html'): Promise<Agreement | undefined> {
  const path = documentPath(key);
  if (!path) return undefined;
  const text = readFileSync(path, 'utf8');
  const { plan } = await importDocument(asFormat(text, format), key.document.replace(/\.txt$/, `.${format}`));
  return agreement(key, plan, format);
}
