import { escapeUnsafe } from './sanitize.js';
import type { Report } from './report.js';

/**
 * JSON.stringify escapes C0 controls but leaves DEL, C1 (which some terminals act on as escape sequences), bidi
 * and invisible characters and line separators raw: they are written as \u escapes, which any JSON reader decodes
 * to the same text (`jq` on a terminal then shows no raw ones either).
 */
export function safeJSON(value: unknown, indent?: number): string {
  return escapeUnsafe(JSON.stringify(value, null, indent), 'json');
}

export function render<R>(report: Report<R>): string {
  return `${safeJSON(report.records.map(report.toJSON), 2)}\n`;
}

/** Several reports as one object keyed by name: `{ "workload": [...], "pairs": [...] }`; one withheld is null. */
export function renderKeyed(reports: Record<string, Report>): string {
  return `${safeJSON(keyedRecords(reports), 2)}\n`;
}

/** Every report's records by its name, null for a report withheld (too large to give). */
export function keyedRecords(reports: Record<string, Report>): Record<string, unknown[] | null> {
  return Object.fromEntries(Object.entries(reports).map(([name, r]) => [name, r.withheld ? null : r.records.map(r.toJSON)]));
}
