// The README and docs/plan-format.md stay true to the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli.js';
import { EXIT } from '../src/errors.js';
import { checkPlanText } from '../src/plan/load.js';
import { FORMATS } from '../src/render/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const format = readFileSync(new URL('../docs/plan-format.md', import.meta.url), 'utf8');
const commands = buildProgram().commands.filter((c) => !(c as unknown as { _hidden: boolean })._hidden);

describe('README', () => {
  it.each(commands.map((c) => c.name()))('documents plan %s, which has a description', (name) => {
    const command = commands.find((c) => c.name() === name)!;
    expect(command.description().length).toBeGreaterThan(10);
    expect(readme).toContain(`### \`plan ${name}`);
    expect(readme).toMatch(new RegExp(`\\$ plan ${name}\\b`));
  });

  it('names every output format and every exit code', () => {
    for (const name of FORMATS) expect(readme).toContain(`| \`${name}\` |`);
    for (const code of Object.values(EXIT)) expect(readme).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });

  it('shows the two commands of the quick start and the test command', () => {
    expect(readme).toContain('npm install && npx plan dept 质监局');
    expect(readme).toContain('$ npm test');
  });

  it('explains every dependency of package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      expect(readme, name).toMatch(new RegExp(`^\\| [^|]*(?<![\\w-])${escaped}[ ,]`, 'm'));
    }
  });
});

describe('docs/plan-format.md', () => {
  it('its example is a valid plan', async () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(format)![1]!;
    expect((await checkPlanText(example)).problems).toEqual([]);
  });
});
