import type { Report } from './report.js';
import { keyedRecords } from './json.js';
import { escapeUnsafe, hasUnsafe } from './sanitize.js';

/**
 * YAML of the data, every unsafe character (sanitize.ts) escaped: yaml writes C0 controls as escapes in double
 * quotes, but C1, bidi and invisible characters raw, and in plain scalars; a text that has one is written double
 * quoted, where a \u escape reads back as the same character.
 */
async function safeYAML(data: unknown): Promise<string> {
  const { Document, isScalar, visit } = await import('yaml');
  const doc = new Document(data);
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === 'string' && hasUnsafe(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return escapeUnsafe(doc.toString({ lineWidth: 0 }), 'yaml');
}

export async function render<R>(report: Report<R>): Promise<string> {
  if (report.records.length === 0) return '[]\n';
  return safeYAML(report.records.map(report.toJSON));
}

/** Several reports as one mapping keyed by name; one withheld is null. */
export async function renderKeyed(reports: Record<string, Report>): Promise<string> {
  return safeYAML(keyedRecords(reports));
}
