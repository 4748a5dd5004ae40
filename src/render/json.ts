import type { Report } from './report.js';

/**
 * JSON.stringify leaves DEL and the C1 controls (U+007F–U+009F) raw; some terminals act on C1 as escape
 * sequences, so they are written as \u escapes, which any JSON reader decodes to the same text.
 */
export function safeJSON(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\x7f-\x9f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function render<R>(report: Report<R>): string {
  return `${safeJSON(report.records.map(report.toJSON), 2)}\n`;
}

/** Several reports as one object keyed by name: `{ "workload": [...], "pairs": [...] }`. */
export function renderKeyed(reports: Record<string, Report>): string {
  return `${safeJSON(Object.fromEntries(Object.entries(reports).map(([name, r]) => [name, r.records.map(r.toJSON)])), 2)}\n`;
}
