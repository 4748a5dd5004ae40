import { resolveDepartment } from '../plan/departments.js';
import { deptReport } from '../views/departments.js';
import { LIMIT_OPTION, type Command } from './command.js';

export const dept: Command = {
  name: 'dept',
  description: 'command.dept',
  examples: ['plan dept 质监局', 'plan dept zhijianju', 'plan dept 重庆市质量技术监督局 --json'],
  arguments: [{ name: '<name...>', description: 'argument.department' }],
  options: [LIMIT_OPTION],
  async run({ plan: load, args, t }) {
    const plan = await load();
    const department = await resolveDepartment(plan.departments, args.join(''));
    return { ...deptReport(plan, t, department), empty: t('empty.dept', { name: department.name }) };
  },
};
