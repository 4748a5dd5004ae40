import { resolveDepartment } from '../plan/departments.js';
import { deptReport } from '../views/departments.js';
import type { Command } from './command.js';

export const dept: Command = {
  name: 'dept',
  description: "one department's duty sheet: the tasks it carries alone, those it shares and with whom",
  examples: ['plan dept 质监局', 'plan dept zhijianju', 'plan dept 重庆市质量技术监督局 --json'],
  arguments: [{ name: '<name...>', description: 'the department, as you write it' }],
  async run({ plan: load, args }) {
    const plan = await load();
    const department = await resolveDepartment(plan.departments, args.join(''));
    return { ...deptReport(plan, department), empty: `${department.name} has no task in this plan` };
  },
};
