import type { Report } from './report.js';

export async function render<R>(report: Report<R>): Promise<string> {
  if (report.records.length === 0) return '[]\n';
  const { stringify } = await import('yaml');
  return stringify(report.records.map(report.toJSON), { lineWidth: 0 });
}
