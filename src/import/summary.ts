import type { Plan } from '../types.js';
import type { Encoding } from './decode.js';
import type { Doubt } from './parse.js';

/** Line numbers as a short list: 3, 5–9, 12 (at most `limit` runs, then a count). */
function lines(numbers: number[], limit = 12): string {
  const runs: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    runs.push(j > i ? `${numbers[i]}–${numbers[j]}` : `${numbers[i]}`);
    i = j;
  }
  return runs.length > limit ? `${runs.slice(0, limit).join(', ')}, … (${runs.length - limit} more)` : runs.join(', ');
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What a person reads after an import: what the document is, what was found, and every decision to check.
 *
 * @example summarise('a.txt', 'text', 'UTF-8', plan, [], [])[0] // 'imported a.txt (text, UTF-8)'
 */
export function summarise(name: string, kind: string, encoding: Encoding | undefined, plan: Plan, doubts: Doubt[], unattributed: number[]): string[] {
  const { meta, tasks } = plan;
  const groups = plan.departments.filter((d) => d.group).length;
  const numbered = tasks.filter((t) => t.number !== null).length;
  const lead = tasks.filter((t) => t.leads?.length).length;
  const out = [
    `imported ${name} (${kind}${encoding ? `, ${encoding}${encoding === 'GB18030' ? ' (GBK) detected; the plan file is UTF-8' : ''}` : ''})`,
    `  title        ${meta.title}`,
    `  number       ${meta.number ?? '(none found)'}`,
    `  issuer       ${meta.issuer ?? '(none found)'}`,
    `  date         ${meta.date ?? '(none found)'}`,
    `  headings     ${count(plan.parts.length, 'part', 'parts')} (一、), ${count(plan.sections.length, 'section', 'sections')} (（一）)`,
    `  tasks        ${tasks.length} (${numbered} numbered, ${lead} with a lead, ${tasks.filter((t) => t.incomplete).length} with a list ending in 等)`,
    `  departments  ${plan.departments.length - groups}, and ${count(groups, 'group', 'groups')}`,
  ];
  for (const note of plan.notes) out.push(`  note         ${note.text}${note.task === undefined ? '' : ` (task ${note.task} on)`}${note.implied.length ? `: implied ${note.implied.join('、')}` : ''}`);
  out.push(`  no attribution: ${unattributed.length === 0 ? 'none' : `${count(unattributed.length, 'paragraph', 'paragraphs')}, lines ${lines(unattributed)}`}`);
  if (doubts.length > 0) {
    out.push(`check ${count(doubts.length, 'decision', 'decisions')}:`);
    for (const d of doubts) out.push(`  line ${d.line}: ${d.message}`);
  }
  return out;
}
