import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../src/errors.js';
import { checkPlanText, loadPlanText } from '../src/plan/load.js';
import { decodePlanText, openPlan, pruneCache, readPlanBytes } from '../src/plan/open.js';

const fixture = (name: string) => new URL(`fixtures/${name}`, import.meta.url).pathname;
const read = (name: string) => readFileSync(fixture(name), 'utf8');

describe('checkPlanText on broken plans', () => {
  it.each([
    { file: 'syntax.yaml', line: 16, column: 5, message: 'Flow sequence in block collection must be sufficiently indented and end with a ]' },
    { file: 'missing-field.yaml', line: 12, column: 5, message: 'task 1 has no text' },
    { file: 'wrong-type.yaml', line: 13, column: 14, message: 'section of task 1 must be a whole number from 1, found "first"' },
    { file: 'duplicate-id.yaml', line: 17, column: 9, message: 'duplicate task id 1' },
    { file: 'missing-section.yaml', line: 13, column: 14, message: 'task 1 names section 9, which the plan does not have' },
    { file: 'missing-part.yaml', line: 9, column: 11, message: 'section 1 names part 7, which the plan does not have (parts: 1)' },
    { file: 'unknown-department.yaml', line: 15, column: 25, message: 'task 1 names department "市外星局", which is not in the departments list' },
    { file: 'unknown-key.yaml', line: 17, column: 5, message: 'unknown key "owner" in task 1 (known: id, number, section, part, heading, text, departments, responsibility, leads, roles, incomplete, scope, deadline, implied)' },
    { file: 'bad-responsibility.yaml', line: 16, column: 21, message: 'responsibility of task 1 must be shared, sole, led or guided, found "alone"' },
    { file: 'duplicate-key.yaml', line: 2, column: 1, message: 'Map keys must be unique' },
    { file: 'proto-key.yaml', line: 7, column: 5, message: 'unknown key "__proto__" in part 1 (known: id, number, title)' },
    { file: 'not-a-mapping.yaml', line: 1, column: 1, message: 'expected the plan (a mapping with title, departments, tasks), found a list' },
    { file: 'alias-bomb.yaml', line: 1, column: 1, message: 'cannot expand YAML aliases: Excessive alias count indicates a resource exhaustion attack' },
  ])('$file: $message at $line:$column', async ({ file, line, column, message }) => {
    const { plan, problems } = await checkPlanText(read(`broken/${file}`));
    expect(plan).toBeUndefined();
    expect(problems).toEqual([{ line, column, message }]);
  });

  it('reports every problem, in file order, not only the first', async () => {
    const text = read('minimal-plan.yaml').replace('section: 1\n    text', 'section: 9\n    text').replace('responsibility: sole', 'responsibility: alone\n    owner: x');
    const { problems } = await checkPlanText(text);
    expect(problems.map((p) => p.message)).toEqual([
      'task 1 names section 9, which the plan does not have',
      'responsibility of task 1 must be shared, sole, led or guided, found "alone"',
      'unknown key "owner" in task 1 (known: id, number, section, part, heading, text, departments, responsibility, leads, roles, incomplete, scope, deadline, implied)',
    ]);
  });

  it('does not let __proto__ in a plan reach any object prototype', async () => {
    await checkPlanText(read('broken/proto-key.yaml'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts a UTF-8 byte order mark and CRLF line ends, with the same result as the clean file', async () => {
    const clean = (await checkPlanText(read('small-plan.yaml'))).plan;
    const windows = (await checkPlanText(`\ufeff${read('small-plan.yaml').replace(/\n/g, '\r\n')}`)).plan;
    expect(clean).toBeDefined();
    expect(windows).toEqual(clean);
  });
});

describe('loadPlanText', () => {
  it('throws a PlanError with exit code 3 listing file:line:column', async () => {
    try {
      await loadPlanText(read('broken/missing-section.yaml'), 'x.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PlanError);
      expect((error as PlanError).exitCode).toBe(3);
      expect((error as PlanError).message).toBe('x.yaml is not a valid plan (1 problem); fix it and run: plan validate x.yaml');
      expect((error as PlanError).details).toEqual(['x.yaml:13:14: task 1 names section 9, which the plan does not have']);
    }
  });

  it('loads the small fixture plan', async () => {
    const plan = await loadPlanText(read('small-plan.yaml'), 'small-plan.yaml');
    expect(plan.tasks.map((t) => t.id)).toEqual([1, 2, 3, 4, 5]);
    expect(plan.departments.find((d) => d.name === '市质监局')).toEqual({ name: '市质监局', fullName: '测试市质量技术监督局', aliases: ['质监局'], group: false });
  });
});

describe('reading plan files', () => {
  const fails = (fn: () => unknown, message: string) => {
    try {
      fn();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PlanError);
      expect((error as PlanError).exitCode).toBe(3);
      expect((error as PlanError).message).toBe(message);
    }
  };

  it.each([
    { name: 'a missing file', file: '/nonexistent/plan.yaml', message: 'plan file /nonexistent/plan.yaml does not exist: give an existing file with --plan FILE or PLAN_FILE' },
    { name: 'a directory', file: fixture('broken'), message: `${fixture('broken')} is a directory, not a plan file` },
  ])('refuses $name', ({ file, message }) => fails(() => readPlanBytes(file), message));

  it.each([
    { file: 'empty.yaml', message: 'is empty; a plan file needs a title, departments, parts, sections and tasks' },
    { file: 'binary.yaml', message: 'is not a text file (it contains NUL bytes); a plan file is UTF-8 YAML' },
    { file: 'latin1.yaml', message: 'is not UTF-8 text; save it as UTF-8 (a plan file is UTF-8 YAML)' },
  ])('refuses $file', ({ file, message }) => fails(() => decodePlanText(readPlanBytes(fixture(`broken/${file}`)), file), `${file} ${message}`));

  it('prunes a cache directory to its newest entries, leaving other files alone', async () => {
    const { mkdtempSync, writeFileSync, utimesSync, readdirSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/plan-prune-');
    for (let i = 0; i < 5; i++) {
      writeFileSync(`${dir}/${String(i).repeat(64)}.json`, '{}');
      utimesSync(`${dir}/${String(i).repeat(64)}.json`, 1000 + i, 1000 + i);
    }
    writeFileSync(`${dir}/notes.txt`, 'mine');
    pruneCache(dir, (name) => name.endsWith('.json'), 2);
    expect(readdirSync(dir).sort()).toEqual([`${'3'.repeat(64)}.json`, `${'4'.repeat(64)}.json`, 'notes.txt']);
  });

  it('answers from a precompiled copy only while the file has the text it was made from', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/plan-test-');
    const file = `${dir}/plan.yaml`;
    const compiled = `${dir}/plan.json`;
    writeFileSync(file, read('small-plan.yaml'));
    const stale = { source: 'not the text of this file', plan: { meta: { title: 'stale', implements: [] }, departments: [], parts: [], sections: [], tasks: [] } };
    writeFileSync(compiled, JSON.stringify(stale));
    expect((await openPlan({ file, compiled })).plan.meta.title).toBe('测试行动计划');
    writeFileSync(compiled, JSON.stringify({ ...stale, source: readFileSync(file, 'utf8') }));
    expect((await openPlan({ file, compiled })).plan.meta.title).toBe('stale');
  });
});
