import type { Language } from '../i18n/index.js';
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
  return runs.length > limit ? `${runs.slice(0, limit).join(', ')}, … (+${runs.length - limit})` : runs.join(', ');
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What a person reads after an import, in their language: what the document is, what was found, and every
 * decision to check with its line.
 *
 * @example summarise('a.txt', 'text', 'UTF-8', plan, [], [], 'en')[0] // 'imported a.txt (text, UTF-8)'
 */
export function summarise(name: string, kind: string, encoding: Encoding | undefined, plan: Plan, doubts: Doubt[], unattributed: number[], language: Language = 'en'): string[] {
  const { meta, tasks } = plan;
  const groups = plan.departments.filter((d) => d.group).length;
  const numbered = tasks.filter((t) => t.number !== null).length;
  const lead = tasks.filter((t) => t.leads?.length).length;
  const incomplete = tasks.filter((t) => t.incomplete).length;
  const gbk = encoding === 'GB18030';
  if (language === 'zh') {
    const out = [
      `已导入 ${name}（${kind === 'text' ? '文本' : kind}${encoding ? `，${encoding}${gbk ? '（GBK），已识别；计划文件为 UTF-8' : ''}` : ''}）`,
      `  标题      ${meta.title}`,
      `  文号      ${meta.number ?? '（未找到）'}`,
      `  发文机关  ${meta.issuer ?? '（未找到）'}`,
      `  日期      ${meta.date ?? '（未找到）'}`,
      `  标题层级  ${plan.parts.length} 个部分（一、），${plan.sections.length} 节（（一））`,
      `  任务      ${tasks.length} 项（${numbered} 项有编号，${lead} 项有牵头单位，${incomplete} 项名单以“等”结尾）`,
      `  单位      ${plan.departments.length - groups} 个，另有 ${groups} 个单位群组`,
    ];
    for (const note of plan.notes) out.push(`  说明      ${note.text}${note.task === undefined ? '' : `（自第 ${note.task} 项任务起）`}${note.implied.length ? `：隐含 ${note.implied.join('、')}` : ''}`);
    out.push(`  无责任单位的段落：${unattributed.length === 0 ? '无' : `${unattributed.length} 段，第 ${lines(unattributed)} 行`}`);
    if (doubts.length > 0) {
      out.push(`请核对以下 ${doubts.length} 处判断：`);
      for (const d of doubts) out.push(`  第 ${d.line} 行：${d.zh}`);
    }
    return out;
  }
  const out = [
    `imported ${name} (${kind}${encoding ? `, ${encoding}${gbk ? ' (GBK) detected; the plan file is UTF-8' : ''}` : ''})`,
    `  title        ${meta.title}`,
    `  number       ${meta.number ?? '(none found)'}`,
    `  issuer       ${meta.issuer ?? '(none found)'}`,
    `  date         ${meta.date ?? '(none found)'}`,
    `  headings     ${count(plan.parts.length, 'part', 'parts')} (一、), ${count(plan.sections.length, 'section', 'sections')} (（一）)`,
    `  tasks        ${tasks.length} (${numbered} numbered, ${lead} with a lead, ${incomplete} with a list ending in 等)`,
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
