import type { Report } from '../render/report.js';
import type { Plan } from '../types.js';

interface Summary {
  file: string;
  plan: Plan;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function summarise(plan: Plan): string {
  return [
    count(plan.tasks.length, 'task', 'tasks'),
    count(plan.sections.length, 'section', 'sections'),
    count(plan.parts.length, 'part', 'parts'),
    count(plan.departments.length, 'department', 'departments'),
  ].join(', ');
}

/** The verdict on a plan file that loaded: valid, with its counts. (An invalid one never gets here: exit 3.) */
export function validationReport(file: string, plan: Plan): Report<Summary> {
  return {
    records: [{ file, plan }],
    lines: () => [{ text: `${file}: valid, ${summarise(plan)}` }],
    columns: [
      { header: 'file', value: (r) => r.file },
      { header: 'status', value: () => 'valid' },
      { header: 'summary', value: (r) => summarise(r.plan) },
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
