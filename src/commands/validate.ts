import { EXIT, PlanError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { confusableNames } from '../plan/confusable.js';
import { checkPlanFile, openPlan, type OpenPlanOptions } from '../plan/open.js';
import { planFiles } from '../plan/plans.js';
import type { AnyReport } from '../render/report.js';
import type { Plan } from '../types.js';
import { problemsReport, validationReport } from '../views/validation.js';
import type { Command } from './command.js';

export const validate: Command = {
  name: 'validate',
  description: 'command.validate',
  examples: ['plan validate', 'plan validate my-plan.yaml', 'plan validate plans/*.yaml', 'plan validate - < my-plan.yaml', 'plan validate my-plan.yaml --json'],
  arguments: [{ name: '[file...]', description: 'argument.planFile' }],
  async run({ args, sources, t, note }) {
    // Every plan file the arguments (or --plan) stand for: a folder, each of its plan files.
    const files = sources(args).flatMap((from) => (from.compiled ? [from] : planFiles(from.file).files.map((file) => ({ ...from, file }))));
    const valid: AnyReport[] = [];
    const invalid: AnyReport[] = [];
    for (const from of files) {
      const shown = from.compiled ? 'plan.yaml' : from.file;
      const bundled = from.compiled ? await checkedCopy(from) : undefined;
      if (bundled) {
        valid.push(validationReport(t, shown, bundled));
        continue;
      }
      // The first problems only (load.ts: MAX_LOCATED), and how many there are.
      const { plan, problems, total } = await checkPlanFile(from);
      if (plan) {
        valid.push(validationReport(t, shown, plan));
        for (const warning of confusableNames(plan)) note(msg('validate.warning', { file: shown, warning }));
      } else invalid.push(problemsReport(t, shown, problems, total));
    }
    // Several files: the problems of those that have some, as compilers list them (the others said valid on
    // stderr); else every file's verdict.
    if (invalid.length > 0 && valid.length > 0) note(msg('validate.othersValid', { n: valid.length, files: valid.map((r) => (r.records[0] as { file: string }).file).join(' ') }));
    const reports = invalid.length > 0 ? invalid : valid;
    return reports.length === 1 ? reports[0]! : joinReports(reports);
  },
};

/**
 * The bundled plan from its precompiled copy, checked at build time and used while plan.yaml has the text it was
 * made from (openPlan compares them); an edited plan.yaml is parsed and checked there, and when it fails, undefined:
 * the caller then lists its problems.
 */
async function checkedCopy(from: OpenPlanOptions): Promise<Plan | undefined> {
  try {
    return (await openPlan(from)).plan;
  } catch (error) {
    if (error instanceof PlanError && error.exitCode === EXIT.planFile) return undefined;
    throw error;
  }
}

/** Reports of one kind for several files as one: their records in turn (one JSON array), each file's lines on a terminal. */
function joinReports(reports: AnyReport[]): AnyReport {
  const [first] = reports;
  return {
    ...first!,
    records: reports.flatMap((r) => r.records),
    toJSON: (record: unknown) => reports.find((r) => r.records.includes(record))!.toJSON(record),
    ...(reports.every((r) => r.lines) ? { lines: (width: number) => reports.flatMap((r) => r.lines!(width)) } : {}),
    heading: reports.flatMap((r) => r.heading ?? []),
  };
}
