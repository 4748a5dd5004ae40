import { say, type Translate } from '../i18n/index.js';
import { excerpt, type LocatedProblem } from '../plan/load.js';
import type { Report } from '../render/report.js';
import type { Plan } from '../types.js';

interface Summary {
  file: string;
  plan: Plan;
}

export function summarise(t: Translate, plan: Plan): string {
  return [
    t('n.task', { n: plan.tasks.length }),
    t('n.section', { n: plan.sections.length }),
    t('n.part', { n: plan.parts.length }),
    t('n.department', { n: plan.departments.length }),
  ].join(t('list.comma'));
}

/** The verdict on a plan file that loaded: valid, with its counts. */
export function validationReport(t: Translate, file: string, plan: Plan): Report<Summary> {
  return {
    records: [{ file, plan }],
    lines: () => [{ text: t('validate.valid', { file, summary: summarise(t, plan) }) }],
    columns: [
      { header: 'file', value: (r) => r.file },
      { header: 'status', value: () => 'valid' },
      { header: 'summary', value: (r) => summarise(t, r.plan), only: 'table' },
      { header: 'tasks', value: (r) => String(r.plan.tasks.length), only: 'text' },
      { header: 'sections', value: (r) => String(r.plan.sections.length), only: 'text' },
      { header: 'parts', value: (r) => String(r.plan.parts.length), only: 'text' },
      { header: 'departments', value: (r) => String(r.plan.departments.length), only: 'text' },
    ],
    toJSON: (r) => ({
      file: r.file,
      valid: true,
      tasks: r.plan.tasks.length,
      sections: r.plan.sections.length,
      parts: r.plan.parts.length,
      departments: r.plan.departments.length,
    }),
  };
}

interface FileProblem extends LocatedProblem {
  file: string;
}

/**
 * The problems of a plan file that does not load, one record each: `{ file, line, column, message }` (exit 3).
 * On a terminal and in TSV: `file:line:column: message`, as compilers print them.
 */
export function problemsReport(t: Translate, file: string, problems: LocatedProblem[], total = problems.length): Report<FileProblem> {
  // The message in the user's language, in every format (JSON's field names stay the same).
  const records = problems.map((p) => ({ file, ...p, message: say(t, p.said) }));
  const more = total - problems.length;
  return {
    records,
    heading: [t('validate.invalid', { file, n: total })],
    lines: () => [
      { text: t('validate.invalid', { file, n: total }), tone: 'bold' },
      // A YAML syntax error (reading stopped there) comes with its line, the column marked.
      ...records.flatMap((p) => [{ text: t('problem.at', { file: p.file, line: p.line, column: p.column, problem: p.message }) }, ...(p.source === undefined ? [] : excerpt(p).map((text) => ({ text: `  ${text}` })))]),
      ...(more > 0 ? [{ text: t('validate.more', { n: more }) }] : []),
    ],
    columns: [
      { header: 'file', label: t('column.file'), value: (r) => r.file },
      { header: 'line', label: t('column.line'), value: (r) => String(r.line), align: 'right' },
      { header: 'column', label: t('column.column'), value: (r) => String(r.column), align: 'right' },
      { header: 'message', label: t('column.message'), value: (r) => r.message, wrap: true, weight: 3 },
    ],
    toJSON: (r) => ({ file: r.file, line: r.line, column: r.column, message: r.message }),
    exitCode: 3,
  };
}
