import { columnsFor, type Report } from './report.js';
import { neutralise } from './sanitize.js';

function cell(value: string): string {
  return neutralise(value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>'));
}

/** A GitHub-flavoured Markdown table. */
export function render<R>(report: Report<R>): string {
  const columns = columnsFor(report, 'text');
  const header = `| ${columns.map((c) => cell(c.header)).join(' | ')} |`;
  const rule = `|${columns.map((c) => (c.align === 'right' ? ' ---: |' : ' --- |')).join('')}`;
  const rows = report.records.map((r) => `| ${columns.map((c) => cell(c.value(r))).join(' | ')} |`);
  return `${[header, rule, ...rows].join('\n')}\n`;
}
