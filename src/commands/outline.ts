import { parsePart } from '../query/input.js';
import { outlineReport } from '../views/outline.js';
import { LIMIT_OPTION, type Command } from './command.js';

export const outline: Command = {
  name: 'outline',
  description: 'command.outline',
  examples: ['plan outline', 'plan outline --part 三', 'plan outline --json'],
  options: [{ flags: '--part <n>', description: 'option.outlinePart' }, LIMIT_OPTION],
  async run({ plan: load, options, t }) {
    const plan = await load();
    const part = options.part as string | undefined;
    return { ...outlineReport(plan, t, part === undefined ? undefined : parsePart(plan, part)), empty: t('empty.outline') };
  },
};
