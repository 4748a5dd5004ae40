import type { Document, LineCounter, Node } from 'yaml';
import { EXIT, PlanError } from '../errors.js';
import type { Plan } from '../types.js';
import { validatePlan, type Path, type Problem } from './validate.js';

/** A problem with its place in the file, 1-based. */
export interface LocatedProblem {
  line: number;
  column: number;
  message: string;
}

/** More aliases than this in one file is an alias bomb ("billion laughs"), not a plan. */
const MAX_ALIAS_COUNT = 1000;

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

function locate(yaml: Yaml, doc: Document, lines: LineCounter, problem: Problem): LocatedProblem {
  const node = nodeAt(yaml, doc, problem.path, problem.atKey === true);
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = lines.linePos(offset);
  return { line, column: col, message: problem.message };
}

function byPosition(a: LocatedProblem, b: LocatedProblem): number {
  return a.line - b.line || a.column - b.column;
}

/**
 * Parses and checks the text of a plan file. Returns the plan and every problem found, in file order.
 *
 * @example (await checkPlanText('title: x\n')).problems[0] // { line: 1, column: 1, message: 'the plan has no departments' }
 */
export async function checkPlanText(text: string): Promise<{ plan: Plan | undefined; data?: unknown; problems: LocatedProblem[] }> {
  const yaml = await import('yaml');
  const { LineCounter, parseDocument } = yaml;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new LineCounter();
  // logLevel 'error': yaml would print Node warnings of its own (a key that is a list) to stderr; the problem is
  // reported here instead, as an unknown key with its position.
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  const syntax = [...doc.errors, ...doc.warnings].map((error) => {
    const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
    return { line: pos.line, column: pos.col, message: error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '') };
  });
  if (syntax.length > 0) return { plan: undefined, problems: syntax.sort(byPosition) };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a ReferenceError for alias bombs and for aliases to anchors it has not seen
    const message = error instanceof Error ? error.message : String(error);
    return { plan: undefined, problems: [{ line: 1, column: 1, message: `cannot expand YAML aliases: ${message}` }] };
  }
  const { plan, problems } = validatePlan(data);
  if (problems.length > 0) return { plan: undefined, problems: problems.map((p) => locate(yaml, doc, lines, p)).sort(byPosition) };
  return { plan, data, problems: [] };
}

/** Shown at most; a file with more problems than this is not worth reading line by line. */
const MAX_SHOWN = 50;

/**
 * Parses and checks a plan file's text, or throws a PlanError (exit 3) that lists every problem as `file:line:column`.
 *
 * @example (await loadPlanText(readFileSync('plan.yaml', 'utf8'), 'plan.yaml')).tasks.length // 75
 */
export async function loadPlanText(text: string, file: string): Promise<Plan> {
  return (await loadPlanData(text, file)).plan;
}

/** As loadPlanText, also returning the parsed YAML data, which a cache can keep (validatePlan turns it into the plan). */
export async function loadPlanData(text: string, file: string): Promise<{ plan: Plan; data: unknown }> {
  const { plan, data, problems } = await checkPlanText(text);
  if (plan) return { plan, data };
  const shown = problems.slice(0, MAX_SHOWN).map((p) => `${file}:${p.line}:${p.column}: ${p.message}`);
  if (problems.length > MAX_SHOWN) shown.push(`… and ${problems.length - MAX_SHOWN} more`);
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  throw new PlanError(`${file} is not a valid plan (${count}); fix it and run: plan validate ${file}`, {
    exitCode: EXIT.planFile,
    details: shown,
  });
}
