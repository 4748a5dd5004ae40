// Every output format: its renderer, and its rules (which answers it can carry, for whom it is written).
import { EXIT, PlanError } from '../errors.js';
import { msg } from '../i18n/index.js';
import * as csv from './csv.js';
import * as json from './json.js';
import * as markdown from './markdown.js';
import * as ndjson from './ndjson.js';
import type { AnyReport, RenderOptions, Renderer, Report } from './report.js';
import * as table from './table.js';
import * as tsv from './tsv.js';
import * as yaml from './yaml.js';

type KeyedRenderer = (reports: Record<string, Report>) => string | Promise<string>;

interface FormatRule {
  render: Renderer;
  /**
   * How an answer of several reports (the views of `plan stats`) is written: one document keyed by name
   * (`keyed`), each report in turn (`each`: for people, who read the headings), or not at all (`one`: a TSV or
   * CSV file has one header; the user picks the report).
   */
  several: { keyed: KeyedRenderer } | 'each' | 'one';
}

/** Every output format and its rules. A new format is one file here and one line below. */
export const FORMAT_RULES = {
  table: { render: table.render, several: 'each' },
  tsv: { render: tsv.render, several: 'one' },
  json: { render: json.render, several: { keyed: json.renderKeyed } },
  ndjson: { render: ndjson.render, several: { keyed: ndjson.renderKeyed } },
  csv: { render: csv.render, several: 'one' },
  markdown: { render: markdown.render, several: 'each' },
  yaml: { render: yaml.render, several: { keyed: yaml.renderKeyed } },
} satisfies Record<string, FormatRule>;

export type Format = keyof typeof FORMAT_RULES;

export const FORMATS = Object.keys(FORMAT_RULES) as Format[];

/** Formats that can carry several reports at once; the others need one picked (`option`, e.g. --view). */
export const formatsForSeveral = () => FORMATS.filter((f) => (FORMAT_RULES[f] as FormatRule).several !== 'one');

/**
 * Writes an answer in a format: one report, or several keyed by name (how depends on the format's rule).
 * `pick` names the option that chooses one report, for the error of a format that carries only one.
 */
export async function renderAnswer(format: Format, answer: AnyReport | Record<string, AnyReport>, options: RenderOptions, pick = '--view'): Promise<string> {
  const rule: FormatRule = FORMAT_RULES[format];
  if ('records' in answer && Array.isArray(answer.records)) return rule.render(answer as AnyReport, options);
  const reports = answer as Record<string, AnyReport>;
  if (rule.several === 'one') {
    throw new PlanError(msg('format.onlyOne', { format, option: pick, names: Object.keys(reports).join('|'), formats: formatsForSeveral().join(', ') }), { exitCode: EXIT.usage });
  }
  if (rule.several === 'each') {
    const parts: string[] = [];
    for (const report of Object.values(reports)) if (report.records.length > 0 || report.withheld) parts.push(await rule.render(report, options));
    return parts.join('\n');
  }
  return rule.several.keyed(reports);
}
