import { stringify } from 'yaml';
import type { Report } from './report.js';

export function render<R>(report: Report<R>): string {
  if (report.records.length === 0) return '[]\n';
  return stringify(report.records.map(report.toJSON), { lineWidth: 0 });
}
