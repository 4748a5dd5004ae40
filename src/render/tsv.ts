import { columnsFor, type Report } from './report.js';
import { neutralise } from './sanitize.js';

/** One record a line, fields separated by tabs, no header; tabs and newlines inside a field show as ␉ and ␊. */
export function render<R>(report: Report<R>): string {
  return report.records.map((record) => `${columnsFor(report, 'text').map((c) => neutralise(c.value(record))).join('\t')}\n`).join('');
}
