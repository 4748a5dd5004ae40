import type { Document, Node } from 'yaml';
import { EXIT, PlanError } from '../errors.js';
import { msg, word, type Message } from '../i18n/index.js';
import { lastAtOrBefore } from '../text.js';
import type { Plan } from '../types.js';
import { parseText, pieceFinder, type Piece } from './parse.js';
import { validatePlan, type Path, type Problem } from './validate.js';

/** A problem with its place in the file, 1-based; a YAML syntax error also has the text of its line. */
export interface LocatedProblem {
  line: number;
  column: number;
  /** What is wrong, in English words (logs, tests); `said` is the message to word in the user's language. */
  message: string;
  said: Message;
  /** The line the problem is on, for a YAML syntax error (reading stops there). */
  source?: string;
}

/** What checking a plan file's text found: the plan, or its problems (the first ones, and how many in all). */
export interface PlanCheck {
  plan: Plan | undefined;
  problems: LocatedProblem[];
  /** Problems in all; more than `problems` holds when there are more than MAX_LOCATED. */
  total: number;
  /** True when reading stopped at a YAML syntax error: there may be more after it. */
  syntax?: boolean;
}

/** Problems given a place at most: a file with more is not read line by line, and each place costs a parse. */
export const MAX_LOCATED = 20;

/** Line starts of a text, made once and only when a place is wanted. */
function lineFinder(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    }
    const line = lastAtOrBefore(starts, offset);
    return { line: line + 1, column: offset - starts[line]! + 1 };
  };
}

type Yaml = typeof import('yaml');

function nodeAt({ isMap, isPair, isScalar }: Yaml, doc: Document, path: Path, atKey: boolean): Node | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const here = path.slice(0, depth);
    if (atKey && depth === path.length && depth > 0) {
      const parent = here.length > 1 ? doc.getIn(here.slice(0, -1), true) : doc.contents;
      const last = here[here.length - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === last);
        if (pair && isScalar(pair.key)) return pair.key;
      }
      continue;
    }
    const node = depth === 0 ? doc.contents : doc.getIn(here, true);
    if (node && typeof node === 'object' && 'range' in node && node.range) return node as Node;
  }
  return undefined;
}

/**
 * Problems in file order, by their paths: keys in the order the file has them, items by index. Cheaper than a
 * place for each, which only the first MAX_LOCATED get.
 */
function sortByPath(data: unknown, problems: Problem[]): Problem[] {
  const rank = (path: Path): number[] => {
    const ranks: number[] = [];
    let value = data;
    for (const step of path) {
      if (typeof step === 'number') ranks.push(step);
      else {
        const keys = typeof value === 'object' && value !== null ? Object.keys(value) : [];
        const index = keys.indexOf(step);
        ranks.push(index < 0 ? keys.length : index);
      }
      value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[step] : undefined;
    }
    return ranks;
  };
  const ranked = problems.map((problem) => ({ problem, rank: rank(problem.path) }));
  ranked.sort((a, b) => {
    for (let i = 0; i < Math.min(a.rank.length, b.rank.length); i++) if (a.rank[i] !== b.rank[i]) return a.rank[i]! - b.rank[i]!;
    return a.rank.length - b.rank.length;
  });
  return ranked.map((r) => r.problem);
}

async function locateProblems(text: string, pieces: Piece[], data: unknown, problems: Problem[]): Promise<LocatedProblem[]> {
  const yaml = await import('yaml');
  const position = lineFinder(text);
  const find = await pieceFinder(text, pieces);
  const located = sortByPath(data, problems).slice(0, MAX_LOCATED).map((problem) => {
    const piece = find(problem.path);
    const node = piece ? nodeAt(yaml, piece.doc, piece.path, problem.atKey === true) : undefined;
    return { ...position((piece?.start ?? 0) + (node?.range?.[0] ?? 0)), message: word('en', problem.message), said: problem.message };
  });
  return located.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Parses and checks the text of a plan file. Returns the plan, or its problems: the first YAML syntax error
 * (reading stops there), else the first MAX_LOCATED problems of the plan's content in file order, and how many.
 *
 * @example (await checkPlanText('title: x\n')).problems[0] // { line: 1, column: 1, message: 'the plan has no departments' }
 */
export async function checkPlanText(text: string): Promise<PlanCheck> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = await parseText(source);
  const { data, problem } = parsed;
  if (problem) {
    const { line, column } = lineFinder(source)(problem.offset);
    const start = problem.offset - column + 1;
    const end = source.indexOf('\n', start);
    const lineText = source.slice(start, end < 0 ? source.length : end).replace(/\r$/, '');
    return { plan: undefined, problems: [{ line, column, message: word('en', problem.message), said: problem.message, source: lineText }], total: 1, syntax: true };
  }
  const { plan, problems, total } = validatePlan(data);
  if (problems.length === 0) return { plan, problems: [], total: 0 };
  return { plan: undefined, problems: await locateProblems(source, parsed.pieces, data, problems), total: total ?? problems.length };
}

/** Characters of a line shown around the column of a syntax error. */
const EXCERPT = 60;

/** Columns a character takes in a terminal, closely enough to put a ^ under the right one. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const columns = (text: string) => Array.from(text).reduce((n, c) => n + (WIDE.test(c) ? 2 : 1), 0);

/**
 * The line of a syntax error and a mark under its column, cut to EXCERPT characters around it (printed
 * neutralised: each control character becomes one visible one, so the mark stays under its column):
 *   16 |     departments: [a, b
 *      |                  ^
 */
export function excerpt({ line, column, source = '' }: LocatedProblem): string[] {
  const at = column - 1;
  const from = Math.max(0, at - EXCERPT / 2);
  const to = Math.min(source.length, from + EXCERPT);
  const before = (from > 0 ? '…' : '') + source.slice(from, at);
  const shown = before + source.slice(at, to) + (to < source.length ? '…' : '');
  const gutter = String(line);
  return [`${gutter} | ${shown}`, `${' '.repeat(gutter.length)} | ${' '.repeat(columns(before))}^`];
}

/** A file name as messages show it: long ones by their end, which names the file. */
export function shortName(file: string): string {
  return file.length > 80 ? `…${file.slice(-79)}` : file;
}


/**
 * Parses and checks a plan file's text, or throws a PlanError (exit 3): the first syntax error with its line
 * marked, or the first problems as `file:line:column` and how many more there are.
 *
 * @example (await loadPlanText(readFileSync('plan.yaml', 'utf8'), 'plan.yaml')).tasks.length // 75
 */
export async function loadPlanText(text: string, file: string): Promise<Plan> {
  const { plan, problems, total, syntax } = await checkPlanText(text);
  if (plan) return plan;
  const name = shortName(file);
  if (syntax) {
    const [first] = problems;
    throw new PlanError(msg('plan.syntax', { file: name, line: first!.line, column: first!.column, message: first!.said }), {
      exitCode: EXIT.planFile,
      details: excerpt(first!),
    });
  }
  const shown = problems.map((p) => msg('problem.at', { file: name, line: p.line, column: p.column, problem: p.said }));
  if (total > problems.length) shown.push(msg('validate.more', { n: total - problems.length }));
  throw new PlanError(msg('plan.invalid', { file: name, n: total }), { exitCode: EXIT.planFile, details: shown });
}
