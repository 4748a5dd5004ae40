import { parsePart } from '../query/input.js';
import { outlineReport } from '../views/outline.js';
import type { Command } from './command.js';

export const outline: Command = {
  name: 'outline',
  description: 'parts → sections → task numbers and counts',
  examples: ['plan outline', 'plan outline --part 三', 'plan outline --json'],
  options: [{ flags: '--part <n>', description: 'only this part: 三, 3 or 三、' }],
  async run({ plan: load, options }) {
    const plan = await load();
    const part = options.part as string | undefined;
    return { ...outlineReport(plan, part === undefined ? undefined : parsePart(plan, part)), empty: 'the plan has no part' };
  },
};
