import { PlanError } from '../errors.js';
import { msg, type Translate } from '../i18n/index.js';
import { isGuess, noteOf, resolveInPlans, type DepartmentMatch } from '../plan/departments.js';
import { deptReport } from '../views/departments.js';
import { dutiesPerPlan, plansOfDepartment } from '../views/plans.js';
import type { Plan } from '../types.js';
import { LIMIT_OPTION, type Command } from './command.js';

/**
 * Names that differ from `name` only by the leading 国家 of a central body (发展改革委 and 国家发展改革委: plans of
 * one year write both), with tasks: the same body perhaps, and perhaps not, so said rather than merged.
 */
function sameBodyPerhaps(plan: Plan, t: Translate, name: string): { other: string; name: string; where: string }[] {
  const twin = name.startsWith('国家') ? name.slice(2) : `国家${name}`;
  if (twin.length < 2 || !plan.departments.some((d) => d.name === twin && !d.group)) return [];
  const tasks = plan.tasks.filter((task) => task.departments.includes(twin));
  if (tasks.length === 0) return [];
  const where = plan.merged ? plansOfDepartment(plan)(twin).map((p) => `${p.id}: ${t('n.task', { n: p.tasks })}`).join(t('list.comma')) : t('n.task', { n: tasks.length });
  return [{ other: twin, name, where }];
}

export const dept: Command = {
  name: 'dept',
  description: 'command.dept',
  examples: ['plan dept 质监局', 'plan dept zhijianju', 'plan dept 重庆市质量技术监督局 --json', 'plan --plan plans/ dept 财政部'],
  arguments: [{ name: '<name...>', description: 'argument.department' }],
  options: [LIMIT_OPTION],
  async run({ plans, args, t, note }) {
    const { plan, members } = await plans();
    const resolve = (name: string) => resolveInPlans(plan.departments, members.map((m) => m.plan), name, plan.characters);
    const sheet = (match: DepartmentMatch) => {
      if (isGuess(match)) note(noteOf(args.join(' '), match));
      const { department } = match;
      const report = deptReport(plan, t, department);
      for (const other of sameBodyPerhaps(plan, t, department.name)) note(msg('dept.alsoAs', other));
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
