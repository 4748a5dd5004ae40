import type { Plan, Task } from '../types.js';
import { CONTROL, FORMAT, LETTER_NUMBER } from '../unicode-classes.js';


function taskData(task: Task): Record<string, unknown> {
  return {
    id: task.id,
    ...(task.number === undefined ? {} : { number: task.number }),
    ...(task.section === undefined ? {} : { section: task.section }),
    ...(task.part === undefined ? {} : { part: task.part }),
    ...(task.heading === undefined ? {} : { heading: task.heading }),
    text: task.text,
    departments: task.departments,
    responsibility: task.responsibility,
    ...(task.leads?.length ? { leads: task.leads } : {}),
    ...(task.roles ? { roles: task.roles } : {}),
    ...(task.incomplete ? { incomplete: true } : {}),
    ...(task.scope === undefined ? {} : { scope: task.scope }),
    ...(task.deadline === undefined ? {} : { deadline: task.deadline }),
    ...(task.implied?.length ? { implied: task.implied } : {}),
  };
}

/** The plan as data in the key order of docs/plan-format.md, empty optional fields left out. */
export function planData(plan: Plan): Record<string, unknown> {
  const { meta } = plan;
  const some = <T>(key: string, value: T[]) => (value.length > 0 ? { [key]: value } : {});
  const text = (key: string, value: string | undefined) => (value === undefined || value === '' ? {} : { [key]: value });
  return {
    title: meta.title,
    ...text('number', meta.number),
    ...text('issuer', meta.issuer),
    ...text('date', meta.date),
    ...text('addressees', meta.addressees),
    ...some('implements', meta.implements),
    ...text('notice', meta.notice),
    ...text('opening', meta.opening),
    ...text('closing', meta.closing),
    ...some('notes', plan.notes.map((n) => ({ text: n.text, ...(n.implied.length ? { implied: n.implied } : {}), ...(n.task === undefined ? {} : { task: n.task }) }))),
    ...some('synonyms', plan.synonyms),
    departments: plan.departments.map((d) => ({
      name: d.name,
      ...(d.fullName ? { full_name: d.fullName } : {}),
      ...(d.aliases.length ? { aliases: d.aliases } : {}),
      ...(d.group ? { group: true } : {}),
    })),
    ...some('parts', plan.parts.map((p) => ({ id: p.id, ...(p.number === undefined ? {} : { number: p.number }), title: p.title }))),
    ...some('sections', plan.sections.map((s) => ({
      id: s.id, ...(s.part === undefined ? {} : { part: s.part }), ...(s.number === undefined ? {} : { number: s.number }), title: s.title,
    }))),
    tasks: plan.tasks.map(taskData),
  };
}

// The plan file is written here rather than by the yaml library: its shape is fixed, and yaml took 0.5 s for a
// document of 10,000 tasks. Every file written is read back by the strict parser in the tests.

/** What a plain scalar may start with, and what it may not hold (made on first use: the classes are long). */
let plainStart: RegExp | undefined;
let notPlain: RegExp | undefined;

/** Plain (unquoted) only where no YAML reader could take the text for anything else; else a JSON string, which YAML reads too. */
function scalar(text: string, inFlow = false): string {
  const plain = (plainStart ??= new RegExp(`^[${LETTER_NUMBER}（《“‘〔【]`, 'u')).test(text) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(text)
    && !/^[-+.\d]/.test(text) && !(notPlain ??= new RegExp(`[${CONTROL}${FORMAT}\\u2028\\u2029]`, 'u')).test(text) && !/: |:$| #|\s$/.test(text)
    && !(inFlow && /[,[\]{}]/.test(text));
  return plain ? text : JSON.stringify(text);
}

function value(v: unknown, inFlow = false): string {
  if (typeof v === 'string') return scalar(v, inFlow);
  if (v === null) return 'null';
  return String(v);
}

function flowList(items: unknown[]): string {
  return `[${items.map((i) => value(i, true)).join(', ')}]`;
}

function flowMap(map: Record<string, unknown>): string {
  return `{${Object.entries(map).map(([k, v]) => `${k}: ${value(v, true)}`).join(', ')}}`;
}

/** One mapping in block style at `indent`, lists of scalars on one line, lists of mappings one a line. */
function block(map: Record<string, unknown>, indent: string, out: string[], first = indent): void {
  let lead = first;
  for (const [key, v] of Object.entries(map)) {
    if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null) && (indent !== '' || v.length === 0)) out.push(`${lead}${key}: ${flowList(v)}`);
    else if (Array.isArray(v)) {
      out.push(`${lead}${key}:`);
      for (const item of v) {
        if (Array.isArray(item)) out.push(`${indent}  - ${flowList(item)}`);
        else if (typeof item === 'object' && item !== null && key === 'roles') out.push(`${indent}  - ${flowMap(item as Record<string, unknown>)}`);
        else if (typeof item === 'object' && item !== null) block(item as Record<string, unknown>, `${indent}    `, out, `${indent}  - `);
        else out.push(`${indent}  - ${value(item)}`);
      }
    } else if (key === 'date' && typeof v === 'string') out.push(`${lead}${key}: ${JSON.stringify(v)}`);
    else out.push(`${lead}${key}: ${value(v)}`);
    lead = indent;
  }
}

/**
 * Writes a plan as a plan file a person can read and correct: short lists on one line, every text on one line
 * (YAML would join folded lines with a space, and Chinese has none), the date quoted.
 *
 * @example stringifyPlan(plan, '# from 通知.docx\n').startsWith('# from') // true
 */
export function stringifyPlan(plan: Plan, comment = ''): string {
  const out: string[] = [];
  block(planData(plan), '', out);
  return `${comment}${out.join('\n')}\n`;
}
