import { safeJSON } from './json.js';
import type { Report } from './report.js';

export function render<R>(report: Report<R>): string {
  return report.records.map((record) => `${safeJSON(report.toJSON(record))}\n`).join('');
}

/** Several reports: every record a line, with the name of its report first: `{"view":"pairs",…}`. */
export function renderKeyed(reports: Record<string, Report>, key = 'view'): string {
  return Object.entries(reports)
    .flatMap(([name, r]) => r.records.map((record) => `${safeJSON({ [key]: name, ...(r.toJSON(record) as object) })}\n`))
    .join('');
}
