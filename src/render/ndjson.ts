import { safeJSON } from './json.js';
import type { Report } from './report.js';

export function render<R>(report: Report<R>): string {
  return report.records.map((record) => `${safeJSON(report.toJSON(record))}\n`).join('');
}
