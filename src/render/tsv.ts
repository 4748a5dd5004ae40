import { columnsFor, type RenderOptions, type Report } from './report.js';
import { neutralise } from './sanitize.js';

/**
 * One record a line, fields separated by tabs; a header line of the JSON names with --header. Tabs and newlines
 * inside a field show as ␉ and ␊.
 */
export function render<R>(report: Report<R>, options?: RenderOptions): string {
  const columns = columnsFor(report, 'text');
  const header = options?.header ? `${columns.map((c) => c.header).join('\t')}\n` : '';
  return header + report.records.map((record) => `${columns.map((c) => neutralise(c.value(record))).join('\t')}\n`).join('');
}
