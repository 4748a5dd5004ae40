import { columnsFor, headingOf, labelOf, type Report } from './report.js';
import { neutralise } from './sanitize.js';

/**
 * Text that reads as itself in GitHub Markdown: backslashes and the characters that start emphasis, links,
 * code or tables escaped, HTML's < > & as entities, line breaks as <br>.
 *
 * @example escapeMarkdown('a*b|c<i>') // 'a\\*b\\|c&lt;i&gt;'
 */
export function escapeMarkdown(value: string): string {
  const escaped = value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, '<br>');
  return neutralise(escaped);
}

/**
 * GitHub-flavoured Markdown for people: the table's headings and values, in their language, and as on a terminal,
 * one table per group under its title in bold (a duty sheet's 牵头, 负责, … are groups, not a column).
 */
export function render<R>(report: Report<R>): string {
  // A heading line indented under the one above (a duty sheet's plans) is an item of a list under it.
  const indented = (line: string | undefined) => line !== undefined && /^\s/.test(line);
  const heading = headingOf(report)
    .map((line, i, all) => `${indented(line) ? '- ' : ''}${escapeMarkdown(line.trim())}${indented(line) && indented(all[i + 1]) ? '\n' : '\n\n'}`)
    .join('');
  const groups = report.groups ?? [{ title: '', records: report.records }];
  const tables = groups.filter((g) => g.records.length > 0).map((group) => {
    const columns = columnsFor({ ...report, columns: group.columns ?? report.columns }, 'table').filter((c) => !c.bar);
    const header = `| ${columns.map((c) => escapeMarkdown(labelOf(c))).join(' | ')} |`;
    const rule = `|${columns.map((c) => (c.align === 'right' ? ' ---: |' : ' --- |')).join('')}`;
    const rows = group.records.map((r) => `| ${columns.map((c) => escapeMarkdown(c.value(r))).join(' | ')} |`);
    return `${group.title ? `**${escapeMarkdown(group.title)}**\n\n` : ''}${[header, rule, ...rows].join('\n')}\n`;
  });
  return `${heading}${report.withheld ? `${escapeMarkdown(report.withheld)}\n` : ''}${tables.join('\n')}`;
}
