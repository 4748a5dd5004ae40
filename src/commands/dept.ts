import { PlanError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { isGuess, noteOf, resolveDepartment, type DepartmentMatch } from '../plan/departments.js';
import { deptReport } from '../views/departments.js';
import { dutiesPerPlan } from '../views/plans.js';
import { LIMIT_OPTION, type Command } from './command.js';

export const dept: Command = {
  name: 'dept',
  description: 'command.dept',
  examples: ['plan dept 质监局', 'plan dept zhijianju', 'plan dept 重庆市质量技术监督局 --json', 'plan --plan plans/ dept 财政部'],
  arguments: [{ name: '<name...>', description: 'argument.department' }],
  options: [LIMIT_OPTION],
  async run({ plan: load, args, t, note }) {
    const plan = await load();
    const resolve = (name: string) => resolveDepartment(plan.departments, name, plan.characters);
    const sheet = (match: DepartmentMatch) => {
      if (isGuess(match)) note(noteOf(args.join(' '), match));
      const { department } = match;
      const report = deptReport(plan, t, department);
      // Several plans: what it does in each of them, under its totals.
      const heading = [...(report.heading ?? []), ...dutiesPerPlan(plan, t, department)];
      return { ...report, heading, empty: t(plan.merged ? 'empty.deptPlans' : 'empty.dept', { name: department.name }) };
    };
    if (args.length > 1) {
      // Words are one name split by spaces (zhi jian ju, 质 监 局) unless each of them names a department.
      const each = await Promise.all(args.map((a) => resolve(a).catch(() => undefined)));
      const found = each.every((m) => m !== undefined) ? [...new Set(each.map((m) => m!.department.name))] : [];
      if (found.length === 1) return sheet(each[0]!);
      if (found.length > 1) {
        throw new PlanError(msg('dept.severalNames', { n: found.length, each: found.map((n) => `--dept ${n}`).join(' '), list: found.join(',') }));
      }
    }
    return sheet(await resolve(args.join('')));
  },
};
