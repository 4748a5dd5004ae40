import { safeJSON } from './json.js';
import type { Report } from './report.js';

export function render(report: Report): string {
  return report.records.map((record) => `${safeJSON(report.toJSON(record))}\n`).join('');
}
