import { columnsFor, type RenderOptions, type Report } from './report.js';
import { neutralise } from './sanitize.js';

// A cell that starts like a formula is run by Excel and LibreOffice (OWASP "CSV Injection"): prefix a quote.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * RFC 4180: a header line of the JSON names, CRLF line ends; a UTF-8 byte order mark first when `bom` (Excel
 * reads the Chinese by it; a pipe gets none, so that a program reading it sees `id`, not `\ufeffid`).
 */
export function render<R>(report: Report<R>, options?: RenderOptions): string {
  const columns = columnsFor(report, 'text');
  // Values neutralised as for a terminal (a spreadsheet shows ␛ where the plan had ESC), then made a field.
  const lines = [columns.map((c) => csvField(c.header)), ...report.records.map((r) => columns.map((c) => csvField(neutralise(c.value(r)))))];
  return `${options?.bom ? '\ufeff' : ''}${lines.map((cells) => `${cells.join(',')}\r\n`).join('')}`;
}
