import type { Report } from './report.js';

export async function render<R>(report: Report<R>): Promise<string> {
  if (report.records.length === 0) return '[]\n';
  const { stringify } = await import('yaml');
  return stringify(report.records.map(report.toJSON), { lineWidth: 0 });
}

/** Several reports as one mapping keyed by name. */
export async function renderKeyed(reports: Record<string, Report>): Promise<string> {
  const { stringify } = await import('yaml');
  return stringify(Object.fromEntries(Object.entries(reports).map(([name, r]) => [name, r.records.map(r.toJSON)])), { lineWidth: 0 });
}
