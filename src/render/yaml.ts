import type { Report } from './report.js';
import { keyedRecords } from './json.js';
import { escapeUnsafe, hasUnsafe } from './sanitize.js';

/**
 * Plain scalars that a YAML 1.1 reader (PyYAML, many others) takes for something other than a string, which yaml
 * (YAML 1.2) writes plain: a date (2016-06-23), yes/no/on/off, a number with underscores, sexagesimal or 0-octal.
 */
const OTHERWISE_IN_1_1 = /^(?:\d{4}-\d\d?-\d\d?(?:[Tt ].*)?|[yYnN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(?=[\d_]*\d)[\d_]+(?::[0-5]?\d)+(?:\.[\d_]*)?|[-+]?0[0-7_]+|[-+]?(?=.*_)[\d_]+(?:\.[\d_]*)?|=)$/;

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
      if (isScalar(node) && typeof node.value === 'string' && (hasUnsafe(node.value) || OTHERWISE_IN_1_1.test(node.value))) node.type = 'QUOTE_DOUBLE';
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
