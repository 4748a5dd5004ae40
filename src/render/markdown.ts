import { columnsFor, labelOf, type Report } from './report.js';
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

/** A GitHub-flavoured Markdown table for people: the table's headings and values, in their language. */
export function render<R>(report: Report<R>): string {
  const columns = columnsFor(report, 'table').filter((c) => !c.bar);
  const heading = (report.heading ?? []).map((line) => `${escapeMarkdown(line.trim())}\n\n`).join('');
  const header = `| ${columns.map((c) => escapeMarkdown(labelOf(c))).join(' | ')} |`;
  const rule = `|${columns.map((c) => (c.align === 'right' ? ' ---: |' : ' --- |')).join('')}`;
  const rows = report.records.map((r) => `| ${columns.map((c) => escapeMarkdown(c.value(r))).join(' | ')} |`);
  return `${heading}${[header, rule, ...rows].join('\n')}\n`;
}
